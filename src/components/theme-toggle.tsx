import { useEffect, useState } from 'react'
import { applyTheme, onSystemThemeChange, saveTheme, storedTheme, type ThemeChoice } from '../lib/theme'
import { strings } from '../lib/strings'

const s = strings.app

export function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice>(storedTheme)
  useEffect(() => (choice === 'system' ? onSystemThemeChange(() => applyTheme('system')) : undefined), [choice])
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only sm:not-sr-only">{s.themeLabel}</span>
      <select
        value={choice}
        onChange={(event) => {
          const next = event.target.value as ThemeChoice
          setChoice(next)
          saveTheme(next)
        }}
        className="rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm dark:border-stone-600 dark:bg-stone-900"
      >
        <option value="system">{s.themeSystem}</option>
        <option value="light">{s.themeLight}</option>
        <option value="dark">{s.themeDark}</option>
      </select>
    </label>
  )
}
