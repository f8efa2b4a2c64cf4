import { dayOf, formatDay } from '../../lib/dates'
import type { ListEntry } from '../../types/data'

export interface DayGroup {
  day: string
  entries: ListEntry[]
}
export interface MonthGroup {
  month: string
  days: DayGroup[]
}
export interface YearGroup {
  year: string
  months: MonthGroup[]
}

/** Entries (newest first) grouped by local year, month and day, keeping that order. */
export function groupByDay(entries: readonly ListEntry[], timeZone?: string): YearGroup[] {
  const years: YearGroup[] = []
  for (const entry of entries) {
    const day = formatDay(dayOf(entry.publishedAt, timeZone))
    const year = day.slice(0, 4)
    const month = day.slice(0, 7)
    let y = years.at(-1)
    if (y?.year !== year) years.push((y = { year, months: [] }))
    let m = y.months.at(-1)
    if (m?.month !== month) y.months.push((m = { month, days: [] }))
    let d = m.days.at(-1)
    if (d?.day !== day) m.days.push((d = { day, entries: [] }))
    d.entries.push(entry)
  }
  return years
}

export interface MonthBar {
  /** YYYY-MM */
  month: string
  total: number
  /** Outlet id -> count, only outlets with articles that month. */
  byOutlet: { outlet: string; count: number }[]
}

/** One bar per month from the first to the last month with articles (gaps as empty bars), oldest first. */
export function monthBars(months: Record<string, Record<string, number>>, outletOrder: readonly string[], onlyOutlets: readonly string[]): MonthBar[] {
  const keys = Object.keys(months).filter((key) => /^\d{4}-\d{2}$/.test(key)).sort()
  const first = keys[0]
  const last = keys.at(-1)
  if (!first || !last) return []
  const chosen = onlyOutlets.length > 0 ? new Set(onlyOutlets) : null
  const bars: MonthBar[] = []
  let [year, month] = first.split('-').map(Number) as [number, number]
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`
    const counts = months[key] ?? {}
    const byOutlet = outletOrder.filter((id) => (counts[id] ?? 0) > 0 && (!chosen || chosen.has(id))).map((id) => ({ outlet: id, count: counts[id]! }))
    bars.push({ month: key, total: byOutlet.reduce((sum, item) => sum + item.count, 0), byOutlet })
    if (key === last) break
    month += 1
    if (month > 12) [year, month] = [year + 1, 1]
  }
  return bars
}
