// A search in the address (a link, a bookmark, a reload of /?q=…) starts loading what its first page
// of results reads while the app's code is still loading: main.tsx calls this before anything else.
// Its index buckets, and on the list's own page its first page's shards: the files the list will ask
// for, found by the same functions (use-article-list.ts walks them the same way) from the same validated
// data. The list's fetches take these responses (fetchEarly) instead of asking again. Not the page's
// search texts (snippets and the exact check): started here, 30 of them streamed in while the app
// rendered its first results, and those came later (median of 24 cold loads, 10,000 articles: 743 ms
// with them, 716 without; the snippets at 955 and 944 ms).
// Anything unexpected starts nothing more: the app then loads what it needs as it would without this.
// It imports nothing of React or the query cache (its chunk: vite.config.ts), so it runs at once.
import { fetchEarly } from '../../lib/fetch-json'
import { parseFilters, type Filters } from '../../lib/filters'
import { needsScriptFold, normalizeForSearch } from '../../lib/search-grams'
import { foldQuery, parseQuery, type SearchQuery } from '../../lib/search-query'
import { MANIFEST_FILE, searchBucketPath, type Manifest, type SearchBucket } from '../../types/data'
import { schemaMismatch, validManifest, validShard } from './api/validate'
import { candidateShards, CHECKED_PAGES, compileFilter, LIST_PAGE, NONE, pageFilled, planShards, type Shard } from './filter-entries'
import { bucketsForQuery, headlineFirst, matchingNumbers } from './search-numbers'

/** The data files it started loading, relative to the data folder (none for no query, or a manifest it cannot read). */
export async function preloadSearch(address: { pathname: string; search: string }, base = import.meta.env.BASE_URL): Promise<string[]> {
  const params = new URLSearchParams(address.search)
  if (parseFilters(params, []).q === '') return []
  const started: string[] = []
  const start = (path: string) => {
    started.push(path)
    return fetchEarly(path)
  }
  // Read through a copy: the response itself is the app's to read. Null for anything unreadable (a
  // failure, an HTML fallback): the app reports it its own way, and no walk is built on it.
  const read = (path: string) =>
    start(path)
      .then((response): Promise<unknown> | null => (response.ok ? response.clone().json() : null))
      .catch(() => null)
  try {
    const [manifest, fold] = await Promise.all([
      read(MANIFEST_FILE).then((value) => (schemaMismatch(value) ? null : validManifest(value))),
      needsScriptFold(params.get('q') ?? '') ? import('../../lib/fold-script').then((tables) => tables.foldScript) : normalizeForSearch,
    ])
    if (!manifest) return started
    const filters = parseFilters(params, manifest.outlets.map((outlet) => outlet.id))
    const query = foldQuery(parseQuery(filters.q), fold)
    const { buckets } = bucketsForQuery(query, manifest.search.buckets)
    const loaded = buckets.map((bucket) => read(searchBucketPath(bucket, manifest.search.file)).then((value) => [bucket, value] as const))
    if (address.pathname !== base || !listsNewestFirst(filters)) return started
    const values = await Promise.all(loaded)
    if (values.some(([, value]) => value === null)) return started
    await preloadFirstPage(manifest, filters, query, new Map(values), read)
  } catch {
    // The app asks again and reports a failure its own way.
  }
  return started
}

/** The list walks shards newest first (no relevance order, no read marks to skip): the walk this follows. */
function listsNewestFirst(filters: Filters): boolean {
  return filters.sort === undefined && filters.unread !== true
}

/** The shards the list's first page walks (use-article-list.ts, usePagedArticleList). */
async function preloadFirstPage(manifest: Manifest, filters: Filters, query: SearchQuery, buckets: ReadonlyMap<number, unknown>, read: (path: string) => Promise<unknown>): Promise<void> {
  const bucketOf = (bucket: number) => (buckets.get(bucket) ?? {}) as SearchBucket
  const numbers = matchingNumbers(query, manifest.search.buckets, bucketOf, manifest.articleCount)
  const cap = LIST_PAGE * CHECKED_PAGES
  // No term to look up; or a pasted headline whose hits the list reorders, titles holding it first.
  if (numbers === null || headlineFirst(query, numbers, cap)) return
  const filter = compileFilter(filters, numbers)
  const candidates = candidateShards(manifest, filter)
  const enough = pageFilled(NONE, LIST_PAGE, cap)
  const shards = new Map<string, Shard>()
  for (;;) {
    const plan = planShards(candidates, (file) => shards.get(file), filter, enough)
    const missing = plan.shards.filter((ref) => !shards.has(ref.file))
    if (missing.length === 0) return
    for (const [ref, value] of await Promise.all(missing.map((ref) => read(ref.file).then((value) => [ref, validShard(value)] as const)))) {
      if (!value) return
      shards.set(ref.file, value)
    }
  }
}
