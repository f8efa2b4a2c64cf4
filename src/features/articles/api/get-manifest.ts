import { queryOptions, useQuery } from '@tanstack/react-query'
import { fetchJson } from '../../../lib/fetch-json'
import { MANIFEST_FILE, type Manifest } from '../../../types/data'
import { validManifest } from './validate'

export function getManifest(signal?: AbortSignal): Promise<Manifest> {
  return fetchJson(MANIFEST_FILE, validManifest, signal)
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
