// A search in the address (a link, a bookmark, a reload of /?q=…) starts loading its index buckets
// while the app's code is still loading: main.tsx calls this before anything else. The buckets are
// the ones the list will ask for, computed by the same functions from the same manifest, and the
// list's fetches take these responses (fetchEarly) instead of asking again. Anything unexpected
// starts nothing more: the app then loads what it needs as it would without this.
// It imports nothing of React or the query cache (its chunk: vite.config.ts), so it runs at once.
import { fetchEarly } from '../../lib/fetch-json'
import { parseFilters } from '../../lib/filters'
import { needsScriptFold, normalizeForSearch } from '../../lib/search-grams'
import { foldQuery, parseQuery } from '../../lib/search-query'
import { MANIFEST_FILE, SEARCH_PATTERN, searchBucketPath } from '../../types/bundle-paths'
import { bucketsForQuery } from './search-numbers'

/** The buckets it started loading (none for no query, or a manifest it cannot read). */
export async function preloadSearch(search: string): Promise<number[]> {
  const { q } = parseFilters(new URLSearchParams(search), [])
  if (q === '') return []
  try {
    const [manifest, fold] = await Promise.all([
      fetchEarly(MANIFEST_FILE).then((response) => (response.ok ? (response.clone().json() as Promise<unknown>) : null)),
      needsScriptFold(q) ? import('../../lib/fold-script').then((tables) => tables.foldScript) : normalizeForSearch,
    ])
    const index = searchIndexOf(manifest)
    if (!index) return []
    const { buckets } = bucketsForQuery(foldQuery(parseQuery(q), fold), index.buckets)
    for (const bucket of buckets) void fetchEarly(searchBucketPath(bucket, index.file))
    return buckets
  } catch {
    return []
  }
}

/** The manifest's search index, checked as far as this needs (the app validates the whole file). */
function searchIndexOf(manifest: unknown): { buckets: number; file: string } | null {
  const search = (manifest as { search?: { buckets?: unknown; file?: unknown } } | null)?.search
  const buckets = search?.buckets
  const file = search?.file
  if (typeof buckets !== 'number' || !Number.isSafeInteger(buckets) || buckets < 1) return null
  return typeof file === 'string' && SEARCH_PATTERN.test(file) ? { buckets, file } : null
}
