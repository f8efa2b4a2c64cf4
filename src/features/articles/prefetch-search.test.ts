import { QueryClient } from '@tanstack/react-query'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { gramBucket } from '../../lib/search-grams'
import { oneArticleManifest } from './fixtures/bundle'
import { prefetchSearch } from './prefetch-search'

const manifest = oneArticleManifest(64)

function serve(): string[] {
  const asked: string[] = []
  vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
    const path = new URL(String(input), 'http://reader.test').pathname
    asked.push(path)
    return new Response(path === '/data/manifest.json' ? JSON.stringify(manifest) : '{}', { headers: { 'content-type': 'application/json' } })
  })
  return asked
}
afterEach(() => void vi.unstubAllGlobals())

const bucketsAsked = (asked: string[]) => asked.filter((path) => path.startsWith('/data/search/')).sort()
const bucketFile = (...grams: string[]) => [...new Set(grams.map((gram) => `/data/search/${gramBucket(gram, 64)}.json`))].sort()

describe('a search in the URL asks for its index buckets before the page does', () => {
  test('the buckets of its folded keys: a Traditional query as its Simplified trigrams, an English word as itself', async () => {
    const asked = serve()
    const client = new QueryClient()
    await prefetchSearch(client, 'http://reader.test/?q=%E5%9C%8B%E5%AE%89%E6%B3%95')
    expect(bucketsAsked(asked)).toEqual(bucketFile('国安法'))
    await prefetchSearch(client, 'http://reader.test/timeline?outlet=bbc&q=Trump')
    expect(bucketsAsked(asked)).toEqual([...bucketFile('国安法'), ...bucketFile('trump')].sort())
    // In the cache under the list's own keys: the list fetches none of them again.
    expect(client.getQueryCache().findAll({ queryKey: ['search-bucket'] })).toHaveLength(new Set([...bucketFile('国安法'), ...bucketFile('trump')]).size)
  })

  test('no query, nothing; a manifest that cannot be read, nothing and no error', async () => {
    const asked = serve()
    await prefetchSearch(new QueryClient(), 'http://reader.test/?outlet=bbc&q=%20')
    expect(asked).toEqual([])
    vi.stubGlobal('fetch', async () => new Response('', { status: 500 }))
    await expect(prefetchSearch(new QueryClient({ defaultOptions: { queries: { retry: false } } }), 'http://reader.test/?q=%E6%99%AE%E4%BA%AC')).resolves.toBeUndefined()
  })
})
