// A search in the URL starts loading its index buckets from the route's loader (src/app/router.tsx),
// as soon as the manifest and the fold tables are in: before the page has rendered and asked for
// them. The list reads the same query options (use-article-list.ts), so nothing is fetched twice.
import type { QueryClient } from '@tanstack/react-query'
import { parseFilters } from '../../lib/filters'
import { normalizeForSearch } from '../../lib/search-grams'
import { foldQuery, parseQuery } from '../../lib/search-query'
import { manifestQueryOptions } from './api/get-manifest'
import { searchBucketQueryOptions } from './api/get-search-bucket'
import { bucketsForQuery } from './search-numbers'
import { needsScriptFold, scriptFoldQueryOptions } from './use-script-fold'

export async function prefetchSearch(queryClient: QueryClient, url: string): Promise<void> {
  const { q } = parseFilters(new URL(url).searchParams, [])
  if (q === '') return
  try {
    const [manifest, fold] = await Promise.all([
      queryClient.ensureQueryData(manifestQueryOptions()),
      needsScriptFold(q) ? queryClient.ensureQueryData(scriptFoldQueryOptions()).then((loaded) => loaded.fold) : normalizeForSearch,
    ])
    const { buckets } = bucketsForQuery(foldQuery(parseQuery(q), fold), manifest.search.buckets)
    await Promise.all(buckets.map((bucket) => queryClient.prefetchQuery(searchBucketQueryOptions(manifest.search.file, bucket))))
  } catch {
    // The page asks again and reports a failure its own way.
  }
}
