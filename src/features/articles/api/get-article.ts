import { queryOptions, useQuery } from '@tanstack/react-query'
import { fetchJson, isRecord } from '../../../lib/fetch-json'
import type { Article } from '../../../types/data'

function isArticle(value: unknown): value is Article {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.title === 'string' &&
    typeof value.html === 'string' &&
    typeof value.publishedAt === 'string' &&
    isRecord(value.outlet) &&
    typeof value.outlet.id === 'string'
  )
}

export function getArticle(id: string, signal?: AbortSignal): Promise<Article> {
  return fetchJson(`articles/${encodeURIComponent(id)}.json`, isArticle, signal)
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
