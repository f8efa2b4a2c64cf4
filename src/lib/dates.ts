// Calendar days (YYYY-MM-DD) are the reader's local days; the bundle speaks UTC instants.
// Every function takes an optional IANA zone so tests can pin one; by default the browser's zone.
import { currentLanguage, intlLocale, type Language } from './locale'

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/

export interface CalendarDay {
  year: number
  month: number
  day: number
}

/** A real calendar day written YYYY-MM-DD, or null (2024-02-30 and 'banana' are null). */
export function parseDay(text: string | null | undefined): CalendarDay | null {
  const match = YMD.exec(text ?? '')
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return null
  if (day > daysInMonth(year, month)) return null
  return { year, month, day }
}

export function formatDay({ year, month, day }: CalendarDay): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** The day after, across month and year ends. */
export function nextDay({ year, month, day }: CalendarDay): CalendarDay {
  const d = new Date(Date.UTC(year, month - 1, day + 1))
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }
}

export function addDays({ year, month, day }: CalendarDay, days: number): CalendarDay {
  const d = new Date(Date.UTC(year, month - 1, day + days))
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>()
function partsFormatter(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? ''
  let formatter = partsFormatters.get(key)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    partsFormatters.set(key, formatter)
  }
  return formatter
}

function wallClock(instant: number, timeZone: string | undefined) {
  const parts: Record<string, number> = {}
  for (const part of partsFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value)
  }
  return parts as { year: number; month: number; day: number; hour: number; minute: number; second: number }
}

/** The local calendar day an instant falls on. */
export function dayOf(instant: number | string | Date, timeZone?: string): CalendarDay {
  const ms = typeof instant === 'number' ? instant : new Date(instant).getTime()
  const { year, month, day } = wallClock(ms, timeZone)
  return { year, month, day }
}

/** The instant local midnight starts the given day (DST-safe: the first instant whose wall clock is that day). */
export function startOfDay(day: CalendarDay, timeZone?: string): number {
  const guess = Date.UTC(day.year, day.month - 1, day.day)
  let instant = guess
  // Two corrections reach the offset of the target moment even across a DST change.
  for (let i = 0; i < 3; i++) {
    const wall = wallClock(instant, timeZone)
    const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second)
    const next = guess - (wallAsUtc - instant)
    if (next === instant) break
    instant = next
  }
  return instant
}

/** [start, end) instants of a range of local days, inclusive of both days; open ends are ±Infinity. */
export function dayRangeInstants(from: CalendarDay | null, to: CalendarDay | null, timeZone?: string): { start: number; end: number } {
  return {
    start: from ? startOfDay(from, timeZone) : -Infinity,
    end: to ? startOfDay(nextDay(to), timeZone) : Infinity,
  }
}

// Formatters follow the interface language (src/lib/locale.ts), one per locale and style.
const DATE_STYLES = {
  date: { year: 'numeric', month: 'long', day: 'numeric' },
  dateTime: { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  // Calendar keys (YYYY-MM, YYYY-MM-DD) are days, not instants: formatted in UTC so no zone moves them.
  month: { year: 'numeric', month: 'long', timeZone: 'UTC' },
  year: { year: 'numeric', timeZone: 'UTC' },
  day: { month: 'long', day: 'numeric', weekday: 'short', timeZone: 'UTC' },
} satisfies Record<string, Intl.DateTimeFormatOptions>

// A month on its own: 3月 in Chinese (a long month alone reads 三月), March in English.
const MONTH_ALONE: Record<Language, Intl.DateTimeFormatOptions> = {
  zh: { month: 'numeric', timeZone: 'UTC' },
  en: { month: 'long', timeZone: 'UTC' },
}

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(style: keyof typeof DATE_STYLES | 'monthAlone'): Intl.DateTimeFormat {
  const locale = intlLocale()
  const key = `${locale} ${style}`
  let format = formatters.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, style === 'monthAlone' ? MONTH_ALONE[currentLanguage()] : DATE_STYLES[style])
    formatters.set(key, format)
  }
  return format
}

// Intl throws a RangeError on an invalid date; a bad date in the data shows as nothing instead.
function formatInstant(format: Intl.DateTimeFormat, iso: string): string {
  const time = Date.parse(iso)
  return Number.isFinite(time) ? format.format(time) : ''
}

/** 2024年2月7日 / February 7, 2024 ('' for an invalid date) */
export function formatDate(iso: string): string {
  return formatInstant(formatter('date'), iso)
}

/** 2024年2月7日周三 22:45 ('' for an invalid date) */
export function formatDateTime(iso: string): string {
  return formatInstant(formatter('dateTime'), iso)
}

/** 22:45 ('' for an invalid date) */
export function formatTime(iso: string): string {
  return formatInstant(formatter('time'), iso)
}

/** 2024年2月 / February 2024 (a YYYY-MM month key) */
export function formatMonthKey(key: string): string {
  return formatInstant(formatter('month'), `${key}-01T00:00:00Z`)
}

/** 2024年 / 2024 */
export function formatYear(year: number): string {
  return formatInstant(formatter('year'), `${String(year).padStart(4, '0')}-01-01T00:00:00Z`)
}

/** 3月 / March (of a YYYY-MM month key) */
export function formatMonthAlone(key: string): string {
  return formatInstant(formatter('monthAlone'), `${key}-01T00:00:00Z`)
}

/** 3月21日周二 / Tue, March 21 (a YYYY-MM-DD day key) */
export function formatDayKey(day: string): string {
  return formatInstant(formatter('day'), `${day}T00:00:00Z`)
}
