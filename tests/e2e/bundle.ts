// What the served bundle holds, read over HTTP like the app does, so tests name real ids.
import type { IndexShard, ListEntry, Manifest } from '../../src/types/data'
import { baseURL } from './browser'

export interface ServedBundle {
  manifest: Manifest
  /** Newest first, as the list shows them. */
  entries: ListEntry[]
}

export async function servedBundle(): Promise<ServedBundle> {
  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${baseURL()}/data/${path}`)
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`)
    return (await response.json()) as T
  }
  const manifest = await get<Manifest>('manifest.json')
  const shards = await Promise.all(manifest.shards.map((shard) => get<IndexShard>(shard.file)))
  return { manifest, entries: shards.flatMap((shard) => shard.entries) }
}

export function byOutlet(bundle: ServedBundle, outlet: string): ListEntry {
  const entry = bundle.entries.find((candidate) => candidate.outlet === outlet)
  if (!entry) throw new Error(`no ${outlet} article in the bundle`)
  return entry
}
