// The filter state of /, /timeline and /bookmarks lives in the query string; these two
// pure functions are the only way in and out, so every view reads it the same way.
import { formatDay, parseDay } from './dates'

export interface Filters {
  /** Known outlet ids, in the order of the known list (canonical). */
  outlets: string[]
  /** Local calendar days, YYYY-MM-DD, inclusive. */
  from: string | null
  to: string | null
  /** Search text as typed (trimmed at the edges). */
  q: string
  /** Only articles not yet read (`unread=1`); absent when off. */
  unread?: boolean
  /** `?group=story`: the list shows one card per story. A way of showing, not a filter (hasFilters ignores it). */
  group?: 'story'
  /** `?sort=relevance`: search results by relevance (title matches, match count, recency) instead of newest first. A way of showing too. */
  sort?: 'relevance'
}

export const EMPTY_FILTERS: Filters = { outlets: [], from: null, to: null, q: '' }

const MAX_QUERY_LENGTH = 200

/**
 * Reads the filters from a query string. Nonsense is ignored piece by piece: an unknown
 * outlet is dropped, an invalid date is ignored, and the rest of the filter still applies.
 * A range written backwards (from after to) is swapped: the reader meant those two days.
 */
export function parseFilters(params: URLSearchParams, knownOutletIds: readonly string[]): Filters {
  const wanted = new Set(
    params
      .getAll('outlet')
      .flatMap((value) => value.split(','))
      .map((id) => id.trim().toLowerCase())
      .filter(Boolean),
  )
  const outlets = knownOutletIds.filter((id) => wanted.has(id))
  const fromDay = parseDay(params.get('from')?.trim())
  const toDay = parseDay(params.get('to')?.trim())
  let from = fromDay ? formatDay(fromDay) : null
  let to = toDay ? formatDay(toDay) : null
  if (from && to && from > to) [from, to] = [to, from]
  const q = (params.get('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH)
  return {
    outlets,
    from,
    to,
    q,
    ...(params.get('unread') === '1' ? { unread: true } : {}),
    ...(params.get('group') === 'story' ? { group: 'story' as const } : {}),
    ...(params.get('sort') === 'relevance' ? { sort: 'relevance' as const } : {}),
  }
}

/** The canonical query string of a filter: outlet, from, to, q, unread, group, sort, empty parts left out. */
export function toSearchParams(filters: Filters): URLSearchParams {
  const params = new URLSearchParams()
  if (filters.outlets.length > 0) params.set('outlet', filters.outlets.join(','))
  if (filters.from) params.set('from', filters.from)
  if (filters.to) params.set('to', filters.to)
  const q = filters.q.trim()
  if (q) params.set('q', q)
  if (filters.unread) params.set('unread', '1')
  if (filters.group) params.set('group', filters.group)
  if (filters.sort) params.set('sort', filters.sort)
  return params
}

/** '?outlet=bbc&q=…' or '' — for links that carry the filters along. */
export function toSearch(filters: Filters): string {
  const text = toSearchParams(filters).toString()
  // Keep commas readable in the address bar: ?outlet=bbc,voa
  return text ? `?${text.replace(/%2C/g, ',')}` : ''
}

export function hasFilters(filters: Filters): boolean {
  return filters.outlets.length > 0 || filters.from !== null || filters.to !== null || filters.q.trim() !== '' || filters.unread === true
}
