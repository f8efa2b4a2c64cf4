import { useId, useState, type ReactNode } from 'react'
import { Dialog } from '../../../components/dialog'
import { strings } from '../../../lib/strings'
import { DEFAULT_READING, LEADINGS, saveReadingSettings, SIZES, storedReadingSettings, WIDTHS, type ReadingSettings } from '../settings'

type Messages = (typeof strings)['reading']
type Label = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages]

const LABELS: { [K in keyof ReadingSettings]: Record<ReadingSettings[K], Label> } = {
  size: { small: 'sizeSmall', medium: 'sizeMedium', large: 'sizeLarge', largest: 'sizeLargest' },
  leading: { compact: 'leadingCompact', normal: 'leadingNormal', loose: 'leadingLoose' },
  width: { narrow: 'widthNarrow', normal: 'widthNormal', wide: 'widthWide' },
}

const CHOICES: { [K in keyof ReadingSettings]: readonly ReadingSettings[K][] } = { size: SIZES, leading: LEADINGS, width: WIDTHS }

/**
 * The detail's reading settings: a button opening a dialog of text size, line spacing and
 * width, applied as the reader picks and remembered. `children` is the slot for the script
 * choice (原文/简/繁), shown first.
 */
export function ReadingSettingsButton({ children }: { children?: ReactNode }) {
  const s = strings.reading
  const [open, setOpen] = useState(false)
  const [settings, setSettings] = useState(storedReadingSettings)
  const change = (next: ReadingSettings) => {
    setSettings(next)
    saveReadingSettings(next)
  }
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        className="inline-flex min-h-9 items-center gap-1.5 rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium text-stone-700 hover:bg-stone-100 dark:border-stone-600 dark:text-stone-200 dark:hover:bg-stone-800"
      >
        <span aria-hidden="true" className="font-serif">
          Aa
        </span>
        {s.open}
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title={s.title} closeLabel={s.close} className="reading-settings">
        <div className="space-y-5">
          {children && (
            <section aria-label={s.script} data-slot="script-choice">
              {children}
            </section>
          )}
          {(Object.keys(CHOICES) as (keyof ReadingSettings)[]).map((name) => (
            <Choice key={name} name={name} settings={settings} onChange={change} />
          ))}
          <div className="flex flex-wrap items-center justify-between gap-3 border-t border-stone-200 pt-4 dark:border-stone-800">
            <p className="text-sm text-stone-600 dark:text-stone-400">{s.saved}</p>
            <button
              type="button"
              onClick={() => change(DEFAULT_READING)}
              className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100 dark:border-stone-600 dark:hover:bg-stone-800"
            >
              {s.reset}
            </button>
          </div>
        </div>
      </Dialog>
    </>
  )
}

function Choice<K extends keyof ReadingSettings>({ name, settings, onChange }: { name: K; settings: ReadingSettings; onChange: (next: ReadingSettings) => void }) {
  const s = strings.reading
  const id = useId()
  const labels = LABELS[name]
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-semibold">{s[name]}</legend>
      <div className="flex flex-wrap gap-2">
        {CHOICES[name].map((value) => (
          <label
            key={value}
            className="cursor-pointer rounded-md border border-stone-300 px-3 py-1.5 text-sm has-checked:border-stone-900 has-checked:bg-stone-900 has-checked:text-white has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-sky-600 dark:border-stone-600 dark:has-checked:border-stone-100 dark:has-checked:bg-stone-100 dark:has-checked:text-stone-900"
          >
            <input
              type="radio"
              name={`${id}-${name}`}
              value={value}
              checked={settings[name] === value}
              onChange={() => onChange({ ...settings, [name]: value })}
              className="sr-only"
            />
            {s[labels[value]]}
          </label>
        ))}
      </div>
    </fieldset>
  )
}
