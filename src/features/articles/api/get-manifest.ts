import { queryOptions, useQuery } from '@tanstack/react-query'
import { fetchJson, isRecord } from '../../../lib/fetch-json'
import type { Manifest } from '../../../types/data'

function isManifest(value: unknown): value is Manifest {
  return (
    isRecord(value) &&
    typeof value.articleCount === 'number' &&
    Array.isArray(value.outlets) &&
    Array.isArray(value.shards) &&
    isRecord(value.months) &&
    isRecord(value.search) &&
    typeof value.search.buckets === 'number' &&
    typeof value.search.file === 'string'
  )
}

export function getManifest(signal?: AbortSignal): Promise<Manifest> {
  return fetchJson('manifest.json', isManifest, signal)
}

export function manifestQueryOptions() {
  return queryOptions({
    queryKey: ['manifest'],
    queryFn: ({ signal }) => getManifest(signal),
    staleTime: Infinity,
  })
}

export function useManifest() {
  return useQuery(manifestQueryOptions())
}
