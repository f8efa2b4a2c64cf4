// The build's page of one article (scripts/prerender/plugin.ts renders it through this module): a
// hostile data file (every vector family of xss-vectors.ts but deep nesting, which jsdom builds too
// slowly) is sanitized in the markup as in the browser, and its data stays out of the page.
import { JSDOM } from 'jsdom'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { dangersIn, XSS_VECTORS } from '../../tests/e2e/xss-vectors'
import { oneArticleManifest } from '../features/articles/fixtures/bundle'
import type { Article } from '../types/data'
import { renderFirstScreen } from './prerender'

const ID = 'bbc-aaaaaaaaaaaa'
const hostile = XSS_VECTORS.filter((vector) => vector.family !== 'deep-nesting')
const article: Article = {
  id: ID,
  title: '标题',
  url: 'https://www.bbc.com/zhongwen/simp/a',
  outlet: { id: 'bbc', name: 'BBC 中文' },
  publishedAt: '2024-05-01T02:00:00.000Z',
  excerpt: '向量之前',
  chars: 100,
  readingMinutes: 1,
  lang: 'zh-Hans',
  html: `<p>向量之前</p>${hostile.map((vector) => vector.html).join('\n')}`,
  source: 'a.md',
}
const manifest = oneArticleManifest(1)
const files: Record<string, unknown> = { '/data/manifest.json': manifest, [`/data/articles/${ID}.json`]: article }

beforeAll(() => {
  vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
    const url = String(input instanceof Request ? input.url : input)
    return url in files ? new Response(JSON.stringify(files[url]), { headers: { 'content-type': 'application/json' } }) : new Response('', { status: 404 })
  })
  const items = new Map<string, string>()
  vi.stubGlobal('localStorage', { length: 0, getItem: (key: string) => items.get(key) ?? null, key: () => null, setItem: () => {}, removeItem: () => {}, clear: () => {} })
})
afterAll(() => void vi.unstubAllGlobals())

describe("an article's page", () => {
  test('its body is the sanitizer’s, every vector neutralised; its data files are named, not embedded', async () => {
    const { html, screen } = await renderFirstScreen(`articles/${ID}`)
    const body = new JSDOM(html).window.document.querySelector('.article-body')
    expect(body).not.toBeNull()
    expect(body!.textContent).toContain('向量之前')
    expect(dangersIn(body!)).toEqual([])
    expect(screen.awaits).toEqual([['manifest'], ['articles', 'detail', ID]])
    expect(JSON.stringify(screen)).not.toContain('向量之前')
  })

  test('without a DOM the sanitizer refuses, instead of handing the markup back', async () => {
    // A fresh module: one with no DOM yet (the page above gave its own instance one).
    vi.resetModules()
    const fresh = await import('../lib/sanitize')
    expect(() => fresh.sanitizeArticleHtml('<img src=x onerror=alert(1)>')).toThrow(/no DOM/)
  })
})
