import { describe, expect, it } from 'vitest'
import { canonicalUrl, linkUrl } from './canonical-url'

const SAVED = 'https://www.example.com/news/a-1?id=7&page=2'

describe('canonicalUrl: one article under every spelling an archiver saved', () => {
  it.each([
    ['http instead of https', 'http://www.example.com/news/a-1?id=7&page=2'],
    ['a trailing slash', 'https://www.example.com/news/a-1/?id=7&page=2'],
    ['no www.', 'https://example.com/news/a-1?id=7&page=2'],
    ['a trailing dot in the host', 'https://www.example.com./news/a-1?id=7&page=2'],
    ['upper-case host', 'https://WWW.Example.COM/news/a-1?id=7&page=2'],
    ['the default port', 'https://www.example.com:443/news/a-1?id=7&page=2'],
    ['percent-encoded unreserved characters', 'https://www.example.com/%6Eews/a%2D1?id=7&page=2'],
    ['query parameters in another order', 'https://www.example.com/news/a-1?page=2&id=7'],
    ['tracking parameters', 'https://www.example.com/news/a-1?utm_source=rss&id=7&fbclid=x&page=2'],
    ['a fragment', 'https://www.example.com/news/a-1?id=7&page=2#comments'],
    ['credentials', 'https://reader:secret@www.example.com/news/a-1?id=7&page=2'],
  ])('%s', (_variant, url) => {
    expect(canonicalUrl(url)).toBe(canonicalUrl(SAVED))
  })

  it('keeps what does change the address: path case, other escapes (upper-cased), other parameters', () => {
    expect(canonicalUrl('https://example.com/News/a-1')).not.toBe(canonicalUrl('https://example.com/news/a-1'))
    expect(canonicalUrl('https://example.com/a%2fb')).toBe('https://example.com/a%2Fb')
    expect(canonicalUrl('https://example.com/a%2Fb')).not.toBe(canonicalUrl('https://example.com/a/b'))
    expect(canonicalUrl('https://example.com/%E4%B8%AD%e6%96%87')).toBe('https://example.com/%E4%B8%AD%E6%96%87')
    expect(canonicalUrl('https://example.com/a?id=7')).not.toBe(canonicalUrl('https://example.com/a?id=8'))
    expect(canonicalUrl('https://example.com/')).toBe('https://example.com/')
  })
})

describe('linkUrl: the address the reader follows', () => {
  it('drops user:password@ and tracking parameters, keeps the rest as saved', () => {
    expect(linkUrl('http://reader:secret@www.example.com/a/?b=1&utm_medium=x#c')).toBe('http://www.example.com/a/?b=1#c')
    expect(linkUrl(' https://example.com/a?b=1 ')).toBe('https://example.com/a?b=1')
  })
})
