import { useId, useRef, useState } from 'react'
import { strings } from '../lib/strings'

const s = strings.searchSyntax

/** The search box's operators, in a disclosure beside it: a button (aria-expanded), Esc closes and returns to it. */
export function SearchHelp() {
  const id = useId()
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const rows = [
    [s.allExample, s.all],
    [s.phraseExample, s.phrase],
    [s.excludeExample, s.exclude],
    [s.orExample, s.or],
  ] as const
  return (
    <div
      className="relative"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return
        event.preventDefault() // not the page's Esc (back)
        setOpen(false)
        button.current?.focus()
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        className="rounded-md border border-stone-300 px-2 py-0.5 text-sm hover:bg-stone-100 dark:border-stone-600 dark:hover:bg-stone-800"
      >
        {s.open} <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      <div
        id={id}
        role="region"
        aria-label={s.title}
        hidden={!open}
        className="absolute right-0 z-20 mt-2 w-[min(28rem,calc(100vw-3rem))] rounded-lg border border-stone-300 bg-white p-4 text-sm shadow-lg dark:border-stone-600 dark:bg-stone-900"
      >
        <p className="mb-3">{s.intro}</p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
          {rows.map(([example, meaning]) => (
            <div key={example} className="contents">
              <dt>
                <code className="rounded bg-stone-100 px-1.5 py-0.5 dark:bg-stone-800">{example}</code>
              </dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3">{s.words}</p>
        <button
          type="button"
          onClick={() => {
            setOpen(false)
            button.current?.focus()
          }}
          className="mt-3 rounded-md border border-stone-300 px-3 py-1 hover:bg-stone-100 dark:border-stone-600 dark:hover:bg-stone-800"
        >
          {s.close}
        </button>
      </div>
    </div>
  )
}
