import { readFileSync, readdirSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseArticle, parseDate, parseTitleLine } from './parse-article'

const seedsDir = new URL('../../seeds/', import.meta.url)
const fixture = (path: string) => readFileSync(new URL(`./fixtures/${path}`, import.meta.url))
const seed = (name: string) => readFileSync(new URL(name, seedsDir))

function parsed(bytes: Uint8Array | string) {
  const result = parseArticle(bytes)
  if (!result.ok) throw new Error(`expected an article, got: ${result.reason}`)
  return result.article
}

function reason(bytes: Uint8Array | string) {
  const result = parseArticle(bytes)
  if (result.ok) throw new Error('expected a problem')
  return result.reason
}

describe('parseArticle on the seeds', () => {
  it('reads title, URL and the timestamp comment of every seed', () => {
    const articles = readdirSync(seedsDir)
      .sort()
      .map((name) => parsed(seed(name)))
    expect(articles.map((a) => [a.title, a.publishedAt])).toEqual([
      ['瑞士外长希望中国能在俄乌和谈中“帮我们一把”', '2024-02-07T14:45:01.000Z'],
      ['习近平普京峰会：中俄元首同意“通过和谈解决乌克兰危机”', '2023-03-21T19:13:04.000Z'],
      ['王毅：中国愿在需要时同国际社会就乌克兰问题开展必要斡旋', '2022-03-07T07:22:00.000Z'],
      ['中俄元首呼吁重启乌克兰和谈,普京称西方没准备好；美回应：如俄撤军，战争今天就可结束', '2023-03-21T20:39:04.000Z'],
      ['习近平会见俄外长 普习会即将登场', '2024-04-09T15:17:04.000Z'],
    ])
    expect(articles[1]!.url).toBe('https://www.bbc.com/zhongwen/simp/chinese-news-65032731')
    for (const article of articles) expect(article.body.startsWith('<')).toBe(true)
  })

  it('takes author and tags from the front matter', () => {
    const article = parsed(seed('002_4e4e2798dfc9b52e.txt'))
    expect(article.author).toBe('联合早报')
    expect(article.tags).toEqual(['联合早报'])
    expect(article.body.startsWith('<div>')).toBe(true)
  })
})

describe('parseArticle on input variants', () => {
  it('accepts CRLF line endings', () => {
    const article = parsed(fixture('variants/crlf.txt'))
    expect(article.title).toBe('Windows 换行的文章')
    expect(article.body).not.toContain('\r')
  })

  it('drops a UTF-8 byte order mark', () => {
    expect(parsed(fixture('variants/bom.txt')).title).toBe('带字节顺序标记的文章')
    expect(parsed('\uFEFF' + fixture('variants/markdown.md').toString()).title).toBe('Markdown 扩展名的文章')
  })

  it('keeps brackets and parentheses inside the title', () => {
    const article = parsed(fixture('variants/brackets-title.txt'))
    expect(article.title).toBe('[视频] 标题里有[方括号](和圆括号)的文章')
    expect(article.url).toBe('https://www.bbc.com/zhongwen/simp/world-67000005')
  })

  it('uses the front matter date when there is no timestamp comment', () => {
    const article = parsed(fixture('variants/front-matter-date.txt'))
    expect(article.publishedAt).toBe('2021-06-01T00:30:00.000Z')
    expect(article.author).toBe('记者甲')
    expect(article.tags).toEqual(['国际', '联合早报', '新闻'])
  })

  it('takes title and URL from the front matter when the title line is missing', () => {
    const article = parsed(fixture('variants/front-matter-only.txt'))
    expect(article).toMatchObject({ title: '没有标题行的文章', url: 'https://www.rfi.fr/cn/front-matter-only-20210602' })
    expect(article.body).toBe('<p>标题与网址来自前言。</p>')
  })

  it('reads a ten-digit timestamp as seconds', () => {
    expect(parsed('<!--1700000000-->\n[t](https://a.example/x)\n------\n<p>x</p>').publishedAt).toBe('2023-11-14T22:13:20.000Z')
  })
})

describe('parseArticle reports files that cannot become an article', () => {
  it.each([
    ['bad/empty.txt', 'empty file'],
    ['bad/blank.txt', 'empty file'],
    ['bad/no-title-line.txt', 'no title line ([title](url))'],
    ['bad/invalid-date.txt', 'invalid date: 2021-13-45'],
    ['bad/no-date.txt', 'no date (no timestamp comment and no front matter date)'],
    ['bad/not-http-url.txt', 'URL is not http(s): ftp://example.com/article.txt'],
    ['bad/javascript-url.txt', 'URL is not http(s): javascript:alert(1)'],
    ['bad/unterminated-front-matter.txt', 'unterminated front matter (no closing ---)'],
    ['bad/latin1.txt', 'not UTF-8 text'],
    ['bad/binary.txt', 'not a text file (binary data)'],
  ])('%s: %s', (path, expected) => {
    expect(reason(fixture(path))).toBe(expected)
  })

  const stamped = (stamp: string, title = 't') => `<!--${stamp}-->\n[${title}](https://a.example/x)\n------\n<p>正文</p>\n`

  it.each([
    ['-1679425984000'],
    ['NaN'],
    ['16794259840001234567'],
    ['1679425984000.5'],
    ['0x18709d1a1c0'],
    ['1.679e12'],
  ])('names a garbled timestamp <!--%s--> as an invalid publication time, not a missing title line', (stamp) => {
    expect(reason(stamped(stamp))).toBe(`invalid publication time: <!--${stamp}--> is not a whole number of milliseconds`)
  })

  it.each([
    ['0', '1970-01-01'],
    ['99999999999999', '5138-11-16'],
    ['9999999999999999', 'beyond any calendar date'],
  ])('rejects a timestamp <!--%s--> outside 1990–2200 and says which date it is', (stamp, day) => {
    expect(reason(stamped(stamp))).toBe(`invalid publication time: <!--${stamp}--> is ${day}, outside 1990–2200`)
  })

  it('keeps an HTML comment that is not a number for the title-line rules', () => {
    expect(reason('<!-- saved by a tool -->\n[t](https://a.example/x)\n')).toBe('no title line ([title](url))')
  })

  it.each([
    ['zero-width spaces', '\u200b\u200b'],
    ['a word joiner and a BOM', '\u2060\ufeff'],
    ['ideographic spaces and a soft hyphen', '\u3000\u00ad\u3000'],
    ['a Hangul filler', '\u3164'],
  ])('rejects a title of only invisible characters (%s)', (_label, title) => {
    expect(reason(stamped('1679425984000', title))).toBe('empty title (only invisible characters)')
  })
})

describe('pieces', () => {
  it('splits a title line at the last "](", so URLs with parentheses survive', () => {
    expect(parseTitleLine('[a](b)](https://x.example/wiki/A_(b))')).toEqual({ title: 'a](b)', url: 'https://x.example/wiki/A_(b)' })
    expect(parseTitleLine('not a title')).toBeUndefined()
  })

  it('parses dates with and without zones and rejects impossible ones', () => {
    expect(parseDate('2022-03-07T07:22:00.000Z')).toBe(Date.UTC(2022, 2, 7, 7, 22))
    expect(parseDate('2022-03-07')).toBe(Date.UTC(2022, 2, 7))
    expect(parseDate('2022-03-07 15:22 +08:00')).toBe(Date.UTC(2022, 2, 7, 7, 22))
    expect(parseDate('2023-02-30')).toBeUndefined()
    expect(parseDate('yesterday')).toBeUndefined()
  })
})

describe('parseArticle never throws', () => {
  it('on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const result = parseArticle(bytes)
        expect(typeof result.ok).toBe('boolean')
      }),
      { numRuns: 500 },
    )
  })

  it('on arbitrary text shaped like an article', () => {
    const line = fc.oneof(
      fc.string(),
      fc.constantFrom('---', '------', '<!--1700000000000-->', '<!--x-->', 'date: 2020-01-01', 'title: "t"', 'from: https://a.b/c'),
      fc.tuple(fc.string(), fc.string()).map(([t, u]) => `[${t}](${u})`),
      fc.string().map((t) => `[${t}](https://example.com/${encodeURIComponent(t)})`),
    )
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, eol) => {
        const result = parseArticle(lines.join(eol))
        if (result.ok) expect(Number.isNaN(Date.parse(result.article.publishedAt))).toBe(false)
      }),
      { numRuns: 1000 },
    )
  })
})
