import { useEffect, useRef } from 'react'
import { chooseLanguage, currentLanguage, type Language } from '../lib/i18n'
import { HTML_LANG } from '../lib/locale'
import { strings } from '../lib/strings'

// The switch re-renders the whole app (LanguageBoundary), this select included: the new one
// takes the focus back, and the page its scroll position.
let restore: { scrollY: number } | null = null

export function LanguageSwitch() {
  const s = strings.language
  const select = useRef<HTMLSelectElement>(null)
  useEffect(() => {
    if (!restore) return
    const { scrollY } = restore
    restore = null
    select.current?.focus({ preventScroll: true })
    window.scrollTo(0, scrollY)
  }, [])
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only sm:not-sr-only">{s.label}</span>
      <select
        ref={select}
        value={currentLanguage()}
        onChange={(event) => {
          restore = { scrollY: window.scrollY }
          chooseLanguage(event.target.value as Language)
        }}
        className="rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm dark:border-stone-600 dark:bg-stone-900"
      >
        <option value="zh" lang={HTML_LANG.zh}>
          {s.chinese}
        </option>
        <option value="en" lang={HTML_LANG.en}>
          {s.english}
        </option>
      </select>
    </label>
  )
}
