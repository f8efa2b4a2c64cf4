import { useCallback, useMemo } from 'react'
import { manifestInfo } from '../articles/manifest-info'
import { useArticleList } from '../articles/use-article-list'
import type { ListEntry, Manifest } from '../../types/data'
import { countsAreSettled, matchCounts, type MatchCounts } from './match-count'
import { savedFilters, type SavedSearch } from './saved-search'

/** A saved search's counts, loading only the shards needed to tell them; pending while the search runs. */
export function useMatchCounts(manifest: Manifest, search: SavedSearch): { status: 'pending' | 'error' | 'success'; counts: MatchCounts } {
  const ids = manifestInfo(manifest).ids
  const filters = useMemo(() => savedFilters(search, ids), [search, ids])
  const dated = filters.from !== null || filters.to !== null
  // Without dates the manifest (or the search) gives the total; the list then loads only down to what was seen.
  const totalKnown = !dated && (filters.q === '' || filters.outlets.length === 0)
  const enough = useCallback((entries: readonly ListEntry[]) => countsAreSettled(entries, search.seenNewest, totalKnown), [search.seenNewest, totalKnown])
  const list = useArticleList(manifest, filters, enough)
  return { status: list.status, counts: matchCounts(list, search.seenNewest) }
}
