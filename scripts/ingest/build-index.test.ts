import { describe, expect, it } from 'vitest'
import { GENERATOR, SCHEMA_VERSION, SHARD_FILE, shardPath, type ListEntry } from '../../src/types/data'
import { bucketCountFor, buildIndex, listOrder } from './build-index'
import { contentHash } from './content-hash'

const entry = (id: string, outlet: string, publishedAt: string): ListEntry => ({
  id, title: id, url: `https://example.com/${id}`, outlet, publishedAt, excerpt: '', chars: 1, readingMinutes: 1, lang: 'zh-Hans',
})
const outlets = [
  { id: 'bbc', name: 'BBC 中文', color: '#d62828' },
  { id: 'voa', name: '美国之音', color: '#2563eb' },
]

describe('buildIndex', () => {
  const entries = [
    entry('voa-c', 'voa', '2024-03-30T12:00:00.000Z'),
    entry('bbc-a', 'bbc', '2024-03-02T12:00:00.000Z'),
    entry('bbc-b', 'bbc', '2024-03-02T12:00:00.000Z'),
    entry('bbc-d', 'bbc', '2024-02-29T23:59:59.000Z'),
  ].sort(listOrder)

  it('orders articles newest first, then by id', () => {
    expect(entries.map((e) => e.id)).toEqual(['voa-c', 'bbc-a', 'bbc-b', 'bbc-d'])
  })

  it('starts a shard when the UTC month changes or the shard is full', () => {
    const { shards, manifest } = buildIndex(entries, outlets, { buckets: 4, maxShardEntries: 2 })
    expect(shards.map(({ shard }) => [shard.start, shard.entries.map((e) => e.id)])).toEqual([
      [0, ['voa-c', 'bbc-a']],
      [2, ['bbc-b']],
      [3, ['bbc-d']],
    ])
    // Each file is named by its number and its content's hash, and the manifest names it so.
    for (const [n, { path, text }] of shards.entries()) expect(path).toBe(shardPath(n, contentHash(text)))
    expect(shards.map(({ path }) => path)).toEqual(manifest.shards.map((ref) => ref.file))
    expect(manifest.shards.map((ref) => [ref.month, ref.count, ref.newest, ref.oldest])).toEqual([
      ['2024-03', 2, '2024-03-30T12:00:00.000Z', '2024-03-02T12:00:00.000Z'],
      ['2024-03', 1, '2024-03-02T12:00:00.000Z', '2024-03-02T12:00:00.000Z'],
      ['2024-02', 1, '2024-02-29T23:59:59.000Z', '2024-02-29T23:59:59.000Z'],
    ])
  })

  it('renames a shard when its content changes, and only that one', () => {
    const before = buildIndex(entries, outlets, { buckets: 4, maxShardEntries: 2 }).shards.map(({ path }) => path)
    const edited = entries.map((e) => (e.id === 'bbc-b' ? { ...e, title: 'new title' } : e))
    const after = buildIndex(edited, outlets, { buckets: 4, maxShardEntries: 2 }).shards.map(({ path }) => path)
    expect(after[1]).not.toBe(before[1])
    expect(after[1]).toMatch(SHARD_FILE)
    expect([after[0], after[2]]).toEqual([before[0], before[2]])
  })

  it('counts outlets (most first) and months, and marks the manifest as the ingest’s', () => {
    const { manifest } = buildIndex(entries, outlets, { buckets: 4 })
    expect(manifest).toMatchObject({ schema: SCHEMA_VERSION, generator: GENERATOR, articleCount: 4, search: { buckets: 4, file: 'search/{bucket}.json' } })
    expect(manifest.outlets.map((o) => [o.id, o.count])).toEqual([['bbc', 3], ['voa', 1]])
    expect(manifest.months).toEqual({ '2024-03': { bbc: 2, voa: 1 }, '2024-02': { bbc: 1 } })
    expect(manifest.shards.map((ref) => ref.month)).toEqual(['2024-03', '2024-02']) // one shard a month at the default size
  })

  it('scales search buckets with the corpus', () => {
    expect([5, 100, 10_000, 100_000, 1_000_000].map(bucketCountFor)).toEqual([1, 16, 1024, 8192, 8192])
  })
})
