// An article's citation in three styles, as plain text to paste: GB/T 7714-2015 (a newspaper
// article online, [N/OL]), APA 7 (an article on a news website) and Chicago 17 (notes and
// bibliography, a news article online). Dates are the reader's calendar days, as the app shows them.
import { dayOf, type CalendarDay } from '../../lib/dates'
import type { SourceRef } from './annotation'

export type CitationStyle = 'gbt7714' | 'apa' | 'chicago'
export const CITATION_STYLES: readonly CitationStyle[] = ['gbt7714', 'apa', 'chicago']

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

const iso = ({ year, month, day }: CalendarDay) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
const longDate = ({ year, month, day }: CalendarDay) => `${MONTHS[month - 1]} ${day}, ${year}`

/** Ends a part with the style's full stop unless it already ends in one (a closing quote after it counts as the end). */
const closed = (text: string, stop = '.') => (/[.!?。！？]["'”’」』]*$/u.test(text) ? text : `${text}${stop}`)

/** A Latin-script personal name "Given Family" -> APA's "Family, G."; anything else as given. */
function apaAuthor(author: string): string {
  const parts = author.trim().split(/\s+/)
  if (parts.length < 2 || !parts.every((part) => /^\p{Script=Latin}[\p{Script=Latin}'’.-]*$/u.test(part))) return author.trim()
  const family = parts.at(-1)!
  const initials = parts.slice(0, -1).map((part) => `${part[0]!.toUpperCase()}.`).join(' ')
  return `${family}, ${initials}`
}

/** The URL as a reader reads it (国际, not %E5%9B%BD%E9%99%85); characters a URL cannot hold stay escaped. */
export function readableUrl(url: string): string {
  try {
    return decodeURI(url).replace(/[\s<>"]/g, encodeURIComponent)
  } catch {
    return url
  }
}

export interface CitationOptions {
  accessed: Date
  timeZone?: string
}

export function formatCitation(style: CitationStyle, source: SourceRef, { accessed, timeZone }: CitationOptions): string {
  const published = dayOf(source.publishedAt, timeZone)
  const seen = dayOf(accessed, timeZone)
  const author = source.author?.trim()
  const url = source.url && readableUrl(source.url)
  switch (style) {
    case 'gbt7714': {
      // 责任者. 题名[N/OL]. 报纸名, 出版日期[引用日期]. 获取和访问路径.
      const head = author ? `${author}. ` : ''
      return `${head}${source.title}[N/OL]. ${source.outletName}, ${iso(published)}[${iso(seen)}]${url ? `. ${url}` : ''}.`
    }
    case 'apa': {
      // Author, A. (2024, February 7). Title. Site. URL — with no author the title moves to the front.
      const date = `(${published.year}, ${MONTHS[published.month - 1]} ${published.day})`
      const lead = author ? `${closed(apaAuthor(author))} ${date}. ${closed(source.title)}` : `${closed(source.title)} ${date}.`
      return `${lead} ${closed(source.outletName)}${url ? ` ${url}` : ''}`
    }
    case 'chicago': {
      // Author. "Title." Outlet, Month D, YYYY. Accessed Month D, YYYY. URL.
      const head = author ? `${closed(author)} ` : ''
      return `${head}“${closed(source.title)}” ${source.outletName}, ${longDate(published)}. Accessed ${longDate(seen)}.${url ? ` ${url}.` : ''}`
    }
  }
}
