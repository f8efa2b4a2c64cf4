import { describe, expect, it } from 'vitest'
import { EMPTY_FILTERS, parseFilters, toSearch, type Filters } from '../../lib/filters'
import type { IndexShard, ListEntry } from '../../types/data'
import { candidateShards, compileFilter, knownTotal, matchingEntries, planRanked, planShards } from './filter-entries'
import { buildBundle, SEEDS, type FixtureArticle } from './fixtures/bundle'
import { bucketsForQuery, intersectSorted, matchingNumbers, rankByRelevance } from './search-numbers'
import { normalizeForSearch } from '../../lib/search-grams'
import { foldQuery, parseQuery } from '../../lib/search-query'

const seeds = buildBundle(SEEDS)
/** The ingest's id of each seed, in SEEDS order. */
const [rfi, bbc, zaobao, voa, dw] = seeds.ids

function search(bundle: ReturnType<typeof buildBundle>, q: string): number[] | null {
  const query = foldQuery(parseQuery(q), normalizeForSearch)
  bucketsForQuery(query, bundle.manifest.search.buckets).buckets.forEach((b) => expect(bundle.buckets.has(b)).toBe(true))
  return matchingNumbers(query, bundle.manifest.search.buckets, (b) => bundle.buckets.get(b)!, bundle.manifest.articleCount)
}

function resultIds(bundle: ReturnType<typeof buildBundle>, filters: Filters, timeZone?: string): string[] {
  const numbers = filters.q ? search(bundle, filters.q) : null
  const filter = compileFilter(filters, numbers, timeZone)
  return candidateShards(bundle.manifest, filter).flatMap((ref) => matchingEntries(bundle.shards.get(ref.file)!, filter).map((e) => e.id))
}

describe('search', () => {
  it('finds 克里姆林宫 in exactly the three seeds that contain it', () => {
    expect(resultIds(seeds, { ...EMPTY_FILTERS, q: '克里姆林宫' }).sort()).toEqual([bbc, dw, voa])
  })

  it('needs every bigram: 克里姆林 matches the same three, 林宫克 none', () => {
    expect(resultIds(seeds, { ...EMPTY_FILTERS, q: '克里姆林' })).toHaveLength(3)
    expect(resultIds(seeds, { ...EMPTY_FILTERS, q: '宫克' })).toEqual([])
  })

  it('matches titles as well as bodies, and words in other scripts case-insensitively', () => {
    const bundle = buildBundle([{ slug: 'a', outlet: 'bbc', publishedAt: '2024-01-01T00:00:00Z', title: 'Putin visits Beijing', body: '' }])
    expect(resultIds(bundle, { ...EMPTY_FILTERS, q: 'PUTIN' })).toEqual(bundle.ids)
    expect(resultIds(bundle, { ...EMPTY_FILTERS, q: 'putin moscow' })).toEqual([])
  })

  it('combines search with the outlet filter', () => {
    expect(resultIds(seeds, { ...EMPTY_FILTERS, q: '克里姆林宫', outlets: ['voa', 'dw'] })).toEqual([dw, voa])
  })

  it('intersects ascending lists', () => {
    expect(intersectSorted([[1, 3, 5, 9], [3, 4, 5, 9, 10], [0, 5, 9]])).toEqual([5, 9])
    expect(intersectSorted([])).toEqual([])
  })
})

describe('outlet and date filters', () => {
  it('lists everything newest first with no filter', () => {
    expect(resultIds(seeds, EMPTY_FILTERS)).toEqual([dw, rfi, voa, bbc, zaobao])
  })

  it('keeps only the chosen outlets', () => {
    expect(resultIds(seeds, { ...EMPTY_FILTERS, outlets: ['bbc', 'voa'] })).toEqual([voa, bbc])
  })

  it('skips shards of months without the chosen outlets', () => {
    const filter = compileFilter({ ...EMPTY_FILTERS, outlets: ['rfi'] }, null)
    expect(candidateShards(seeds.manifest, filter).map((s) => s.month)).toEqual(['2024-02'])
  })

  it('uses local days: 2024-02-07 22:45 Shanghai is on 2024-02-07, 2024-02-07 09:45 in New York', () => {
    const day = { ...EMPTY_FILTERS, from: '2024-02-07', to: '2024-02-07' }
    expect(resultIds(seeds, day)).toEqual([rfi])
    expect(resultIds(seeds, day, 'America/New_York')).toEqual([rfi])
    // 2023-03-21 20:39 UTC is already 2023-03-22 in Shanghai, still 2023-03-21 in New York.
    const march22 = { ...EMPTY_FILTERS, from: '2023-03-22', to: '2023-03-22' }
    expect(resultIds(seeds, march22)).toEqual([voa, bbc])
    expect(resultIds(seeds, march22, 'America/New_York')).toEqual([])
  })

  it('counts exactly where the manifest or the search knows, else not', () => {
    expect(knownTotal(seeds.manifest, EMPTY_FILTERS, null)).toBe(5)
    expect(knownTotal(seeds.manifest, { ...EMPTY_FILTERS, outlets: ['bbc', 'dw'] }, null)).toBe(2)
    expect(knownTotal(seeds.manifest, { ...EMPTY_FILTERS, q: 'x' }, [1, 2, 3])).toBe(3)
    expect(knownTotal(seeds.manifest, { ...EMPTY_FILTERS, from: '2024-01-01' }, null)).toBeNull()
  })
})

describe('planShards', () => {
  const many: FixtureArticle[] = Array.from({ length: 1200 }, (_, i) => ({
    slug: `a${i}`,
    outlet: i % 10 === 0 ? 'rfi' : 'bbc',
    publishedAt: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString(),
    title: `第${i}篇`,
  }))
  const bundle = buildBundle(many, { maxShardEntries: 100 })

  function plan(filters: Filters, loaded: Set<string>, limit: number) {
    const filter = compileFilter(filters, null)
    return planShards(candidateShards(bundle.manifest, filter), (file) => (loaded.has(file) ? bundle.shards.get(file) : undefined), filter, (e) => e.length >= limit)
  }

  it('asks for the newest shard first and nothing else', () => {
    const result = plan(EMPTY_FILTERS, new Set(), 50)
    expect(result.shards.map((s) => s.file)).toEqual([bundle.manifest.shards[0]!.file])
    expect(result.entries).toEqual([])
  })

  it('stops once enough entries are loaded', () => {
    const first = bundle.manifest.shards[0]!.file
    const result = plan(EMPTY_FILTERS, new Set([first]), 50)
    expect(result.shards).toHaveLength(1)
    expect(result.entries).toHaveLength(100)
    expect(result.complete).toBe(false)
  })

  it('walks on to the next shard for a sparse outlet', () => {
    const loaded = new Set<string>()
    let result = plan({ ...EMPTY_FILTERS, outlets: ['rfi'] }, loaded, 25)
    while (result.entries.length < 25) {
      for (const ref of result.shards) loaded.add(ref.file)
      result = plan({ ...EMPTY_FILTERS, outlets: ['rfi'] }, loaded, 25)
    }
    // 10 rfi articles per 100-article shard: three shards hold 25, a fourth was fetched ahead.
    expect(loaded.size).toBeLessThanOrEqual(4)
    expect(result.entries).toHaveLength(30)
    expect(result.entries.every((e: ListEntry) => e.outlet === 'rfi')).toBe(true)
    expect(result.entries.map((e) => e.publishedAt)).toEqual([...result.entries.map((e) => e.publishedAt)].sort().reverse())
  })

  it('fetches the two next shards together once past the first', () => {
    const [first, second, third] = bundle.manifest.shards
    const result = plan(EMPTY_FILTERS, new Set([first!.file]), 150)
    expect(result.shards.map((s) => s.file)).toEqual([first!.file, second!.file, third!.file])
  })

  it('is complete when every candidate is loaded', () => {
    const all = new Set(bundle.manifest.shards.map((s) => s.file))
    const result = plan(EMPTY_FILTERS, all, Infinity)
    expect(result.complete).toBe(true)
    expect(result.entries).toHaveLength(1200)
  })

  it('matches search numbers within a shard by position', () => {
    const shard: IndexShard = bundle.shards.get(bundle.manifest.shards[1]!.file)!
    const filter = compileFilter(EMPTY_FILTERS, [shard.start + 2, shard.start + 5, 99_999])
    expect(matchingEntries(shard, filter).map((e) => e.id)).toEqual([shard.entries[2]!.id, shard.entries[5]!.id])
  })
})

describe('sort=relevance', () => {
  const bundle = buildBundle(
    [
      { slug: 'once-newest', outlet: 'bbc', publishedAt: '2024-03-01T00:00:00Z', title: '乌克兰局势', body: '普京表示。' },
      { slug: 'thrice', outlet: 'voa', publishedAt: '2024-02-01T00:00:00Z', title: '俄罗斯新闻', body: '普京说。普京又说。普京再说。' },
      { slug: 'title-oldest', outlet: 'dw', publishedAt: '2024-01-01T00:00:00Z', title: '普京访华', body: '别的内容。' },
      { slug: 'none', outlet: 'rfi', publishedAt: '2023-12-01T00:00:00Z', title: '别的新闻', body: '没有提到。' },
    ],
    { maxShardEntries: 1 },
  )
  const [onceNewest, thrice, titleOldest] = bundle.ids
  const ranked = (q: string, filters: Filters = EMPTY_FILTERS) => {
    const query = foldQuery(parseQuery(q), normalizeForSearch)
    const bucketOf = (b: number) => bundle.buckets.get(b)!
    const numbers = matchingNumbers(query, bundle.manifest.search.buckets, bucketOf, bundle.manifest.articleCount)!
    const order = rankByRelevance(query, bundle.manifest.search.buckets, bucketOf, numbers, bundle.manifest.articleCount)
    const filter = compileFilter(filters, numbers)
    const loaded = (file: string) => bundle.shards.get(file)
    return planRanked(order, candidateShards(bundle.manifest, filter), loaded, filter, () => false).entries.map((entry) => entry.id)
  }

  it('puts title matches first, then more occurrences, then the newest', () => {
    expect(ranked('普京')).toEqual([titleOldest, thrice, onceNewest])
  })

  it('keeps the filters: an outlet left out stays out', () => {
    expect(ranked('普京', { ...EMPTY_FILTERS, outlets: ['bbc', 'voa'] })).toEqual([thrice, onceNewest])
  })

  it('asks for the shards of the next results together when one is missing', () => {
    const query = foldQuery(parseQuery('普京'), normalizeForSearch)
    const bucketOf = (b: number) => bundle.buckets.get(b)!
    const numbers = matchingNumbers(query, bundle.manifest.search.buckets, bucketOf, bundle.manifest.articleCount)!
    const filter = compileFilter(EMPTY_FILTERS, numbers)
    const plan = planRanked(rankByRelevance(query, bundle.manifest.search.buckets, bucketOf, numbers, bundle.manifest.articleCount), bundle.manifest.shards, () => undefined, filter, () => false)
    expect(plan.complete).toBe(false)
    expect(plan.shards).toHaveLength(3)
  })

  it('reads sort=relevance from the URL and writes it back', () => {
    const filters = parseFilters(new URLSearchParams('q=普京&sort=relevance'), [])
    expect(filters.sort).toBe('relevance')
    expect(toSearch(filters)).toBe('?q=%E6%99%AE%E4%BA%AC&sort=relevance')
    expect(parseFilters(new URLSearchParams('sort=bogus'), []).sort).toBeUndefined()
  })
})
