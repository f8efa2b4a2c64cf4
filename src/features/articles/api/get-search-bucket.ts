import { queryOptions } from '@tanstack/react-query'
import { fetchJson, isRecord } from '../../../lib/fetch-json'
import type { SearchBucket } from '../../../types/data'

function isBucket(value: unknown): value is SearchBucket {
  return isRecord(value)
}

export function searchBucketPath(pattern: string, bucket: number): string {
  return pattern.replace('{bucket}', String(bucket))
}

export function getSearchBucket(pattern: string, bucket: number, signal?: AbortSignal): Promise<SearchBucket> {
  return fetchJson(searchBucketPath(pattern, bucket), isBucket, signal)
}

/** pattern: manifest.search.file; the key holds only the bucket number (one bundle per page). */
export function searchBucketQueryOptions(pattern: string, bucket: number) {
  return queryOptions({
    queryKey: ['search-bucket', bucket],
    queryFn: ({ signal }) => getSearchBucket(pattern, bucket, signal),
    staleTime: Infinity,
  })
}
