import { queryOptions } from '@tanstack/react-query'
import { DataError, fetchJson } from '../../../lib/fetch-json'
import { isShardFile, validShard, type LoadedShard } from './validate'

/** The shard with its malformed entries dropped (the rest still shows). */
export async function getShard(file: string, signal?: AbortSignal): Promise<LoadedShard> {
  // The manifest is checked on arrival too; this keeps any other caller from building a path from data.
  if (!isShardFile(file)) throw new DataError(`not a shard file: ${file}`)
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
