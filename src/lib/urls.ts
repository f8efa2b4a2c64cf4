import { toSearch, type Filters } from './filters'

/** The URL if it is an absolute http(s) address, else null: data-file links are not trusted. */
export function webUrl(value: string | null | undefined): string | null {
  if (!value) return null
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null
  } catch {
    return null
  }
}

/**
 * Where an article opens: /articles/:id, carrying the filters of the list it was picked from,
 * so the detail's previous/next and its way back stay within that list.
 */
export function articleLink(id: string, filters: Filters): { pathname: string; search: string } {
  return { pathname: `/articles/${encodeURIComponent(id)}`, search: toSearch(filters) }
}

/** The query a nav link carries: the list and the timeline (and an article opened from them) are one archive view; bookmarks start unfiltered. */
export function archiveSearch(pathname: string, search: string): string {
  return pathname === '/' || pathname === '/timeline' || pathname.startsWith('/articles/') ? search : ''
}
