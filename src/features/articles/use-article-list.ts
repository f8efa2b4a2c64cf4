import { useQueries, useQueryClient, type UseQueryResult } from '@tanstack/react-query'
import { useCallback, useMemo, useState } from 'react'
import type { FilterBarProps } from '../../components/filter-bar'
import { EMPTY_FILTERS, hasFilters, toSearch, type Filters } from '../../lib/filters'
import { strings } from '../../lib/strings'
import type { ListEntry, Manifest, SearchBucket } from '../../types/data'
import { searchBucketQueryOptions } from './api/get-search-bucket'
import { shardQueryOptions } from './api/get-shard'
import { aroundStart, candidateShards, CHECKED_PAGES, checkWindow, compileFilter, knownTotal, NONE, pageFilled, planRanked, planShards, type Shard } from './filter-entries'
import { manifestInfo } from './manifest-info'
import { bucketsForQuery, headlineFirst, matchingNumbers, rankByRelevance, titleFirst } from './search-numbers'
import { foldQuery, indexIsExact, parseQuery, type SearchQuery } from '../../lib/search-query'
import { useFoldedQuery } from './use-script-fold'
import { useUrlFilters } from './use-url-filters'
import { useReadMarks } from '../read-state/store'
import { useSearchTexts } from './use-search-texts'

const EMPTY_QUERY: SearchQuery = { all: [], none: [] }

/** A search as the list ran it: the query folded as the index holds it, and the fold that did it. */
export interface ListSearch {
  query: SearchQuery
  fold: (text: string) => string
}

export interface ArticleListResult {
  status: 'pending' | 'error' | 'success'
  entries: ListEntry[]
  /** Exact count when known, else null (then `entries.length` is a lower bound). */
  total: number | null
  /** Some shard or bucket failed to load (entries may still hold what did load). */
  error: boolean
  /** The first such failure, for the error state to say what went wrong. */
  failure: unknown
  /** Every candidate shard is loaded: `entries` is the whole result. */
  complete: boolean
  /** A shard is being fetched. */
  fetching: boolean
  retry: () => void
  /** The search the entries answer, null without one (or while the fold tables load). */
  search: ListSearch | null
  /** The entries holding the query in their title come first (see `titleFirstOver`). */
  titleFirst: boolean
}

export interface ArticleListOptions {
  /** Start the walk at the shard holding this instant, back to the nearest newer match (the detail's neighbours). */
  around?: string
  /**
   * Under a long term (a pasted headline) with more hits than this, newest first would bury the article
   * among the hits whose bodies hold its pieces, beyond what a page checks: those with it in their title
   * come first. Undefined: always newest first (the timeline, the pager).
   */
  titleFirstOver?: number
}

/**
 * The filtered article list over the manifest: loads search buckets for `q`, then only the
 * shards needed until `enough(entries)` is true. Shared by the list, timeline and detail.
 */
export function useArticleList(
  manifest: Manifest,
  filters: Filters,
  enough: (entries: readonly ListEntry[]) => boolean,
  { around, titleFirstOver }: ArticleListOptions = {},
): ArticleListResult {
  const queryClient = useQueryClient()
  // Terms are looked up folded (國安法 as 国安法): until the fold tables are in, no bucket is fetched.
  const folded = useFoldedQuery(filters.q)
  const query = useMemo(() => (folded.fold ? foldQuery(parseQuery(filters.q), folded.fold) : null), [filters.q, folded.fold])
  const search = useMemo(() => bucketsForQuery(query ?? EMPTY_QUERY, manifest.search.buckets), [query, manifest.search.buckets])
  const bucketCount = manifest.search.buckets
  const articleCount = manifest.articleCount
  // The detail's neighbours walk in time order around an article: relevance is the list's and the timeline's.
  const byRelevance = filters.sort === 'relevance' && around === undefined
  // combine re-runs only when a bucket result or the query changes; its result is structurally shared.
  const combineBuckets = useCallback(
    (results: UseQueryResult<SearchBucket>[]) => {
      const ready = results.every((result) => result.data !== undefined)
      const byBucket = new Map(search.buckets.map((bucket, i) => [bucket, results[i]?.data ?? {}]))
      const bucketOf = (bucket: number) => byBucket.get(bucket) ?? {}
      const numbers = query && search.keys.length > 0 && ready ? matchingNumbers(query, bucketCount, bucketOf, articleCount) : null
      const headline = numbers !== null && !byRelevance && titleFirstOver !== undefined && headlineFirst(query!, numbers, titleFirstOver)
      // Said on the count line only when it moved something.
      const reordered = headline ? titleFirst(query!, bucketCount, bucketOf, numbers, articleCount) : null
      return {
        numbers,
        ranked: numbers && byRelevance ? rankByRelevance(query!, bucketCount, bucketOf, numbers, articleCount) : reordered,
        titleFirst: reordered !== null,
        failed: results.filter((result) => result.isError),
        fetching: results.some((result) => result.isFetching),
      }
    },
    [search, query, bucketCount, articleCount, byRelevance, titleFirstOver],
  )
  const buckets = useQueries({
    queries: search.buckets.map((bucket) => searchBucketQueryOptions(manifest.search.file, bucket)),
    combine: combineBuckets,
  })
  const listSearch = useMemo(() => (query && folded.fold && search.keys.length > 0 ? { query, fold: folded.fold } : null), [query, folded.fold, search.keys.length])
  const searching = query === null || search.keys.length > 0
  const numbers = query === null ? null : buckets.numbers

  const marks = useReadMarks(filters.unread === true)
  const filter = useMemo(() => ({ ...compileFilter(filters, numbers), skip: marks }), [filters, numbers, marks])
  const all = useMemo(() => candidateShards(manifest, filter), [manifest, filter])
  const loaded = (file: string) => queryClient.getQueryData<Shard>(shardQueryOptions(file).queryKey)
  const candidates = around ? all.slice(aroundStart(all, around, loaded, filter)) : all
  const waitingForSearch = searching && numbers === null
  const ranked = folded.text === null ? null : buckets.ranked
  const plan = waitingForSearch
    ? { shards: [], entries: [], complete: false }
    : ranked
      ? planRanked(ranked, all, loaded, filter, enough)
      : planShards(candidates, loaded, filter, enough)
  const shardResults = useQueries({ queries: plan.shards.map((ref) => shardQueryOptions(ref.file)) })

  const failed = [...(folded.load?.isError ? [folded.load] : []), ...buckets.failed, ...shardResults.filter((result) => result.isError)]
  const retry = () => {
    for (const result of failed) void result.refetch()
  }
  const loading = waitingForSearch || (!plan.complete && plan.entries.length === 0)
  return {
    status: loading ? (failed.length > 0 ? 'error' : 'pending') : 'success',
    error: failed.length > 0,
    failure: failed[0]?.error ?? null,
    entries: plan.entries,
    total: waitingForSearch ? null : plan.complete ? plan.entries.length : knownTotal(manifest, filters, numbers),
    complete: plan.complete,
    fetching: buckets.fetching || shardResults.some((result) => result.isFetching),
    retry,
    search: listSearch,
    titleFirst: ranked !== null && buckets.titleFirst,
  }
}

/** The result count sentence of a list: searching, exact, or "at least" what is loaded. */
export function countText(list: Pick<ArticleListResult, 'status' | 'total' | 'entries'>): string {
  if (list.status === 'pending') return strings.filters.resultSearching
  if (list.total !== null) return strings.filters.resultCount(list.total)
  return strings.filters.resultAtLeast(list.entries.length)
}

/**
 * The list and the timeline: the URL's filters, the filtered list shown `page` entries at a
 * time, and the filter bar wired to both. With `remember`, how far the reader paged is kept
 * per filter, so coming back shows as many entries as before. Only with `ranked` (the list) does
 * `sort=relevance` apply: the timeline is a time axis, whatever the URL it was reached with says.
 */
export function usePagedArticleList(manifest: Manifest, { page, remember, ranked = false }: { page: number; remember?: Map<string, number>; ranked?: boolean }) {
  const info = manifestInfo(manifest)
  const [filters, setFilters] = useUrlFilters(info.ids)
  const search = toSearch(filters)
  const firstLimit = remember?.get(search) ?? page
  const [paging, setPaging] = useState({ search, limit: firstLimit })
  const limit = paging.search === search ? paging.limit : firstLimit
  const listed = useMemo(() => (ranked || filters.sort === undefined ? filters : { ...filters, sort: undefined }), [filters, ranked])
  // Hits their search text disproved (the index over-matched), for this filter: the page reaches past them.
  const [dropped, setDropped] = useState<{ search: string; ids: ReadonlySet<string> }>({ search, ids: NONE })
  const droppedIds = dropped.search === search ? dropped.ids : NONE
  const cap = limit * CHECKED_PAGES
  const list = useArticleList(manifest, listed, pageFilled(droppedIds, limit, cap), { titleFirstOver: ranked ? cap : undefined })
  const window = list.search ? checkWindow(list.entries, droppedIds, limit, cap) : list.entries.slice(0, limit)
  const checked = useSearchTexts(window, list.search)
  const fresh = checked.disproved.filter((id) => !droppedIds.has(id))
  if (fresh.length > 0) setDropped({ search, ids: new Set([...droppedIds, ...fresh]) })
  // The index's count is exact for a query of one key a term. Else it is an upper bound (最多) while the
  // page's texts are checked; then the exact count once every hit is checked, the index's when the
  // page found none wrong, and the index's less the hits found wrong (still 最多) when it found some.
  const allChecked = list.search !== null && list.complete && window.length === list.entries.length && checked.settled
  const exact = list.search === null || indexIsExact(list.search.query)
  const total = list.search === null || list.total === null ? list.total : allChecked ? checked.entries.length : list.total - droppedIds.size
  const bound = !exact && !allChecked && (!checked.settled || droppedIds.size > 0)
  const count = bound && total !== null && list.status === 'success' ? strings.filters.resultAtMost(total) : countText({ ...list, total })
  const status = list.titleFirst && list.status === 'success' ? `${count} · ${strings.filters.titleFirst}` : count
  const showMore = () => {
    const next = limit + page
    remember?.set(search, next)
    setPaging({ search, limit: next })
  }
  const filterBar: FilterBarProps = {
    filters,
    onChange: setFilters,
    outlets: manifest.outlets,
    newestDay: info.newestDay,
    years: info.years,
    status,
    searchSyntax: true,
  }
  const kept = droppedIds.size === 0 ? list.entries : list.entries.filter((entry) => !droppedIds.has(entry.id))
  return {
    info,
    filters,
    setFilters,
    list,
    /** Every hit loaded so far, less those their text disproved (what "mark all read" marks). */
    kept,
    filterBar,
    shown: checked.entries.slice(0, limit),
    /** Snippet by entry id for the entries shown under a search. */
    snippets: checked.snippets,
    hasMore: list.entries.length > window.length || checked.entries.length > limit || !list.complete,
    showMore,
    /** Clears every filter; undefined when none is set. */
    clear: hasFilters(filters) ? () => setFilters(EMPTY_FILTERS) : undefined,
  }
}
