import { afterEach, describe, expect, test, vi } from 'vitest'
import { QueryClient } from '@tanstack/react-query'
import { awaitedFile, loadAwaited, matchesReader, sameClock, type FirstScreen, type Reader } from './first-screen'

/** A build's first screen in Shanghai time, and the data it came from, holding these publication times. */
const screen: FirstScreen = { path: '/', locale: 'zh-CN', timeZone: 'Asia/Shanghai', loaderData: {}, awaits: [['manifest'], ['shard', 'index/0.json']] }
const dataWith = (...publishedAt: string[]) => ({ queries: [{ queryKey: ['shard', 'index/0.json'], state: { data: { entries: publishedAt.map((time) => ({ publishedAt: time })) } } }] })
const reader = (timeZone: string, storedKeys: readonly string[] | null = []): Reader => ({ path: '/', search: '', locale: 'zh-CN', timeZone, storedKeys })
/** The reader's first render is the markup: the same page and nothing stored, and the same clock on the data's dates. */
const hydrates = (data: unknown, who: Reader) => matchesReader(screen, who) && sameClock(screen, who.timeZone, data)

describe('whose first render the prerendered list is', () => {
  const data = dataWith('2024-03-05T20:30:00Z', '2023-07-01T01:00:00+08:00')

  test('a reader in the build zone, or in one with the same clock on every date shown (Taipei, Singapore), hydrates it', () => {
    expect(hydrates(data, reader('Asia/Shanghai'))).toBe(true)
    expect(hydrates(data, reader('Asia/Taipei'))).toBe(true)
    expect(hydrates(data, reader('Asia/Singapore'))).toBe(true)
  })

  test('a reader whose clock shows another time of a listed article gets a fresh render', () => {
    expect(hydrates(data, reader('UTC'))).toBe(false)
    expect(hydrates(data, reader('Asia/Tokyo'))).toBe(false)
  })

  test('Singapore before 1982 kept another clock: an article of 1980 listed makes it differ', () => {
    expect(hydrates(dataWith('1980-06-01T12:00:00Z'), reader('Asia/Singapore'))).toBe(false)
  })

  test('a zone the browser does not know, stored state or blocked storage: a fresh render', () => {
    expect(hydrates(data, reader('Mars/Olympus'))).toBe(false)
    expect(hydrates(data, reader('Asia/Shanghai', ['archive-reader:bookmarks']))).toBe(false)
    expect(hydrates(data, reader('Asia/Shanghai', null))).toBe(false)
  })
})

describe('the data files a page awaits', () => {
  afterEach(() => void vi.unstubAllGlobals())

  test('only data files of the bundle: the manifest, shards, articles and stories by their patterns', () => {
    const client = new QueryClient()
    expect(awaitedFile(['manifest'], client)?.file).toBe('manifest.json')
    expect(awaitedFile(['shard', 'index/3.abcdefghij.json'], client)?.file).toBe('index/3.abcdefghij.json')
    expect(awaitedFile(['articles', 'detail', 'bbc-abcdefghijk2'], client)?.file).toBe('articles/bbc-abcdefghijk2.json')
    expect(awaitedFile(['stories', 'detail', 's-abcdefghijk2'], client)?.file).toBe('stories/s-abcdefghijk2.json')
    for (const key of [['shard', '../secrets.json'], ['articles', 'detail', '../../x'], ['search', 0], ['manifest', 'x'], []]) expect(awaitedFile(key, client), JSON.stringify(key)).toBeNull()
  })

  test('a page naming a file that is not one hydrates nothing: loadAwaited says no, without fetching', async () => {
    const fetch = vi.fn()
    vi.stubGlobal('fetch', fetch)
    expect(await loadAwaited(new QueryClient(), [['manifest'], ['shard', 'https://evil.test/x.json']])).toBe(false)
    expect(fetch).not.toHaveBeenCalled()
  })

  const shard = { start: 0, entries: [] }
  const client = () => new QueryClient({ defaultOptions: { queries: { retry: false } } })

  test('the files in, the cache holds them under the keys the views read; one gone, no', async () => {
    vi.stubGlobal('fetch', async (input: RequestInfo | URL) => (String(input).endsWith('/data/index/0.json') ? Response.json(shard) : new Response('', { status: 404 })))
    const queries = client()
    expect(await loadAwaited(queries, [['shard', 'index/0.json']])).toBe(true)
    expect(queries.getQueryData(['shard', 'index/0.json'])).toMatchObject(shard)
    expect(await loadAwaited(client(), [['shard', 'index/0.json'], ['shard', 'index/1.json']])).toBe(false)
  })

  test('a file not in within the limit: no, and the page renders afresh instead of waiting on', async () => {
    vi.stubGlobal('fetch', () => new Promise<Response>(() => {}))
    expect(await loadAwaited(client(), [['shard', 'index/0.json']], 20)).toBe(false)
  })
})
