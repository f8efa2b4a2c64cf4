// The query's script fold, loaded with the search: the fold tables (src/lib/fold-script.ts) are a
// chunk of their own, fetched only once a query holds a Han character, so the first screen never
// pays for them. The index was built from folded text (scripts/ingest/build-article.ts).
import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query'
import { needsScriptFold, normalizeForSearch } from '../../lib/search-grams'

export { needsScriptFold }

type Fold = (text: string) => string

export function scriptFoldQueryOptions() {
  return queryOptions({
    queryKey: ['script-fold'],
    queryFn: async (): Promise<{ fold: Fold }> => ({ fold: (await import('../../lib/fold-script')).foldScript }),
    staleTime: Infinity,
    gcTime: Infinity,
    structuralSharing: false,
  })
}

export interface FoldedQuery {
  /** The query as the index holds its terms, or null while the fold tables load. */
  text: string | null
  /** The fold itself once loaded (search's normalisation when the query needs none). */
  fold: Fold | undefined
  /** The tables' query, to report a failed load and retry it. */
  load: UseQueryResult<{ fold: Fold }> | null
}

export function useFoldedQuery(query: string): FoldedQuery {
  const needed = needsScriptFold(query)
  const load = useQuery({ ...scriptFoldQueryOptions(), enabled: needed })
  if (!needed) return { text: normalizeForSearch(query), fold: normalizeForSearch, load: null }
  return { text: load.data ? load.data.fold(query) : null, fold: load.data?.fold, load }
}
