// Offline and installable, in chromium against the production build with its service worker:
// after one visit the network is cut (context.setOffline) and what the reader saw still opens;
// what they never opened says it was not saved; a new deployment is noticed; all of it also
// under a base path. The other suites block service workers (browser.ts); this one allows them.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { articlePath } from '../../src/types/data'
import { launchBrowser, newContext, screenshot, settled, VIEWPORTS } from './browser'
import { servedBundle, type ServedBundle } from './bundle'
import { DIST, startPreview, type PreviewServer } from './preview-server'

const PORT = Number(process.env.E2E_PORT ?? 4179) + 1
const SEARCH = '克里姆林宫'

let browser: Browser
let bundle: ServedBundle
let context: BrowserContext | undefined
let server: PreviewServer | undefined
const work = mkdtempSync(join(tmpdir(), 'reader-offline-'))

beforeAll(async () => {
  browser = await launchBrowser()
  bundle = await servedBundle()
})
afterEach(async () => {
  // Back online before closing: a context closed offline left the next contexts' workers without a network.
  await context?.setOffline(false)
  await context?.close()
  context = undefined
  server?.close()
  server = undefined
})
afterAll(async () => {
  await browser?.close()
  rmSync(work, { recursive: true, force: true })
})

interface Violation {
  directive: string
  blocked: string
}

/** A context with the service worker allowed, recording every CSP and Trusted Types violation. */
async function openWithWorker(options: Parameters<typeof newContext>[1] = {}): Promise<{ page: Page; violations: Violation[] }> {
  context = await newContext(browser, { serviceWorkers: 'allow', ...options })
  const violations: Violation[] = []
  await context.exposeFunction('__cspReport', (directive: string, blocked: string) => void violations.push({ directive, blocked }))
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      void (window as unknown as { __cspReport: (directive: string, blocked: string) => void }).__cspReport(event.effectiveDirective, event.blockedURI)
    })
  })
  return { page: await context.newPage(), violations }
}

async function controlled(page: Page): Promise<string> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
  return page.evaluate(() => navigator.serviceWorker.controller!.scriptURL)
}

/** Waits until the worker holds a saved copy of `path` (a data file), whatever cache it is in. */
async function saved(page: Page, path: string): Promise<void> {
  await expect.poll(() => page.evaluate(async (url) => (await caches.match(url)) !== undefined, new URL(path, page.url()).href)).toBe(true)
}

/** The shell's environment without what the test runner adds (NODE_ENV=test, MODE, PROD, DEV...), which would leak into the build. */
function buildEnv(): NodeJS.ProcessEnv {
  const runner = new Set(['NODE_ENV', 'MODE', 'PROD', 'DEV', 'SSR', 'BASE_URL', 'TEST'])
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !runner.has(key) && !key.startsWith('VITEST')))
}

const heading = (page: Page) => page.locator('main h1').textContent()
/** The titles of the whole list, once every shard it needs has arrived. */
const listTitles = async (page: Page) => {
  await settled(page)
  await page.getByText('已经是全部结果').waitFor()
  return page.locator('main article h2').allTextContents()
}

describe('offline after a visit', () => {
  test('the shell, opened and bookmarked articles, the list and a search already run open with no network; an unvisited article says it was not saved', async () => {
    const [opened, bookmarked, unvisited] = [bundle.entries[1]!, bundle.entries[2]!, bundle.entries[3]!]
    const { page, violations } = await openWithWorker()
    // The first page load: this article arrives before the worker exists, and must be saved all the same.
    await page.goto(`/articles/${opened.id}`)
    await settled(page)
    expect(await controlled(page)).toMatch(/\/sw\.js$/)

    await page.goto('/')
    const online = await listTitles(page)
    await page.locator('main article', { hasText: bookmarked.title }).getByRole('button', { name: /收藏/ }).click()
    await page.goto(`/?q=${encodeURIComponent(SEARCH)}`)
    const found = await listTitles(page)
    expect(found.length).toBeGreaterThan(0)
    await saved(page, `/data/${articlePath(opened.id)}`)
    await saved(page, `/data/${articlePath(bookmarked.id)}`) // bookmarked from the list, never opened
    for (const shard of bundle.manifest.shards) await saved(page, `/data/${shard.file}`)

    await context!.setOffline(true)
    await page.goto('/')
    expect(await listTitles(page)).toEqual(online)
    await expect.poll(() => page.getByRole('status').filter({ hasText: '离线' }).isVisible()).toBe(true)
    await screenshot(page, 'offline-list')
    // Client-side navigation and full page loads alike.
    await page.locator('main').getByRole('link', { name: opened.title }).first().click()
    // The list is settled too until the router has moved: wait for the article, then for it to settle.
    await expect.poll(() => heading(page)).toBe(opened.title)
    await settled(page)
    expect(await heading(page)).toBe(opened.title)

    await page.goto(`/?q=${encodeURIComponent(SEARCH)}`)
    expect(await listTitles(page)).toEqual(found)
    await page.goto(`/articles/${bookmarked.id}`)
    await settled(page)
    expect(await heading(page)).toBe(bookmarked.title)

    await page.goto(`/articles/${unvisited.id}`)
    await expect.poll(() => page.locator('main').textContent()).toContain('这篇文章没有保存供离线阅读')
    expect(await page.getByRole('alert').count()).toBe(0)
    await screenshot(page, 'offline-article-not-saved')

    // Back online, the same page's retry opens it.
    await context!.setOffline(false)
    await page.getByRole('button', { name: '重试' }).click()
    await expect.poll(() => heading(page)).toBe(unvisited.title)
    await settled(page)
    expect(await heading(page)).toBe(unvisited.title)
    expect(violations).toEqual([])
  })

  test('繁, once used, converts with no network: its tables (outside the precache) are kept when first fetched', async () => {
    const article = bundle.entries[1]!
    const { page, violations } = await openWithWorker()
    await page.goto(`/articles/${article.id}`)
    await settled(page)
    expect(await controlled(page)).toMatch(/\/sw\.js$/)
    await page.getByText('繁', { exact: true }).click()
    await expect.poll(() => page.locator('[data-script]').getAttribute('data-script')).toBe('hant')
    const converted = await heading(page)
    expect(converted).not.toBe(article.title)

    await context!.setOffline(true)
    await page.reload()
    await expect.poll(() => page.locator('[data-script]').getAttribute('data-script')).toBe('hant')
    expect(await heading(page)).toBe(converted)
    await context!.setOffline(false)
    expect(violations).toEqual([])
  })

  test('a fresh context starts with nothing saved by another test', async () => {
    const { page } = await openWithWorker()
    await page.goto('/nowhere')
    await controlled(page)
    const saved = await page.evaluate(async (url) => (await caches.match(url)) !== undefined, `/data/${articlePath(bundle.entries[1]!.id)}`)
    expect(saved).toBe(false) // the first test's opened article
    await context!.setOffline(true)
    await page.goto(`/articles/${bundle.entries[1]!.id}`)
    await expect.poll(() => page.locator('main').textContent()).toContain('这篇文章没有保存供离线阅读')
  })
})

describe('a new deployment', () => {
  test('is noticed in every open tab, with a reload button that brings the new version', async () => {
    const first = join(work, 'first')
    const second = join(work, 'second')
    cpSync(DIST, first, { recursive: true })
    cpSync(DIST, second, { recursive: true })
    // Any byte of the worker changed is a new version to the browser; a real deployment changes its file list.
    writeFileSync(join(second, 'sw.js'), `${readFileSync(join(second, 'sw.js'), 'utf8')}\n// the next deployment\n`)

    server = await startPreview(first, PORT)
    const { page, violations } = await openWithWorker({ baseURL: server.url, viewport: VIEWPORTS.phone })
    await page.goto('/')
    await settled(page)
    await controlled(page)
    const noticeOf = (tab: Page) => tab.getByRole('status').filter({ hasText: '有新版本可用' })
    const notice = noticeOf(page)
    expect(await notice.count()).toBe(0)
    // A second tab of the same version, left open.
    const other = await context!.newPage()
    await other.goto('/timeline')
    await settled(other)

    server.close()
    server = await startPreview(second, PORT)
    await page.reload() // the browser checks the worker on every page load
    await settled(page)
    await expect.poll(() => notice.isVisible()).toBe(true)
    await expect.poll(() => noticeOf(other).isVisible()).toBe(true)
    await screenshot(page, 'offline-update-phone')

    await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: '重新加载' }).click()])
    await settled(page)
    expect(await notice.count()).toBe(0)
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull()
    // The other tab still runs the old code under the new worker: its notice stays until it reloads too.
    expect(await noticeOf(other).isVisible()).toBe(true)
    await Promise.all([other.waitForEvent('load'), noticeOf(other).getByRole('button', { name: '重新加载' }).click()])
    await settled(other)
    expect(await noticeOf(other).count()).toBe(0)
    expect(violations).toEqual([])
  })
})

describe('under a base path', () => {
  test('BASE_PATH=/reader/: the worker, its scope, the web manifest and offline reading live under /reader/', async () => {
    const out = join(work, 'reader')
    execFileSync('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir'], { env: { ...buildEnv(), BASE_PATH: '/reader/' }, stdio: 'pipe' })
    server = await startPreview(out, PORT, { BASE_PATH: '/reader/' })
    const { page, violations } = await openWithWorker({ baseURL: server.url })
    const article = bundle.entries[0]!
    await page.goto(`/reader/articles/${article.id}`)
    await settled(page)
    expect(new URL(await controlled(page)).pathname).toBe('/reader/sw.js')
    expect(await page.evaluate(async () => new URL((await navigator.serviceWorker.getRegistration())!.scope).pathname)).toBe('/reader/')
    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href')
    expect(manifestHref).toBe('/reader/manifest.webmanifest')
    const manifest = (await (await fetch(`${server.url}${manifestHref}`)).json()) as { start_url: string; scope: string; icons: { src: string }[] }
    expect([manifest.start_url, manifest.scope]).toEqual(['/reader/', '/reader/'])
    for (const icon of manifest.icons) expect((await fetch(new URL(icon.src, `${server.url}${manifestHref}`))).ok).toBe(true)
    await page.goto('/reader/')
    const online = await listTitles(page)
    await saved(page, `/reader/data/${articlePath(article.id)}`)
    for (const shard of bundle.manifest.shards) await saved(page, `/reader/data/${shard.file}`)

    await context!.setOffline(true)
    await page.goto('/reader/')
    expect(await listTitles(page)).toEqual(online)
    await page.goto(`/reader/articles/${article.id}`)
    await settled(page)
    expect(await heading(page)).toBe(article.title)
    expect(violations).toEqual([])
  })
})
