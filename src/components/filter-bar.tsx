import { startTransition, useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import { typedEarly } from '../lib/typed-early'
import { addDays, formatDay, parseDay } from '../lib/dates'
import { EMPTY_FILTERS, hasFilters, type Filters } from '../lib/filters'
import { strings } from '../lib/strings'
import type { Outlet } from '../types/data'
import { OutletBadge } from './outlet-badge'
import { SearchHelp } from './search-help'

const s = strings.filters

export interface FilterBarProps {
  filters: Filters
  onChange: (next: Filters, options?: { replace?: boolean }) => void
  outlets: readonly Outlet[]
  /** The newest local day in the collection, for quick ranges (the archive is history, not today). */
  newestDay: string | null
  years: readonly number[]
  /** The result count sentence, announced politely. */
  status: string
  /** What the search box searches, as its label. */
  searchLabel?: string
  /** More controls of a view, in the result row (the list's unread toggle and mark-all). */
  actions?: ReactNode
  /** A view's own controls (the list's story grouping), beside the result count. */
  children?: ReactNode
  /** The box takes the search operators (the list and timeline): a help disclosure beside it documents them. */
  searchSyntax?: boolean
}

// Short: a query updates the list within a frame or two of the last keystroke; the list renders in a transition, so typing stays fluid.
const SEARCH_DEBOUNCE_MS = 40

export function FilterBar({ filters, onChange, outlets, newestDay, years, status, searchLabel = s.search, actions, children, searchSyntax = false }: FilterBarProps) {
  const id = useId()
  const toggleOutlet = (outletId: string, on: boolean) => {
    const chosen = new Set(filters.outlets)
    if (on) chosen.add(outletId)
    else chosen.delete(outletId)
    onChange({ ...filters, outlets: outlets.map((o) => o.id).filter((o) => chosen.has(o)) })
  }
  const quick = quickRanges(newestDay, years)
  const [open, setOpen] = useState(false)
  const active = filters.outlets.length + (filters.from ? 1 : 0) + (filters.to ? 1 : 0)
  return (
    <section aria-label={s.label} className="space-y-4 rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
      <SearchBox label={searchLabel} help={searchSyntax ? <SearchHelp /> : null} value={filters.q} onCommit={(q) => onChange({ ...filters, q }, { replace: filters.q !== '' && q.trim() !== '' })} />

      {/* On a phone the outlet and date controls fold away so the first articles are on screen. */}
      <button
        type="button"
        aria-expanded={open}
        aria-controls={`${id}-more`}
        onClick={() => setOpen(!open)}
        className="flex w-full items-center justify-between rounded-md border border-stone-300 px-3 py-2 text-sm font-medium sm:hidden dark:border-stone-600"
      >
        <span>
          {s.more}
          {active > 0 && <span className="ml-1 text-stone-600 dark:text-stone-400">{s.moreActive(active)}</span>}
        </span>
        <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      <div id={`${id}-more`} className={`space-y-4 ${open ? '' : 'hidden'} sm:block`}>
        <fieldset>
          <legend className="mb-2 text-sm font-semibold">{s.outlets}</legend>
          <div className="flex flex-wrap gap-2">
            {outlets.map((outlet) => {
              const checked = filters.outlets.includes(outlet.id)
              return (
                <label
                  key={outlet.id}
                  className={`inline-flex cursor-pointer items-center gap-2 rounded-full border px-3 py-1.5 text-sm has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-sky-600 ${
                    checked ? 'border-stone-800 bg-stone-100 dark:border-stone-200 dark:bg-stone-800' : 'border-stone-300 dark:border-stone-700'
                  }`}
                >
                  <input type="checkbox" checked={checked} onChange={(e) => toggleOutlet(outlet.id, e.target.checked)} className="size-4 accent-stone-800 dark:accent-stone-200" />
                  <OutletBadge outlet={outlet} name={outlet.name} />
                  <span className="text-stone-600 dark:text-stone-400">{s.outletCount(outlet.count)}</span>
                </label>
              )
            })}
          </div>
        </fieldset>

        <fieldset>
          <legend className="mb-2 text-sm font-semibold">{s.dateRange}</legend>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            <label className="flex items-center gap-2 text-sm" htmlFor={`${id}-from`}>
              {s.from}
              <DateInput id={`${id}-from`} value={filters.from} onCommit={(from, replace) => onChange({ ...filters, from }, { replace })} />
            </label>
            <label className="flex items-center gap-2 text-sm" htmlFor={`${id}-to`}>
              {s.to}
              <DateInput id={`${id}-to`} value={filters.to} onCommit={(to, replace) => onChange({ ...filters, to }, { replace })} />
            </label>
          </div>
          {quick.length > 0 && (
            <div className="mt-3 flex flex-wrap items-center gap-2" role="group" aria-label={`${s.quickRanges}${s.quickHint}`}>
              <span className="text-sm text-stone-600 dark:text-stone-400" aria-hidden="true">
                {s.quickRanges}
              </span>
              {quick.map((range) => {
                const active = filters.from === range.from && filters.to === range.to
                return (
                  <button
                    key={range.label}
                    type="button"
                    aria-pressed={active}
                    onClick={() => onChange({ ...filters, from: range.from, to: range.to })}
                    className={`rounded-full border px-3 py-1 text-sm ${active ? 'border-stone-800 bg-stone-800 text-white dark:border-stone-200 dark:bg-stone-200 dark:text-stone-900' : 'border-stone-300 hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800'}`}
                  >
                    {range.label}
                  </button>
                )
              })}
            </div>
          )}
        </fieldset>
      </div>

      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-stone-200 pt-3 dark:border-stone-800">
        <p role="status" aria-live="polite" className="font-medium">
          {status}
        </p>
        {actions}
        {children}
        <button
          type="button"
          disabled={!hasFilters(filters)}
          onClick={() => onChange({ ...EMPTY_FILTERS, group: filters.group })}
          className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100 disabled:cursor-not-allowed disabled:opacity-60 dark:border-stone-600 dark:hover:bg-stone-800"
        >
          {s.clear}
        </button>
      </div>
    </section>
  )
}

function SearchBox({ label, help, value, onCommit }: { label: string; help: ReactNode; value: string; onCommit: (q: string) => void }) {
  const id = useId()
  // Typed into the build's markup before the app was live: kept, and sent like any typing.
  const [early] = useState(typedEarly)
  const [text, setText] = useState(early?.text || value)
  const [seen, setSeen] = useState(value)
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (early?.focused) input.current?.focus()
  }, [early])
  // What this box sent since the URL last caught up with it: each may land after more was typed,
  // and none may take those keys back.
  const [sent, setSent] = useState<readonly string[]>([])
  // An input method is composing (pinyin, zhuyin…): its keys are not the query yet.
  const [composing, setComposing] = useState(false)
  // The URL changed under us (back/forward, clear): show it, unless it is what we are typing or sent.
  if (value !== seen) {
    setSeen(value)
    if (value === text.trim()) setSent([])
    else if (!sent.includes(value)) setText(value)
  }
  // The latest callback without restarting the debounce on every parent render.
  const commit = useRef(onCommit)
  useLayoutEffect(() => {
    commit.current = onCommit
  })
  useEffect(() => {
    if (composing || text.trim() === value) return
    const timer = setTimeout(() => {
      setSent((before) => [...before.slice(-15), text.trim()])
      startTransition(() => commit.current(text))
    }, SEARCH_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [text, value, composing])
  return (
    <form
      role="search"
      onSubmit={(event) => {
        event.preventDefault()
        if (text.trim() !== value) onCommit(text)
      }}
    >
      <div className="mb-2 flex items-center justify-between gap-2">
        <label htmlFor={id} className="block text-sm font-semibold">
          {label}
        </label>
        {help}
      </div>
      <input
        ref={input}
        id={id}
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onCompositionStart={() => setComposing(true)}
        onCompositionEnd={(e) => {
          setComposing(false)
          setText(e.currentTarget.value)
        }}
        placeholder={s.searchPlaceholder}
        enterKeyHint="search"
        autoComplete="off"
        className="w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base dark:border-stone-600 dark:bg-stone-950"
      />
    </form>
  )
}

/**
 * A date field that keeps what the reader is typing: Chromium reports transient values while a
 * year is typed digit by digit (0002-03-01, 0020-03-01…), which are not days of the archive.
 * A complete valid day is applied at once (the first change of a visit to the field pushes a
 * history entry, later ones replace it); clearing or leaving an invalid value waits for blur
 * or Enter, and only then does the field fall back to the URL's value.
 */
function DateInput({ id, value, onCommit }: { id: string; value: string | null; onCommit: (day: string | null, replace: boolean) => void }) {
  const [text, setText] = useState(value ?? '')
  const [seen, setSeen] = useState(value)
  const pushed = useRef(false)
  // The URL changed under us (back/forward, quick range, clear): show it.
  if (value !== seen) {
    setSeen(value)
    if ((value ?? '') !== text) setText(value ?? '')
  }
  const commit = (day: string | null) => {
    if (day === value) return
    onCommit(day, pushed.current)
    pushed.current = true
  }
  const settle = () => {
    if (text === '') commit(null)
    else if (parseDay(text)) commit(text)
    else setText(value ?? '')
  }
  return (
    <input
      id={id}
      type="date"
      value={text}
      onFocus={() => {
        pushed.current = false
      }}
      onChange={(e) => {
        setText(e.target.value)
        if (parseDay(e.target.value)) commit(e.target.value)
      }}
      onBlur={settle}
      onKeyDown={(e) => {
        if (e.key === 'Enter') settle()
      }}
      className="rounded-md border border-stone-300 bg-white px-2 py-1.5 dark:border-stone-600 dark:bg-stone-950"
    />
  )
}

interface QuickRange {
  label: string
  from: string
  to: string
}

function quickRanges(newestDay: string | null, years: readonly number[]): QuickRange[] {
  const newest = parseDay(newestDay)
  if (!newest) return []
  return [
    { label: s.quickLastMonth, from: formatDay(addDays(newest, -30)), to: newestDay! },
    { label: s.quickLastYear, from: formatDay(addDays(newest, -365)), to: newestDay! },
    ...years.map((year) => ({ label: s.quickYear(year), from: `${year}-01-01`, to: `${year}-12-31` })),
  ]
}
