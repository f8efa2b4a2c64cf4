// The ids and paths the ingest writes are the ones the app accepts (src/types/bundle-paths.ts).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ARTICLE_ID, articlePath, MAX_EXCERPT, MAX_LIST_TITLE, SEARCH_FILE_PATTERN, SEARCH_PATTERN, searchBucketPath, SHARD_FILE, shardPath } from '../../src/types/data'
import { foldScript } from '../../src/lib/fold-script'
import { queryGrams } from '../../src/lib/search-grams'
import { articleId, buildArticle } from './build-article'
import { canonicalUrl } from './canonical-url'
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

describe('buildArticle', () => {
  const file = (title: string, url: string) => `<!--1679425984000-->\n[${title}](${url})\n------\n<p>正文的第一段，讲了一件事。</p>\n`
  const built = (title: string, url: string) => {
    const result = buildArticle(file(title, url), 'a.txt')
    if (!result.ok) throw new Error(result.reason)
    return result.built
  }

  it('gives one id to every spelling of one URL and links to the URL as saved', () => {
    const a = built('标题', 'https://www.example.com/news/a-1/?id=7&page=2')
    const b = built('标题', 'http://example.com./news/%61-1?page=2&id=7&utm_source=rss')
    expect(b.canonicalUrl).toBe(a.canonicalUrl)
    expect(a.entry.url).toBe('https://www.example.com/news/a-1/?id=7&page=2')
    // Ids hash the URL as saved: those of earlier builds (and the bookmarks holding them) survive.
    expect(built('标题', 'https://www.bbc.com/zhongwen/simp/chinese-news-65032731').article.id).toBe('bbc-r27miehhcxnd')
  })

  // Ids the ingest wrote before the outlet table grew and unknown hosts got whole-domain outlets,
  // as that build printed them: bookmarks holding them must still open their articles.
  it.each([
    ['https://cn.nytimes.com/china/20231114/first/', 'nytimes-rsv3cxciyyyk'],
    ['https://www.nytimes.com/zh-hans/2023/11/14/second.html', 'nytimes-zbzzdnnsz6ym'],
    ['https://news.example.com.tw/a/1', 'example-nqcrpeox763k'],
    ['https://www.theinitium.com/article/x', 'theinitium-i6x5qaq75i6j'],
    ['https://alice.blogspot.com/2023/03/x.html', 'blogspot-xlzgkky7amjb'],
    ['https://voa.gov/x', 'voa-gov-4tmwa6oiffpj'],
  ])('keeps the id earlier builds gave %s', (url, id) => {
    expect(built('标题', url).article.id).toBe(id)
  })

  it('stores a URL without the credentials it was saved with', () => {
    const { article, entry } = built('标题', 'https://reader:secret@www.example.com/news/a')
    expect(entry.url).toBe('https://www.example.com/news/a')
    expect(JSON.stringify(article)).not.toContain('secret')
  })

  it('caps the title and excerpt of the list entry, and keeps the whole title in the article file', () => {
    const long = '长'.repeat(1_000_000)
    const { article, entry } = built(long, 'https://www.example.com/news/b')
    expect(Array.from(entry.title).length).toBeLessThanOrEqual(MAX_LIST_TITLE)
    expect(entry.title.startsWith('长长长')).toBe(true)
    expect(article.title).toBe(long)
    expect(Array.from(entry.excerpt).length).toBeLessThanOrEqual(MAX_EXCERPT)
  })

  it('indexes Traditional and Simplified text on one folded form, and stores both as written', () => {
    const article = (title: string, body: string) => {
      const result = buildArticle(`<!--1679425984000-->\n[${title}](https://www.example.com/${encodeURIComponent(title)})\n------\n<p>${body}</p>\n`, 'a.txt')
      if (!result.ok) throw new Error(result.reason)
      return result.built
    }
    const traditional = article('習近平會見俄羅斯外長', '香港國安法實施後，李強總理表示……')
    const simplified = article('习近平会见俄罗斯外长', '香港国安法实施后，李强总理表示……')
    const finds = (query: string, built: typeof traditional) => queryGrams(foldScript(query)).every((gram) => built.grams.includes(gram))
    for (const query of ['國安法', '会见', '李強', '李强', '習近平會見']) {
      expect(finds(query, traditional), `${query} in the Traditional article`).toBe(true)
      expect(finds(query, simplified), `${query} in the Simplified article`).toBe(true)
    }
    expect(traditional.grams).not.toContain('國安') // folded before indexing
    expect(traditional.article.title).toBe('習近平會見俄羅斯外長') // the stored text is the archive's
    expect(traditional.article.html).toContain('國安法')
  })
})
