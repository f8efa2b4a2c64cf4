// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ARTICLE_PAGES_DEFAULT, articlePageLimit, articlePages, earlyScript, jsonBlock, swap, type PreloadPlan } from './plugin'

describe('the data block', () => {
  it('no string in the data can close the element or open a comment, and the data reads back the same', () => {
    const value = { title: '</script><script>alert(1)</script>', note: '<!-- a -->', text: '标题 </SCRIPT >' }
    const block = jsonBlock(value)
    expect(block).not.toMatch(/<\/script|<!--/i)
    expect(block).not.toContain('<')
    expect(JSON.parse(block)).toEqual(value)
  })
})

describe('a page made from index.html', () => {
  it("takes an article's text as it is: `$&` and `$'` are not replacement patterns", () => {
    expect(swap('<div id="root"></div> tail', '<div id="root"></div>', "<p>US$& and $' and $1</p>")).toBe("<p>US$& and $' and $1</p> tail")
    expect(() => swap('<html>', '<div id="root"></div>', 'x')).toThrow(/lost its <div id="root">/)
  })
})

describe('the early script', () => {
  const plan: PreloadPlan = {
    app: ['assets/start-s.js'],
    routes: { '': ['assets/list-a.js'], articles: ['assets/article-b.js', 'assets/article-c.css'], stories: ['assets/story-d.js'] },
    query: ['assets/fold-e.js'],
    data: 'data/',
  }
  /** Runs the script as the page would, at `url`, and returns the links it added. */
  function runAt(url: string, planText: string | null = JSON.stringify(plan), page = '/', hideIfStored = false, awaits = 'manifest.json index/0.abcdefghij.json'): string[] {
    history.replaceState(null, '', url)
    const tag = document.createElement('script')
    tag.setAttribute('data-page', page)
    tag.setAttribute('data-awaits', awaits)
    if (hideIfStored) tag.setAttribute('data-hide-if-stored', '')
    if (planText !== null) tag.setAttribute('data-preload', planText)
    Object.defineProperty(document, 'currentScript', { value: tag, configurable: true })
    new Function(earlyScript('/'))()
    return links()
  }
  const links = () => [...document.head.querySelectorAll('link')].map((link) => `${link.rel}${link.getAttribute('as') ? `:${link.getAttribute('as')}` : ''} ${link.getAttribute('href')}`)
  afterEach(() => {
    document.head.replaceChildren()
    document.documentElement.removeAttribute('data-first-screen')
    localStorage.clear()
  })
  const marked = () => document.documentElement.getAttribute('data-first-screen')

  it("a page's own path keeps its markup shown; another path or a query hides it", () => {
    runAt('/timeline', null, '/timeline')
    expect(marked()).toBeNull()
    runAt('/timeline?outlet=bbc', null, '/timeline')
    expect(marked()).toBe('view')
  })

  it("bookmarks' empty state is hidden from a reader with anything stored, not for a stored theme or language alone", () => {
    localStorage.setItem('archive-reader:theme', 'dark')
    localStorage.setItem('archive-reader:language', 'zh')
    runAt('/bookmarks', null, '/bookmarks', true)
    expect(marked()).toBeNull()
    expect(document.documentElement.classList.contains('dark')).toBe(true)
    localStorage.setItem('archive-reader:bookmarks', '{"version":1,"bookmarks":[]}')
    runAt('/bookmarks', null, '/bookmarks', true)
    expect(marked()).toBe('view')
    document.documentElement.removeAttribute('data-first-screen')
    // The list's markup is the same for a reader with read marks: shown.
    runAt('/', null, '/')
    expect(marked()).toBeNull()
  })

  // The first contentful paint, as the browser would report it to the script's observer.
  let painted = () => {}
  beforeEach(() => {
    vi.stubGlobal(
      'PerformanceObserver',
      class {
        constructor(callback: (list: { getEntriesByName: (name: string) => unknown[] }) => void) {
          painted = () => callback({ getEntriesByName: (name) => (name === 'first-contentful-paint' ? [{}] : []) })
        }
        observe() {}
        disconnect() {}
      },
    )
  })
  afterEach(() => vi.unstubAllGlobals())
  const afterPaint = () => {
    painted()
    return links()
  }

  it("an article's page asks for its data at once, then (after the shell's first paint) for its code; nothing of the list", () => {
    expect(runAt('/articles/bbc-abcdefghijk2')).toEqual(['preload:fetch /data/manifest.json', 'preload:fetch /data/articles/bbc-abcdefghijk2.json'])
    expect(afterPaint()).toEqual([
      'preload:fetch /data/manifest.json',
      'preload:fetch /data/articles/bbc-abcdefghijk2.json',
      'modulepreload /assets/start-s.js',
      'modulepreload /assets/article-b.js',
      'preload:style /assets/article-c.css',
    ])
    expect(marked()).toBe('view')
  })

  it("the list's own page asks for nothing before its first paint, then for its code and the files its markup came from; a search for the fold tables too; a story for its file", () => {
    expect(runAt('/')).toEqual([])
    expect(afterPaint()).toEqual(['modulepreload /assets/start-s.js', 'modulepreload /assets/list-a.js', 'preload:fetch /data/manifest.json', 'preload:fetch /data/index/0.abcdefghij.json'])
    document.head.replaceChildren()
    runAt('/?outlet=bbc&q=%E6%99%AE%E4%BA%AC')
    expect(afterPaint()).toEqual(['preload:fetch /data/manifest.json', 'modulepreload /assets/start-s.js', 'modulepreload /assets/list-a.js', 'modulepreload /assets/fold-e.js'])
    document.head.replaceChildren()
    runAt('/stories/s-abcdefghijk2')
    expect(afterPaint()).toEqual(['preload:fetch /data/manifest.json', 'preload:fetch /data/stories/s-abcdefghijk2.json', 'modulepreload /assets/start-s.js', 'modulepreload /assets/story-d.js'])
  })

  it('a path that names no file of the data folder preloads none; an unreadable plan, nothing at all', () => {
    const articleCode = ['preload:fetch /data/manifest.json', 'modulepreload /assets/start-s.js', 'modulepreload /assets/article-b.js', 'preload:style /assets/article-c.css']
    runAt('/articles/..%2Fmanifest')
    expect(afterPaint()).toEqual(articleCode)
    document.head.replaceChildren()
    runAt('/articles/x/y')
    expect(afterPaint()).toEqual(articleCode)
    document.head.replaceChildren()
    expect(runAt('/timeline', '{not json')).toEqual([])
    expect(document.documentElement.getAttribute('aria-busy')).toBe('true')
  })
})

describe('pages of their own for the newest articles', () => {
  const entry = (id: string, story?: string) => ({ id, title: id, url: `https://a.test/${id}`, outlet: 'bbc', publishedAt: '2024-05-01T00:00:00.000Z', excerpt: '', chars: 1, readingMinutes: 1, lang: 'zh-Hans', ...(story && { story: { id: story, size: 2 } }) })
  let dir = ''
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'article-pages-'))
    mkdirSync(path.join(dir, 'index'))
    const shards = [
      { file: 'index/0.json', entries: [entry('bbc-aaaaaaaaaaaa', 's-bbbbbbbbbbbb'), entry('../../etc/passwd'), entry('voa-cccccccccccc', 's-bbbbbbbbbbbb')] },
      { file: 'index/1.json', entries: [entry('dw-dddddddddddd', 's-../x'), entry('rfi-eeeeeeeeeeee', 's-ffffffffffff')] },
    ]
    for (const shard of shards) writeFileSync(path.join(dir, shard.file), JSON.stringify({ start: 0, entries: shard.entries }))
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ shards: shards.map(({ file }) => ({ file })) }))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('takes the newest by the shards’ order, with their stories, and no page for an id the bundle’s patterns refuse', async () => {
    expect((await articlePages(dir, 3)).map(({ file }) => file)).toEqual(['articles/bbc-aaaaaaaaaaaa.html', 'articles/voa-cccccccccccc.html', 'articles/dw-dddddddddddd.html', 'stories/s-bbbbbbbbbbbb.html'])
    expect((await articlePages(dir, Infinity)).map(({ page }) => page)).toEqual(['articles/bbc-aaaaaaaaaaaa', 'articles/voa-cccccccccccc', 'articles/dw-dddddddddddd', 'articles/rfi-eeeeeeeeeeee', 'stories/s-bbbbbbbbbbbb', 'stories/s-ffffffffffff'])
    expect(await articlePages(dir, 0)).toEqual([])
  })

  it('PRERENDER_ARTICLES: a count or "all", anything else named', () => {
    expect(articlePageLimit(undefined)).toBe(ARTICLE_PAGES_DEFAULT)
    expect(articlePageLimit('250')).toBe(250)
    expect(articlePageLimit('all')).toBe(Infinity)
    expect(() => articlePageLimit('lots')).toThrow(/PRERENDER_ARTICLES: "lots"/)
  })
})
