import { queryOptions, useQuery } from '@tanstack/react-query'
import { DataError, fetchJson } from '../../../lib/fetch-json'
import { strings } from '../../../lib/strings'
import { MANIFEST_FILE, SCHEMA_VERSION, type Manifest } from '../../../types/data'
import { schemaMismatch, validManifest } from './validate'

/** The bundle was written for another version of the reader: rebuilding it (or updating the app) helps, retrying does not. */
export class BundleVersionError extends DataError {
  constructor(readonly bundle: 'newer' | 'older') {
    super(`${MANIFEST_FILE}: schema of a ${bundle} ingest (this reader reads schema ${SCHEMA_VERSION})`)
    this.name = 'BundleVersionError'
  }
}

function parseManifest(value: unknown): Manifest | null {
  const mismatch = schemaMismatch(value)
  if (mismatch) throw new BundleVersionError(mismatch)
  return validManifest(value)
}

export function getManifest(signal?: AbortSignal): Promise<Manifest> {
  return fetchJson(MANIFEST_FILE, parseManifest, signal)
}

/** What the error state says when the manifest did not load: a bundle of another version is not a network problem. */
export function manifestErrorText(error: unknown): { title: string; hint: string } {
  const s = strings.app
  if (error instanceof BundleVersionError) {
    return error.bundle === 'newer' ? { title: s.bundleNewer, hint: s.bundleNewerHint } : { title: s.bundleOlder, hint: s.bundleOlderHint }
  }
  return { title: s.loadError, hint: s.loadErrorHint }
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
