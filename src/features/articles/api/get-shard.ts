import { queryOptions } from '@tanstack/react-query'
import { fetchJson, isRecord } from '../../../lib/fetch-json'
import type { IndexShard } from '../../../types/data'

function isShard(value: unknown): value is IndexShard {
  return isRecord(value) && typeof value.start === 'number' && Array.isArray(value.entries)
}

export function getShard(file: string, signal?: AbortSignal): Promise<IndexShard> {
  return fetchJson(file, isShard, signal)
}

/** file: a ShardRef.file, relative to the data folder ('index/3.json'). */
export function shardQueryOptions(file: string) {
  return queryOptions({
    queryKey: ['shard', file],
    queryFn: ({ signal }) => getShard(file, signal),
    staleTime: Infinity,
  })
}
