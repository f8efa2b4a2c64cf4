import { useEffect, useRef } from 'react'
import { daysInMonth, formatMonthKey } from '../../../lib/dates'
import type { Filters } from '../../../lib/filters'
import { strings } from '../../../lib/strings'
import type { Outlet } from '../../../types/data'
import type { MonthBar } from '../group-by-day'

const s = strings.timeline

export function monthRange(month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number) as [number, number]
  return { from: `${month}-01`, to: `${month}-${String(daysInMonth(year, m)).padStart(2, '0')}` }
}

/** A bar per month, stacked by outlet colour; each bar is a button that filters to its month. */
export function MonthChart({ bars, outlets, filters, onPick }: { bars: MonthBar[]; outlets: Map<string, Outlet>; filters: Filters; onPick: (range: { from: string; to: string }) => void }) {
  const max = Math.max(1, ...bars.map((bar) => bar.total))
  const scroller = useRef<HTMLDivElement>(null)
  // On a narrow screen start at the chosen month, or at the newest months, not at the archive's first.
  useEffect(() => {
    const box = scroller.current
    if (!box) return
    const chosen = box.querySelector<HTMLElement>('[aria-pressed="true"]')
    box.scrollLeft = chosen ? chosen.offsetLeft - box.clientWidth / 2 : box.scrollWidth
  }, [])
  return (
    <figure className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
      <figcaption className="mb-3">
        <span className="font-semibold">{s.chartLabel}</span>
        <span className="ml-2 text-sm text-stone-600 dark:text-stone-400">{s.intro}</span>
      </figcaption>
      <div ref={scroller} className="relative overflow-x-auto pb-1">
        <ol className="flex min-w-max items-end gap-1">
          {bars.map((bar, index) => {
            const range = monthRange(bar.month)
            const selected = filters.from === range.from && filters.to === range.to
            const inRange = (!filters.from || range.to >= filters.from) && (!filters.to || range.from <= filters.to)
            const detail = bar.byOutlet.map((item) => s.monthDetail(outlets.get(item.outlet)?.name ?? item.outlet, item.count)).join(strings.language.listSeparator)
            const label = `${s.monthBar(formatMonthKey(bar.month), bar.total)}${detail ? strings.language.parenthetical(detail) : ''}`
            const showYear = index === 0 || bar.month.endsWith('-01')
            return (
              <li key={bar.month} className="flex w-6 flex-col items-center">
                <button
                  type="button"
                  aria-pressed={selected}
                  // Its name and its tooltip: one attribute, not the same text twice in every bar (the chart of a decade is 120 of them).
                  title={label}
                  onClick={() => onPick(range)}
                  className={`flex h-28 w-full flex-col-reverse rounded-sm p-0.5 hover:bg-stone-100 dark:hover:bg-stone-800 ${selected ? 'bg-stone-200 ring-2 ring-stone-800 dark:bg-stone-700 dark:ring-stone-200' : ''} ${inRange ? '' : 'opacity-40'}`}
                >
                  {bar.total > 0 && <StackedBar items={bar.byOutlet} max={max} outlets={outlets} />}
                  {bar.total === 0 && <span className="block h-px w-full bg-stone-300 dark:bg-stone-600" />}
                </button>
                <span aria-hidden="true" className="mt-1 text-[0.65rem] leading-none text-stone-600 tabular-nums dark:text-stone-400">
                  {Number(bar.month.slice(5))}
                </span>
                <span aria-hidden="true" className="mt-0.5 h-3 text-[0.65rem] leading-none whitespace-nowrap text-stone-600 dark:text-stone-400">
                  {showYear ? bar.month.slice(0, 4) : ''}
                </span>
              </li>
            )
          })}
        </ol>
      </div>
      <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-hidden="true">
        {[...outlets.values()].map((outlet) => (
          <li key={outlet.id} className="inline-flex items-center gap-1.5">
            <svg className="inline-block size-2.5" viewBox="0 0 1 1">
              <rect width="1" height="1" rx="0.15" fill={outlet.color} />
            </svg>
            {outlet.name}
          </li>
        ))}
      </ul>
    </figure>
  )
}

/**
 * One month's bar, each outlet's share stacked from the bottom in its colour: SVG, whose sizes and
 * fills are attributes, so the bar is in the prerendered timeline (the CSP refuses style attributes).
 */
function StackedBar({ items, max, outlets }: { items: readonly { outlet: string; count: number }[]; max: number; outlets: ReadonlyMap<string, { color: string }> }) {
  // Two decimals of a 100-unit bar: finer than a pixel, and short in the markup.
  const heights = items.map((item) => Math.round((item.count / max) * 10_000) / 100)
  // Each segment's top: 100 less its own height and those below it.
  const tops = heights.map((_, at) => Math.round((100 - heights.slice(0, at + 1).reduce((sum, height) => sum + height, 0)) * 100) / 100)
  return (
    <svg aria-hidden="true" className="block h-full w-full" viewBox="0 0 1 100" preserveAspectRatio="none">
      {items.map((item, at) => (
        <rect key={item.outlet} x="0" y={tops[at]} width="1" height={heights[at]} fill={outlets.get(item.outlet)?.color ?? '#888'} />
      ))}
    </svg>
  )
}
