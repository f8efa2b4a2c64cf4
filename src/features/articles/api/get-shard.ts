import { queryOptions } from '@tanstack/react-query'
import { fetchJson } from '../../../lib/fetch-json'
import { validShard, type LoadedShard } from './validate'

/** The shard with its malformed entries dropped (the rest still shows). */
export function getShard(file: string, signal?: AbortSignal): Promise<LoadedShard> {
  return fetchJson(file, validShard, signal)
}

/** file: a ShardRef.file, relative to the data folder ('index/3.json'). */
export function shardQueryOptions(file: string) {
  return queryOptions({
    queryKey: ['shard', file],
    queryFn: ({ signal }) => getShard(file, signal),
    staleTime: Infinity,
  })
}
