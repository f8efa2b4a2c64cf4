// The list's first screen comes with the HTML (scripts/prerender/plugin.ts): its titles are there
// before any script runs, the app hydrates them in place, and everything still works after.
import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { STORAGE_KEY } from '../../src/features/bookmarks/store'
import { strings } from '../../src/lib/strings'
import { THEME_KEY } from '../../src/lib/theme'
import { baseURL, settled } from './browser'
import { browserSuite } from './suite'

const suite = browserSuite()
/** The list's page size (article-list-view.tsx). */
const PAGE = 30

const firstPage = () => suite.bundle.entries.slice(0, PAGE).map((entry) => entry.title)
const titles = (page: Page) => page.locator('main article h2').allTextContents()

/** The app's own code (main.tsx's chunk) refused: what shows is what the HTML and the early script made. */
async function withoutApp(page: Page): Promise<void> {
  const html = await (await fetch(`${baseURL()}/`)).text()
  const entry = /<script type="module"[^>]*src="([^"]+)"/.exec(html)?.[1]
  if (!entry) throw new Error('no module entry in index.html')
  await page.route((url) => url.pathname === entry, (route) => route.abort())
}

/**
 * Marks the first `selector` node as the parser made it (before main.tsx runs) and collects React's
 * recoverable re-renders; the returned check says whether that node is still the page's, and what was re-rendered.
 */
async function watchHydration(page: Page, selector: string): Promise<() => Promise<{ kept: boolean; fresh: string[] }>> {
  const fresh: string[] = []
  page.on('console', (message) => {
    if (message.text().startsWith('first screen:')) fresh.push(message.text())
  })
  await page.addInitScript((first) => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive') (window as { prerendered?: Element | null }).prerendered = document.querySelector(first)
    })
  }, selector)
  return async () => ({
    kept: await page.evaluate((first) => {
      const kept = (window as { prerendered?: Element | null }).prerendered
      return Boolean(kept?.isConnected) && kept === document.querySelector(first)
    }, selector),
    fresh,
  })
}

describe('first screen', () => {
  test('the built / holds the first page of the list, titles and links, before any script runs', async () => {
    const html = await (await fetch(`${baseURL()}/`)).text()
    const root = /<div id="root"[^>]*>([\s\S]*?)<\/div>\s*<script type="application\/json"/.exec(html)?.[1] ?? ''
    for (const entry of suite.bundle.entries.slice(0, PAGE)) {
      expect(root).toContain(entry.title)
      expect(root).toContain(`href="/articles/${entry.id}"`)
    }
    expect(root, 'the CSP refuses style attributes').not.toMatch(/\sstyle="/)
    // No data in the page: the block names the manifest and the first page's shards, which the early script preloads.
    const block = JSON.parse(/<script type="application\/json" id="first-screen">([^<]*)<\/script>/.exec(html)?.[1] ?? 'null') as { awaits: unknown[][] }
    expect(block.awaits[0]).toEqual(['manifest'])
    expect(block.awaits.slice(1).map(([kind]) => kind)).toEqual(block.awaits.slice(1).map(() => 'shard'))
    expect(html).toContain(`data-awaits="manifest.json ${block.awaits.slice(1).map(([, file]) => String(file)).join(' ')}"`)

    const page = await suite.openPage({ javaScriptEnabled: false })
    await page.goto('/')
    expect(await titles(page)).toEqual(firstPage())
    expect(await page.locator('header nav').innerText()).toMatch(/文章\s+时间线\s+收藏/)
  })

  test('a dark system gets the dark page before any script runs', async () => {
    const page = await suite.openPage({ javaScriptEnabled: false, colorScheme: 'dark' })
    await page.goto('/')
    const background = await page.locator('html').evaluate((html) => getComputedStyle(html).backgroundColor)
    const [r, g, b] = (background.match(/[\d.]+/g) ?? []).map(Number)
    expect((r ?? 255) + (g ?? 255) + (b ?? 255), background).toBeLessThan(3 * 40)
  })

  test('hydration keeps the prerendered titles (the same nodes), with no mismatch, and the list then filters and navigates', async () => {
    const page = await suite.openPage()
    const hydrated = await watchHydration(page, 'main article h2 a')
    await page.goto('/')
    await settled(page)
    // Outlet colours are set by the app (outlet-badge.tsx): present once hydration has committed.
    await expect.poll(() => page.locator('main article span[aria-hidden="true"]').first().evaluate((mark) => (mark as HTMLElement).style.backgroundColor)).not.toBe('')
    expect(await hydrated()).toEqual({ kept: true, fresh: [] })
    expect(await titles(page)).toEqual(firstPage())

    const outlet = suite.bundle.manifest.outlets[0]!
    await page.getByRole('checkbox', { name: new RegExp(outlet.name) }).click()
    await expect.poll(() => page.evaluate(() => location.search)).toBe(`?outlet=${outlet.id}`)
    await expect.poll(() => titles(page)).toEqual(suite.bundle.entries.filter((entry) => entry.outlet === outlet.id).slice(0, PAGE).map((entry) => entry.title))

    const first = suite.bundle.entries.find((entry) => entry.outlet === outlet.id)!
    await page.locator('main article h2 a').first().click()
    await expect.poll(() => page.evaluate(() => location.pathname)).toBe(`/articles/${first.id}`)
    await expect.poll(() => page.locator('main h1').innerText()).toBe(first.title)
  })

  test("another page shows the shell, never the list's or the timeline's markup, before the app renders it; a query too", async () => {
    // An article's own page with a query (the pager's filters) is another page too; a story the build has no page for is index.html's.
    for (const path of ['/timeline?outlet=bbc', `/articles/${suite.bundle.entries[0]!.id}?outlet=bbc`, '/?outlet=bbc', '/stories/s-aaaaaaaaaaaa']) {
      const page = await suite.openPage()
      await withoutApp(page)
      await page.goto(path)
      expect(await page.locator('header nav').isVisible(), path).toBe(true)
      expect(await page.locator('main article').first().isVisible(), path).toBe(false)
      await page.close()
    }
    const page = await suite.openPage()
    await withoutApp(page)
    await page.goto('/')
    expect(await page.locator('main article').first().isVisible()).toBe(true)
  })

  test('the timeline, bookmarks and notes come with their own HTML: their first screen and title before any script runs', async () => {
    const page = await suite.openPage({ javaScriptEnabled: false })
    await page.goto('/timeline')
    expect(await page.locator('main h1').innerText()).toBe(strings.timeline.heading)
    expect(await page.title()).toContain(strings.timeline.heading)
    // The newest entries, as the timeline lists them (its entries are links to the articles).
    const newest = suite.bundle.entries[0]!
    expect(await page.locator(`main a[href="/articles/${newest.id}"]`).first().innerText()).toContain(newest.title)
    for (const [path, text] of [['/bookmarks', strings.bookmarkUi.empty], ['/notes', strings.notes.empty]] as const) {
      await page.goto(path)
      expect(await page.locator('main').innerText(), path).toContain(text)
    }
  })

  test("an article's and a story's page come with their own HTML: title and body before any script runs", async () => {
    const entry = suite.bundle.entries.find((candidate) => candidate.story)!
    const page = await suite.openPage({ javaScriptEnabled: false })
    await page.goto(`/articles/${entry.id}`)
    expect(await page.locator('main h1').innerText()).toBe(entry.title)
    expect(await page.title()).toContain(entry.title)
    // (The sanitizing of that body is src/app/prerender.test.tsx's, on a data file of hostile markup.)
    expect(await page.locator('main .article-body').innerText()).toContain(entry.excerpt.slice(0, 24))
    const html = await (await fetch(`${baseURL()}/articles/${entry.id}`)).text()
    expect(html, 'the CSP refuses style attributes').not.toMatch(/<[^>]+\sstyle="/)
    // Its data travels as its own files, not in the page: the block holds no article.
    const block = JSON.parse(/<script type="application\/json" id="first-screen">([^<]*)<\/script>/.exec(html)?.[1] ?? 'null') as Record<string, unknown>
    expect(Object.keys(block).sort()).toEqual(['awaits', 'loaderData', 'locale', 'path', 'timeZone'])
    expect(block.awaits).toEqual([['manifest'], ['articles', 'detail', entry.id]])

    await page.goto(`/stories/${entry.story!.id}`)
    expect(await page.title()).toContain(strings.stories.pageHeading)
    for (const member of suite.bundle.entries.filter((candidate) => candidate.story?.id === entry.story!.id)) {
      expect(await page.locator(`main a[href="/articles/${member.id}"]`).first().innerText()).toContain(member.title)
    }
  })

  test("an article's page hydrates in place once its data files are in (the same nodes, no mismatch), then navigates", async () => {
    const entry = suite.bundle.entries[0]!
    const page = await suite.openPage()
    const hydrated = await watchHydration(page, 'main .article-body > *')
    await page.goto(`/articles/${entry.id}`)
    await settled(page)
    // The pager comes after hydration, from the shards the page does not embed.
    await expect.poll(() => page.getByRole('navigation', { name: strings.article.pager }).count()).toBe(1)
    expect(await hydrated()).toEqual({ kept: true, fresh: [] })
    await page.getByRole('link', { name: strings.app.navTimeline, exact: true }).click()
    await expect.poll(() => page.locator('main h1').innerText()).toBe(strings.timeline.heading)
  })

  test('the timeline hydrates in place (the same nodes, no mismatch), then navigates', async () => {
    const page = await suite.openPage()
    const hydrated = await watchHydration(page, 'main a[href^="/articles/"]')
    await page.goto('/timeline')
    await settled(page)
    expect(await hydrated()).toEqual({ kept: true, fresh: [] })
    const newest = suite.bundle.entries[0]!
    await page.locator(`main a[href="/articles/${newest.id}"]`).first().click()
    await expect.poll(() => page.locator('main h1').innerText()).toBe(newest.title)
  })

  test('a reader with a bookmark never sees the empty state the build wrote, and then sees the bookmark', async () => {
    const entry = suite.bundle.entries[0]!
    const stored = JSON.stringify({ version: 1, bookmarks: [{ id: entry.id, title: entry.title, url: entry.url, outlet: entry.outlet, outletName: entry.outlet, publishedAt: entry.publishedAt, addedAt: '2026-01-01T00:00:00.000Z' }] })
    const seed = (page: Page) => page.addInitScript(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, stored] as const)
    const before = await suite.openPage()
    await seed(before)
    await withoutApp(before)
    await before.goto('/bookmarks')
    expect(await before.locator('header nav').isVisible()).toBe(true)
    expect(await before.getByText(strings.bookmarkUi.empty).isVisible()).toBe(false)
    await before.close()

    const page = await suite.openPage()
    await seed(page)
    await page.goto('/bookmarks')
    await settled(page)
    await expect.poll(() => page.locator('main').innerText()).toContain(entry.title)
    expect(await page.getByText(strings.bookmarkUi.empty).count()).toBe(0)
  })

  test("an article's page asks for its own code and its article from the HTML, never for the list's code", async () => {
    const entry = suite.bundle.entries[0]!
    const page = await suite.openPage()
    await page.goto(`/articles/${entry.id}`)
    await settled(page)
    await expect.poll(() => page.locator('main h1').innerText()).toBe(entry.title)
    const requests = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((resource) => ({ path: new URL(resource.name).pathname, by: (resource as PerformanceResourceTiming).initiatorType, at: resource.startTime, end: (resource as PerformanceResourceTiming).responseEnd })),
    )
    const find = (pattern: RegExp) => requests.filter((request) => pattern.test(request.path))
    const app = find(/\/assets\/start-[^/]+\.js$/)
    expect(app).toHaveLength(1)
    // Asked for with the app's own code, before it arrived (the early script asks for both at once), so neither waits for the other.
    const article = find(new RegExp(`/data/articles/${entry.id}\\.json$`))
    expect(article.map((request) => request.by), 'a <link rel=preload>').toEqual(['link'])
    expect(article[0]!.at).toBeLessThan(app[0]!.end)
    const code = find(/\/assets\/article-[^/]+\.js$/)
    expect(code).toHaveLength(1)
    expect(code[0]!.at).toBeLessThan(app[0]!.end)
    expect(find(/\/assets\/list-[^/]+\.js$/), "the list's code").toEqual([])
  })

  test.each([
    ['hydrated (a Chinese browser)', 'zh-CN'],
    ['rendered afresh (an English one)', 'en-US'],
  ])('what a reader types into the search box before the app is live is kept, searched and still focused: %s', async (_how, locale) => {
    const page = await suite.openPage({ locale })
    // The app's code held back until the reader has typed.
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route(/\/assets\/start-[^/]+\.js$/, async (route) => {
      await held
      await route.continue()
    })
    await page.goto('/')
    const box = page.locator('form[role="search"] input[type="search"]')
    await box.click()
    await box.pressSequentially('普京')
    release()
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('q'))).toBe('普京')
    await settled(page)
    expect(await box.inputValue()).toBe('普京')
    expect(await box.evaluate((input) => input === document.activeElement)).toBe(true)
    expect((await titles(page)).length).toBeGreaterThan(0)
  })

  test('a reader whose first render the markup is not (a stored theme) gets the app over it with its data in: never a loading state', async () => {
    const entry = suite.bundle.entries[0]!
    for (const path of ['/', '/timeline', `/articles/${entry.id}`]) {
      const page = await suite.openPage()
      await page.addInitScript((key) => {
        localStorage.setItem(key, 'dark')
        // A loading state, or the router's fallback (the shell with an empty main), at any moment after the markup.
        new MutationObserver(() => {
          const main = document.querySelector('main')
          if (document.querySelector('main [aria-busy="true"]') || (main && document.readyState !== 'loading' && main.textContent?.trim() === '')) Object.assign(window, { sawLoading: true })
        }).observe(document, { subtree: true, childList: true, attributes: true })
      }, THEME_KEY)
      await page.goto(path)
      await settled(page)
      expect(await page.evaluate(() => (window as { sawLoading?: boolean }).sawLoading ?? false), path).toBe(false)
      expect(await page.locator('main h1').innerText(), path).not.toBe('')
      await page.close()
    }
  })

  test('an English browser sees the markup, then the app in English, with no page error', async () => {
    const page = await suite.openPage({ locale: 'en-US' })
    await page.goto('/')
    await settled(page)
    await expect.poll(() => page.locator('header nav').innerText()).toMatch(/Articles\s+Timeline\s+Bookmarks/)
    expect(await titles(page)).toEqual(firstPage())
  })
})
