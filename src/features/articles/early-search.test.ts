import { QueryClient } from '@tanstack/react-query'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { gramBucket } from '../../lib/search-grams'
import { oneArticleManifest } from './fixtures/bundle'

const manifest = oneArticleManifest(64)

// fetch-json.ts keeps the early responses in a module-level map: each test starts with a fresh one.
beforeEach(() => void vi.resetModules())
afterEach(() => void vi.unstubAllGlobals())

function serve(answer: (path: string) => Response = (path) => json(path === '/data/manifest.json' ? manifest : {})): string[] {
  const asked: string[] = []
  vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
    const path = new URL(String(input), 'http://reader.test').pathname
    asked.push(path)
    return answer(path)
  })
  return asked
}
const json = (value: unknown) => new Response(JSON.stringify(value), { headers: { 'content-type': 'application/json' } })
const bucketsOf = (...grams: string[]) => [...new Set(grams.map((gram) => gramBucket(gram, 64)))].sort((a, b) => a - b)

describe('a search in the address loads its buckets before the app has started', () => {
  test('it asks for the manifest and the query’s buckets once, and the app’s own fetches take those responses', async () => {
    const asked = serve()
    const { preloadSearch } = await import('./early-search')
    // 國安法 in Traditional: its buckets are those of the folded Simplified trigram.
    const started = await preloadSearch({ pathname: '/', search: '?q=%E5%9C%8B%E5%AE%89%E6%B3%95' })
    const buckets = bucketsOf('国安法')
    expect(started.sort()).toEqual(['manifest.json', ...buckets.map((bucket) => `search/${bucket}.json`)].sort())
    expect(asked.sort()).toEqual(started.map((path) => `/data/${path}`))

    // The app then reads the same files through its query cache: nothing is asked again, and each reads whole.
    const { manifestQueryOptions } = await import('./api/get-manifest')
    const { searchBucketQueryOptions } = await import('./api/get-search-bucket')
    const client = new QueryClient()
    await expect(client.fetchQuery(manifestQueryOptions())).resolves.toMatchObject({ articleCount: 1 })
    await Promise.all(buckets.map((bucket) => client.fetchQuery(searchBucketQueryOptions(manifest.search.file, bucket))))
    expect(asked).toHaveLength(1 + buckets.length)

    // Taken once: a later fetch of the same file (a refetch) goes to the network.
    await client.fetchQuery({ ...manifestQueryOptions(), staleTime: 0 })
    expect(asked).toHaveLength(2 + buckets.length)
  })

  test('no query asks for nothing; a manifest it cannot read or does not expect starts no bucket and throws nothing', async () => {
    const asked = serve()
    const { preloadSearch } = await import('./early-search')
    await expect(preloadSearch({ pathname: '/', search: '?outlet=bbc&q=%20' })).resolves.toEqual([])
    expect(asked).toEqual([])

    for (const answer of [new Response('', { status: 500 }), new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } }), json({ ...manifest, search: { buckets: 64, file: '../../evil/{bucket}.json' } })]) {
      vi.resetModules()
      const seen = serve(() => answer.clone())
      const early = await import('./early-search')
      await expect(early.preloadSearch({ pathname: '/', search: '?q=Trump' })).resolves.toEqual(['manifest.json'])
      expect(seen).toEqual(['/data/manifest.json'])
    }
  })

  test('an early response the app has not taken within 30 s is dropped: the app then fetches afresh', async () => {
    const asked = serve()
    const now = vi.spyOn(performance, 'now').mockReturnValue(1_000)
    const { preloadSearch } = await import('./early-search')
    await preloadSearch({ pathname: '/', search: '?q=Trump' })
    const early = asked.length
    const { manifestQueryOptions } = await import('./api/get-manifest')
    now.mockReturnValue(31_001)
    await new QueryClient().fetchQuery(manifestQueryOptions())
    expect(asked).toHaveLength(early + 1)
    expect(asked.at(-1)).toBe('/data/manifest.json')
  })

  test('a bucket it cannot read (an HTML fallback) ends the early walk quietly: nothing beyond the buckets, no unhandled rejection', async () => {
    serve((path) => (path === '/data/manifest.json' ? json(manifest) : new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } })))
    const { preloadSearch } = await import('./early-search')
    const started = await preloadSearch({ pathname: '/', search: '?q=Trump' })
    expect(started[0]).toBe('manifest.json')
    expect(started.slice(1).every((path) => path.startsWith('search/'))).toBe(true)
    expect(started.length).toBeGreaterThan(1)
  })
})
