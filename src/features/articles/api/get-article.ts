import { queryOptions, useQuery } from '@tanstack/react-query'
import { fetchJson } from '../../../lib/fetch-json'
import type { Article } from '../../../types/data'
import { validArticle } from './validate'

export function getArticle(id: string, signal?: AbortSignal): Promise<Article> {
  return fetchJson(`articles/${encodeURIComponent(id)}.json`, validArticle, signal)
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
