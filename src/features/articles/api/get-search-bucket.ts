import { queryOptions } from '@tanstack/react-query'
import { fetchJson } from '../../../lib/fetch-json'
import type { SearchBucket } from '../../../types/data'

// Postings are checked where they are read (matchingNumbers): a bucket can be large.
function validBucket(value: unknown): SearchBucket | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as SearchBucket) : null
}

export function searchBucketPath(pattern: string, bucket: number): string {
  return pattern.replace('{bucket}', String(bucket))
}

export function getSearchBucket(pattern: string, bucket: number, signal?: AbortSignal): Promise<SearchBucket> {
  return fetchJson(searchBucketPath(pattern, bucket), validBucket, signal)
}

/** pattern: manifest.search.file; the key holds only the bucket number (one bundle per page). */
export function searchBucketQueryOptions(pattern: string, bucket: number) {
  return queryOptions({
    queryKey: ['search-bucket', bucket],
    queryFn: ({ signal }) => getSearchBucket(pattern, bucket, signal),
    staleTime: Infinity,
  })
}
