import { queryOptions } from '@tanstack/react-query'
import { fetchText, NotFoundError } from '../../../lib/fetch-json'
import { searchTextPath } from '../../../types/data'
import { isArticleId } from './validate'

/** An article's search text (title line, body text): what a result's snippet and exact check read, far smaller than its article file. */
export async function getSearchText(id: string, signal?: AbortSignal): Promise<string> {
  if (!isArticleId(id)) throw new NotFoundError(searchTextPath(id))
  return fetchText(searchTextPath(id), signal)
}

export function searchTextQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['articles', 'search-text', id],
    queryFn: ({ signal }) => getSearchText(id, signal),
    staleTime: Infinity,
  })
}
