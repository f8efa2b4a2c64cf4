import { queryOptions, useQuery } from '@tanstack/react-query'
import { fetchJson, NotFoundError } from '../../../lib/fetch-json'
import { articlePath, type Article } from '../../../types/data'
import { isArticleId, validArticle } from './validate'

/** An id from the address bar that is not of the ingest's form is not found, without a request. */
export async function getArticle(id: string, signal?: AbortSignal): Promise<Article> {
  if (!isArticleId(id)) throw new NotFoundError(articlePath(id))
  return fetchJson(articlePath(id), validArticle, signal)
}

export function articleQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['articles', 'detail', id],
    queryFn: ({ signal }) => getArticle(id, signal),
    staleTime: 5 * 60_000,
  })
}

export function useArticle(id: string) {
  return useQuery(articleQueryOptions(id))
}
