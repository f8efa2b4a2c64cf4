// The ids and paths the ingest writes are the ones the app accepts (src/types/bundle-paths.ts).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ARTICLE_ID, articlePath, SEARCH_FILE_PATTERN, SEARCH_PATTERN, searchBucketPath, SHARD_FILE, shardPath } from '../../src/types/data'
import { articleId, canonicalUrl } from './build-article'
import { outletForUrl } from './outlets'

describe('the ingest and the app agree on names', () => {
  it('makes article ids the app accepts, for any web URL', () => {
    fc.assert(
      fc.property(fc.webUrl(), (url) => {
        const canonical = canonicalUrl(url)
        expect(articleId(canonical, outletForUrl(canonical).id)).toMatch(ARTICLE_ID)
      }),
    )
  })

  it('writes shard files and the search pattern the app accepts', () => {
    for (const n of [0, 7, 4095]) expect(shardPath(n)).toMatch(SHARD_FILE)
    expect(SEARCH_FILE_PATTERN).toMatch(SEARCH_PATTERN)
    expect(searchBucketPath(12)).toBe('search/12.json')
  })

  it('keeps an article path inside the articles folder whatever the id', () => {
    expect(articlePath('bbc-r27miehhcxnd')).toBe('articles/bbc-r27miehhcxnd.json')
    expect(articlePath('../manifest')).toBe('articles/..%2Fmanifest.json')
  })
})
