import { useEffect } from 'react'
import { useLocation } from 'react-router'
import type { Filters } from '../../lib/filters'
import { toSearch } from '../../lib/filters'
import { articleLink } from '../../lib/urls'
import { useBookmarks } from '../bookmarks/store'
import { filterBookmarks } from '../bookmarks/filter-bookmarks'
import { selection, type ArticleTargets } from './selection'

/** The navigation state of an article opened from /bookmarks: n and p then walk the bookmarks, in their order. */
export const FROM_BOOKMARKS = { list: 'bookmarks' } as const

function cameFromBookmarks(state: unknown): boolean {
  return typeof state === 'object' && state !== null && (state as { list?: unknown }).list === FROM_BOOKMARKS.list
}

/** What the article page offers the keys (b, n, p, Esc): each part of the page gives what it knows. */
export function useArticleShortcuts(targets: ArticleTargets): void {
  useEffect(() => selection.provideArticle(targets))
}

/** The pager's previous/next, unless the reader came from the bookmarks (useBookmarkOrder gives those). */
export function usePagerShortcuts(targets: ArticleTargets): void {
  const { state } = useLocation()
  useArticleShortcuts(cameFromBookmarks(state) ? {} : targets)
}

/**
 * Opened from /bookmarks: previous and next in the bookmarks' order (newest bookmark first,
 * the same filters), and Esc back to /bookmarks.
 */
export function useBookmarkOrder(id: string, filters: Filters): void {
  const { state } = useLocation()
  const { bookmarks } = useBookmarks()
  let targets: ArticleTargets = {}
  if (cameFromBookmarks(state)) {
    const shown = filterBookmarks(bookmarks, filters)
    const index = shown.findIndex((bookmark) => bookmark.id === id)
    const link = (offset: number) => {
      const other = index < 0 ? undefined : shown[index + offset]
      return other ? articleLink(other.id, filters) : null
    }
    targets = { previous: link(-1), next: link(1), back: { pathname: '/bookmarks', search: toSearch(filters) }, state: FROM_BOOKMARKS }
  }
  useArticleShortcuts(targets)
}
