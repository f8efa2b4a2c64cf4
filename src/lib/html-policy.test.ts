// @vitest-environment jsdom
// One policy, two readers: the build-time cleaner and the browser sanitizer must agree on it.
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cleanHtml } from '../../scripts/ingest/clean-html'
import { parseArticle } from '../../scripts/ingest/parse-article'
import {
  ALLOWED_TAGS,
  ATTRIBUTE_VALUES,
  DROP_WITH_CONTENT,
  GLOBAL_ATTRIBUTES,
  TAG_ATTRIBUTES,
  URL_ATTRIBUTES,
  isAllowedAttribute,
} from './html-policy'
import { sanitizeArticleHtml } from './sanitize'

// A path, not a URL: under jsdom the global URL is not the one node:fs accepts.
const SEEDS = join(dirname(fileURLToPath(import.meta.url)), '../../seeds')
const BASE = 'https://www.example-news.com/zh/section/article-1'
const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml'

const clean = (html: string, baseUrl = BASE) => cleanHtml(html, { baseUrl })
const sanitize = (html: string) => String(sanitizeArticleHtml(html))

function parse(html: string): HTMLElement {
  return new DOMParser().parseFromString(`<!DOCTYPE html><body>${html}`, 'text/html').body
}

/** The HTML as the browser serialises it after one parse: how the sanitizer's output is written. */
function reparsed(html: string): string {
  return parse(html).innerHTML
}

/** Every way the markup breaks the policy; empty when it keeps to it. */
function breaches(html: string): string[] {
  const found: string[] = []
  for (const element of parse(html).querySelectorAll('*')) {
    const tag = element.localName
    if (element.namespaceURI !== HTML_NAMESPACE || !(ALLOWED_TAGS as readonly string[]).includes(tag)) found.push(`<${tag}>`)
    for (const { name, value } of element.attributes) {
      if (/^on/i.test(name)) found.push(`${tag}[${name}]`)
      else if (!isAllowedAttribute(tag, name)) found.push(`${tag}[${name}] not allowed`)
      const pattern = ATTRIBUTE_VALUES[name]
      if (pattern && !pattern.test(value)) found.push(`${tag}[${name}=${value}]`)
      if ((URL_ATTRIBUTES as readonly string[]).includes(name)) {
        const scheme = tag === 'img' ? /^https:\/\//i : /^(?:https?:|mailto:|#)/i
        if (!scheme.test(value)) found.push(`${tag}[${name}=${value}]`)
      }
    }
  }
  return found
}

// Tag soup from the policy's own tables plus what it forbids: unknown tags, handlers, styles,
// hostile and relative URLs, and values outside each attribute's space.
const tag = fc.constantFrom(...ALLOWED_TAGS, ...DROP_WITH_CONTENT, 'div', 'section', 'h1', 'font', 'x-y', 'details')
const attributeName = fc.constantFrom(
  ...GLOBAL_ATTRIBUTES,
  ...new Set(Object.values(TAG_ATTRIBUTES).flat()),
  'onclick', 'onerror', 'style', 'class', 'id', 'name', 'data-src', 'srcset', 'xlink:href', 'formaction',
)
const attributeValue = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    'https://a.example/x?id=1&utm_source=rss', 'http://img.example/a.jpg', 'mailto:editor@a.example', '#note',
    '/relative', '//cdn.example/i.jpg', 'javascript:alert(1)', ' JaVa&#x09;script:x', 'data:text/html,x', 'whatsapp://send',
    '0', '1', '2', '12', '1000', '-3', ' 4 ', '1.5', 'RTL', 'ltr', 'sideways', 'col', 'ROW', 'everything', '1px',
    'a-->b', '</style>', 'x]>y', 'lazy', '_self',
  ),
)
const attribute = fc.tuple(attributeName, attributeValue).map(([name, value]) => ` ${name}="${value}"`)
const piece = fc.oneof(
  fc.tuple(tag, fc.array(attribute, { maxLength: 3 })).map(([name, attrs]) => `<${name}${attrs.join('')}>`),
  tag.map((name) => `</${name}>`),
  fc.string({ maxLength: 10 }),
  fc.constantFrom('正文', '<br>', '<br><br>', '<hr>', '&amp;', '&lt;', '<!--', '获取更多RSS', '图像来源', '分享'),
)
const soup = fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(''))

describe('the cleaner and the sanitizer read one policy', () => {
  it('the sanitizer leaves the cleaner output unchanged', () => {
    fc.assert(
      fc.property(soup, fc.webUrl(), (html, baseUrl) => {
        const cleaned = clean(html, baseUrl)
        expect(sanitize(cleaned)).toBe(reparsed(cleaned))
      }),
      { numRuns: 200 },
    )
  }, 30_000)

  it('an inline element or a link around a block is never left inside a paragraph a parser would close (the property above found <time><table>)', () => {
    for (const html of ['<time><table>!', '<strong>a<div>b</div>c</strong>', '<a href="https://a.example/">a<table><tr><td>b</td></tr></table></a>', '<p>a<table><tr><td>b</td></tr></table>c</p>']) {
      const cleaned = clean(html)
      expect(sanitize(cleaned)).toBe(reparsed(cleaned))
      expect(cleaned).not.toMatch(/<p>(?:(?!<\/p>).)*<(?:table|div|p)[ >]/)
    }
  })

  it('both drop what the policy forbids', () => {
    fc.assert(
      fc.property(soup, (html) => {
        expect(breaches(clean(html))).toEqual([])
        expect(breaches(sanitize(html))).toEqual([])
      }),
      { numRuns: 200 },
    )
  }, 30_000)

  it.each(readdirSync(SEEDS).filter((name) => name.endsWith('.txt')))('the sanitizer leaves the cleaned seed %s unchanged', (name) => {
    const result = parseArticle(readFileSync(join(SEEDS, name)))
    if (!result.ok) throw new Error(result.reason)
    const cleaned = clean(result.article.body, result.article.url)
    expect(sanitize(cleaned)).toBe(reparsed(cleaned))
  })
})

describe('where the two used to disagree', () => {
  const values = (html: string, selector: string, name: string) =>
    [...parse(html).querySelectorAll(selector)].map((element) => element.getAttribute(name))

  it('colspan: 1 to 999 on both sides, never 0 or four digits', () => {
    const html = '<table><tbody><tr><td colspan="0">a</td><td colspan="12">b</td><td colspan="1000">c</td><td colspan="999">d</td></tr></tbody></table>'
    expect(values(clean(html), 'td', 'colspan')).toEqual([null, '12', null, '999'])
    expect(values(sanitize(html), 'td', 'colspan')).toEqual([null, '12', null, '999'])
  })

  it('start: any integer on both sides, a negative one included', () => {
    const html = '<ol start="-2"><li>a</li></ol><ol start="7"><li>b</li></ol><ol start="1.5"><li>c</li></ol><ol start="x"><li>d</li></ol>'
    expect(values(clean(html), 'ol', 'start')).toEqual(['-2', '7', null, null])
    expect(values(sanitize(html), 'ol', 'start')).toEqual(['-2', '7', null, null])
  })

  it('images are asked for over https on both sides, without tracking parameters', () => {
    const html = '<p><img src="http://img.example/a.jpg?utm_source=rss&w=600" alt="图"></p>'
    expect(values(clean(html), 'img', 'src')).toEqual(['https://img.example/a.jpg?w=600'])
    expect(values(sanitize(html), 'img', 'src')).toEqual(['https://img.example/a.jpg?w=600'])
  })

  it('a value that could break out of markup goes on both sides', () => {
    const html = '<p title="a-->b">正文</p>'
    expect(values(clean(html), 'p', 'title')).toEqual([null])
    expect(values(sanitize(html), 'p', 'title')).toEqual([null])
  })
})
