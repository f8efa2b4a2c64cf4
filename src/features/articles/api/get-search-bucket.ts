import { queryOptions } from '@tanstack/react-query'
import { DataError, fetchJson } from '../../../lib/fetch-json'
import { searchBucketPath, type SearchBucket } from '../../../types/data'
import { isSearchPattern } from './validate'

// Postings are checked where they are read (matchingNumbers): a bucket can be large.
function validBucket(value: unknown): SearchBucket | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as SearchBucket) : null
}

export async function getSearchBucket(pattern: string, bucket: number, signal?: AbortSignal): Promise<SearchBucket> {
  if (!isSearchPattern(pattern) || !Number.isSafeInteger(bucket) || bucket < 0) throw new DataError(`not a search file: ${pattern} ${bucket}`)
  return fetchJson(searchBucketPath(bucket, pattern), validBucket, signal)
}

/** pattern: manifest.search.file; the key holds only the bucket number (one bundle per page). */
export function searchBucketQueryOptions(pattern: string, bucket: number) {
  return queryOptions({
    queryKey: ['search-bucket', bucket],
    queryFn: ({ signal }) => getSearchBucket(pattern, bucket, signal),
    staleTime: Infinity,
  })
}
