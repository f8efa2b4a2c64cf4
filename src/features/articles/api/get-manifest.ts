import { queryOptions, useQuery } from '@tanstack/react-query'
import { BundleVersionError, fetchJson } from '../../../lib/fetch-json'
import { MANIFEST_FILE, SCHEMA_VERSION, type Manifest } from '../../../types/data'
import { schemaMismatch, validManifest } from './validate'

function parseManifest(value: unknown): Manifest | null {
  const mismatch = schemaMismatch(value)
  if (mismatch) throw new BundleVersionError(mismatch, `${MANIFEST_FILE}: schema of a ${mismatch} ingest (this reader reads schema ${SCHEMA_VERSION})`)
  return validManifest(value)
}

export function getManifest(signal?: AbortSignal): Promise<Manifest> {
  return fetchJson(MANIFEST_FILE, parseManifest, signal)
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
