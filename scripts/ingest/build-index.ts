// Pure: the sorted list entries of a bundle -> its time shards and its manifest. No I/O, so the app's
// test fixtures build their bundle with this same code (src/features/articles/fixtures/bundle.ts).
import {
  GENERATOR,
  listPlace,
  MAX_SHARD_ENTRIES,
  SCHEMA_VERSION,
  SEARCH_FILE_PATTERN,
  shardPath,
  type IndexShard,
  type ListEntry,
  type Manifest,
  type Outlet,
  type ShardRef,
} from '../../src/types/data'
import { contentHash } from './content-hash'
import type { OutletInfo } from './outlets'

/**
 * Search buckets scale with the corpus: about 12 articles' postings per bucket (trigrams made the
 * postings 2.3 times larger than bigrams alone, so twice the buckets keep each about as large), a power of two, 1..8192.
 */
export function bucketCountFor(articles: number): number {
  let buckets = 1
  while (buckets < articles / 12 && buckets < 8192) buckets *= 2
  return buckets
}

/** The bundle's article order: newest first, then by id. An article's list place is its index in it. */
export function listOrder(a: ListEntry, b: ListEntry): number {
  return a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** The search posting number of the article at list place `place` (listPlace undone): numbers count oldest first. */
export function articleNumber(place: number, articleCount: number): number {
  return listPlace(place, articleCount)
}

export interface BundleIndex {
  /** Shard file path (relative to the bundle, named by its content's hash), content and its JSON, newest first. */
  shards: { path: string; shard: IndexShard; text: string }[]
  manifest: Manifest & { generator: string }
}

export interface IndexOptions {
  buckets: number
  /** Only tests set it, to get several shards out of a few articles. */
  maxShardEntries?: number
}

/** entries: every article's list entry in listOrder; outlets: at least every outlet they name. */
export function buildIndex(entries: readonly ListEntry[], outlets: Iterable<OutletInfo>, { buckets, maxShardEntries = MAX_SHARD_ENTRIES }: IndexOptions): BundleIndex {
  const shards: BundleIndex['shards'] = []
  const refs: ShardRef[] = []
  let start = 0
  while (start < entries.length) {
    const month = entries[start]!.publishedAt.slice(0, 7)
    let end = start + 1
    while (end < entries.length && end - start < maxShardEntries && entries[end]!.publishedAt.slice(0, 7) === month) end++
    const part = entries.slice(start, end)
    const shard = { start, entries: part }
    const text = JSON.stringify(shard)
    const path = shardPath(shards.length, contentHash(text))
    shards.push({ path, shard, text })
    refs.push({ file: path, month, start, count: part.length, newest: part[0]!.publishedAt, oldest: part.at(-1)!.publishedAt })
    start = end
  }

  const counts = new Map<string, number>()
  const months: Record<string, Record<string, number>> = {}
  for (const entry of entries) {
    counts.set(entry.outlet, (counts.get(entry.outlet) ?? 0) + 1)
    const month = (months[entry.publishedAt.slice(0, 7)] ??= {})
    month[entry.outlet] = (month[entry.outlet] ?? 0) + 1
  }
  for (const [key, perOutlet] of Object.entries(months)) {
    months[key] = Object.fromEntries(Object.entries(perOutlet).sort(([a], [b]) => (a < b ? -1 : 1)))
  }
  const outletList: Outlet[] = [...outlets]
    .map((outlet) => ({ id: outlet.id, name: outlet.name, color: outlet.color, count: counts.get(outlet.id) ?? 0 }))
    .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1))
  const manifest: BundleIndex['manifest'] = {
    schema: SCHEMA_VERSION,
    generator: GENERATOR, // the app ignores it; a later run checks it before replacing the folder
    articleCount: entries.length,
    outlets: outletList,
    shards: refs,
    months,
    search: { buckets, file: SEARCH_FILE_PATTERN },
  }
  return { shards, manifest }
}
