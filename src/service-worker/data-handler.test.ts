import { IDBFactory } from 'fake-indexeddb'
import { describe, expect, test } from 'vitest'
import { MemoryCache } from '../../tests/unit/memory-cache'
import { NOT_SAVED_HEADER, SAVED_COPY_HEADER } from '../lib/fetch-json'
import { createArticleKeeper } from './article-keeper'
import { ARTICLE_CACHE, BUNDLE_CACHE, createDataHandler } from './data-handler'
import { dataFileOf } from './data-files'
import { idbReadIndex } from './read-index'

const SCOPE = 'https://reader.test/'
const json = (value: unknown, status = 200) => new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } })

/** A handler over memory caches and a network the test switches: `answer` null is offline. */
function setUp() {
  const caches = new Map([ARTICLE_CACHE, BUNDLE_CACHE].map((name) => [name, new MemoryCache()]))
  const network: { answer: ((url: string) => Response) | null } = { answer: null }
  const keeper = createArticleKeeper({ cache: async () => caches.get(ARTICLE_CACHE)!, index: idbReadIndex(new IDBFactory()), scope: SCOPE, fetchArticle: async () => null })
  const handler = createDataHandler({
    open: async (name) => caches.get(name)!,
    keeper,
    fetch: async (request) => {
      if (!network.answer) throw new TypeError('Failed to fetch')
      return network.answer(request.url)
    },
  })
  const get = async (path: string) => {
    const url = new URL(`/data/${path}`, SCOPE)
    const handled = await handler.handle(new Request(url), dataFileOf(url, SCOPE)!)
    await handled.work
    return handled.response
  }
  return { caches, network, get }
}

describe('data files, network first', () => {
  test('online the network answers and is saved; offline the saved copy answers', async () => {
    const { network, get } = setUp()
    network.answer = () => json({ entries: ['online'] })
    expect(await (await get('index/0.json')).json()).toEqual({ entries: ['online'] })
    network.answer = null
    const saved = await get('index/0.json')
    expect(await saved.json()).toEqual({ entries: ['online'] })
    // Marked, so the page shows it is offline even where navigator.onLine says otherwise.
    expect(saved.headers.get(SAVED_COPY_HEADER)).toBe('1')
    expect(saved.headers.get('content-type')).toBe('application/json')
  })

  test('offline, a file never saved gets the answer the page words as "not saved"', async () => {
    const { get } = setUp()
    const response = await get('articles/bbc-r27miehhcxnd.json')
    expect(response.headers.has(NOT_SAVED_HEADER)).toBe(true)
  })

  test('a server error lets the saved copy answer; a missing file stays missing and is not saved', async () => {
    const { network, get, caches } = setUp()
    network.answer = () => json({ n: 1 })
    await get('index/1.json')
    network.answer = () => new Response('down', { status: 503 })
    const saved = await get('index/1.json')
    expect(await saved.json()).toEqual({ n: 1 })
    expect(saved.headers.has(SAVED_COPY_HEADER)).toBe(false) // the network answered: the host is down, not the reader

    network.answer = () => new Response('', { status: 404 })
    expect((await get('index/2.json')).status).toBe(404)
    // A host's HTML page for an unknown path is no data file either.
    network.answer = () => new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } })
    await get('index/3.json')
    expect([...caches.get(BUNDLE_CACHE)!.entries.keys()]).toEqual(['https://reader.test/data/index/1.json'])
  })

  test('a new manifest (a new bundle) drops the old bundle’s shards and buckets, never the saved articles', async () => {
    const { network, get, caches } = setUp()
    network.answer = (url) => (url.endsWith('manifest.json') ? json({ articleCount: 5 }) : json({ from: 'old bundle' }))
    await get('manifest.json')
    await get('index/0.json')
    await get('search/0.json')
    await get('articles/bbc-r27miehhcxnd.json')
    await get('manifest.json') // the same bundle: nothing dropped
    expect(caches.get(BUNDLE_CACHE)!.entries.size).toBe(3)

    network.answer = (url) => (url.endsWith('manifest.json') ? json({ articleCount: 6 }) : json({ from: 'new bundle' }))
    await get('manifest.json')
    expect([...caches.get(BUNDLE_CACHE)!.entries.keys()]).toEqual(['https://reader.test/data/manifest.json'])
    expect(caches.get(ARTICLE_CACHE)!.entries.size).toBe(1)
    network.answer = null
    expect(await (await get('manifest.json')).json()).toEqual({ articleCount: 6 })
    expect((await get('index/0.json')).headers.has(NOT_SAVED_HEADER)).toBe(true)
  })
})
