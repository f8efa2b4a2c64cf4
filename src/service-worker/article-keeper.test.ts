import { IDBFactory } from 'fake-indexeddb'
import { describe, expect, test } from 'vitest'
import { MemoryCache } from '../../tests/unit/memory-cache'
import { articlesToEvict, createArticleKeeper } from './article-keeper'
import { articleUrl } from './data-files'
import { idbReadIndex } from './read-index'

const SCOPE = 'https://reader.test/reader/'
const article = (id: string) => new Response(JSON.stringify({ id }), { headers: { 'content-type': 'application/json' } })

/** A keeper with a limit of 3 over a fresh IndexedDB and cache; the clock advances one ms per read. */
function keeperOfThree(reachable: (url: string) => boolean = () => true) {
  const cache = new MemoryCache()
  const fetched: string[] = []
  let clock = 1_000
  const keeper = createArticleKeeper({
    cache: async () => cache,
    index: idbReadIndex(new IDBFactory()),
    scope: SCOPE,
    fetchArticle: async (url) => {
      fetched.push(url)
      return reachable(url) ? article(url) : null
    },
    limit: 3,
    now: () => clock++,
  })
  const saved = () =>
    [...cache.entries.keys()]
      .map((url) => /articles\/(.+)\.json$/.exec(url)![1]!)
      .sort()
  const read = async (...ids: string[]) => {
    for (const id of ids) await keeper.read(id, article(id))
  }
  return { keeper, cache, saved, read, fetched }
}

describe('articlesToEvict', () => {
  test('beyond the limit, the articles read longest ago go first', () => {
    const records = [
      { id: 'a', readAt: 30 },
      { id: 'b', readAt: 10 },
      { id: 'c', readAt: 20 },
      { id: 'd', readAt: 40 },
    ]
    expect(articlesToEvict(records, new Set(), 2)).toEqual(['b', 'c'])
    expect(articlesToEvict(records, new Set(), 4)).toEqual([])
  })

  test('a bookmarked article is never evicted and does not count toward the limit', () => {
    const records = [
      { id: 'old-bookmark', readAt: 1 },
      { id: 'a', readAt: 10 },
      { id: 'b', readAt: 20 },
    ]
    expect(articlesToEvict(records, new Set(['old-bookmark']), 2)).toEqual([])
    expect(articlesToEvict(records, new Set(['old-bookmark']), 1)).toEqual(['a'])
  })

  test('an article saved for a bookmark and never opened goes first once it is no longer bookmarked', () => {
    expect(articlesToEvict([{ id: 'a', readAt: 10 }, { id: 'saved', readAt: 0 }], new Set(), 1)).toEqual(['saved'])
  })
})

describe('the article keeper, with room for 3 opened articles', () => {
  test('opening a fourth evicts the one read longest ago, from the cache too', async () => {
    const { saved, read } = keeperOfThree()
    await read('a', 'b', 'c', 'd')
    expect(saved()).toEqual(['b', 'c', 'd'])
  })

  test('reading an article again, even from the saved copy, makes it the newest', async () => {
    const { keeper, saved, read } = keeperOfThree()
    await read('a', 'b', 'c')
    await keeper.read('a') // offline: the saved copy answered
    await read('d')
    expect(saved()).toEqual(['a', 'c', 'd'])
  })

  test('bookmarked articles are saved without being opened, and stay however much else is read', async () => {
    const { keeper, saved, read, fetched } = keeperOfThree()
    await read('a')
    await keeper.setBookmarks(['a', 'x'])
    expect(fetched).toEqual([articleUrl('x', SCOPE)]) // a was saved already
    await read('b', 'c', 'd', 'e', 'f')
    expect(saved()).toEqual(['a', 'd', 'e', 'f', 'x'])
  })

  test('an article no longer bookmarked is evicted like any other, oldest-read first', async () => {
    const { keeper, saved, read } = keeperOfThree()
    await keeper.setBookmarks(['x'])
    await read('a', 'b', 'c')
    expect(saved()).toEqual(['a', 'b', 'c', 'x'])
    await keeper.setBookmarks([])
    expect(saved()).toEqual(['a', 'b', 'c']) // x was never opened: it goes first
  })

  test('a bookmark whose article cannot be fetched now is simply not saved yet', async () => {
    const { keeper, saved } = keeperOfThree((url) => !url.includes('gone'))
    await keeper.setBookmarks(['gone', 'here'])
    expect(saved()).toEqual(['here'])
  })

  test('the bookmarked ids and read times outlive the worker (a new keeper over the same IndexedDB)', async () => {
    const cache = new MemoryCache()
    const factory = new IDBFactory()
    let clock = 1
    const make = () =>
      createArticleKeeper({ cache: async () => cache, index: idbReadIndex(factory), scope: SCOPE, fetchArticle: async (url) => article(url), limit: 1, now: () => clock++ })
    const first = make()
    await first.setBookmarks(['kept'])
    await first.read('a', article('a'))
    const second = make()
    await second.read('b', article('b'))
    expect([...cache.entries.keys()].sort()).toEqual([articleUrl('b', SCOPE), articleUrl('kept', SCOPE)])
  })
})
