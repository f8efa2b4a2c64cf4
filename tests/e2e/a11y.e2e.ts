// Zero serious or critical axe-core violations on every view, light and dark.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seriousViolations } from './a11y'
import { launchBrowser, newContext, settled, VIEWPORTS } from './browser'
import { byOutlet, seedBookmark, servedBundle, type ServedBundle } from './bundle'
import { NOT_SAVED_HEADER } from '../../src/lib/fetch-json'
import { articlePath } from '../../src/types/data'
import { seedReadMarks, seedSavedSearch } from './reader-data'
import { openArticle, openCiteDialog, seedHighlight, selectText } from './notes-helpers'
import { DIST, startPreview } from './preview-server'

const PORT = Number(process.env.E2E_PORT ?? 4179) + 1

let browser: Browser
let bundle: ServedBundle

beforeAll(async () => {
  browser = await launchBrowser()
  bundle = await servedBundle()
})
afterAll(async () => {
  await browser?.close()
})

describe.each(['light', 'dark'] as const)('axe, %s', (colorScheme) => {
  test('every view', async () => {
    // bypassCSP only here: axe is injected as a script, which the production CSP rightly refuses.
    const context = await newContext(browser, { colorScheme, bypassCSP: true })
    const page = await context.newPage()
    const voa = byOutlet(bundle, 'voa')
    await seedBookmark(page, bundle, voa)
    // Offline, an article never saved: the service worker's answer, given here by a route.
    const unsaved = bundle.entries.find((entry) => entry.outlet !== 'voa')!
    await page.route(`**/data/${articlePath(unsaved.id)}`, (route) => route.fulfill({ status: 504, headers: { [NOT_SAVED_HEADER]: '1' } }))
    const views = [`/articles/${unsaved.id}`, '/', '/?unread=1', '/?q=%E5%85%8B%E9%87%8C%E5%A7%86%E6%9E%97%E5%AE%AB&outlet=bbc', '/?q=%E5%AE%87%E5%AE%99%E9%A3%9E%E8%88%B9', `/articles/${voa.id}?outlet=bbc,voa`, '/timeline', '/timeline?from=2023-03-01&to=2023-03-31', '/bookmarks', '/notes', '/nowhere', '/articles/missing-id', `/stories/${voa.story!.id}`, '/?group=story']
    await Promise.all([seedReadMarks(page, [voa.id]), seedSavedSearch(page, '克宫', '?q=%E5%85%8B%E9%87%8C%E5%A7%86%E6%9E%97%E5%AE%AB', null)])
    await seedHighlight(page, voa)
    const found: Record<string, unknown> = {}
    for (const view of views) {
      await page.goto(view)
      await settled(page)
      const violations = await seriousViolations(page)
      if (violations.length > 0) found[view] = violations
    }
    await openCiteDialog(page, voa)
    const dialog = await seriousViolations(page)
    if (dialog.length > 0) found['cite dialog'] = dialog
    await page.keyboard.press('Escape')
    await context.setOffline(true) // the offline mark under the header
    await page.getByText('现在没有网络连接').waitFor()
    const offline = await seriousViolations(page)
    if (offline.length > 0) found.offline = offline
    await context.setOffline(false)
    // A timeline story's disclosure open; the highlight toolbar over text selected in a body.
    await page.goto('/timeline')
    await settled(page)
    await page.getByRole('button', { name: /^展开 \d+ 篇报道$/ }).first().click()
    await page.getByRole('list', { name: /同一事件的报道/ }).getByRole('listitem').first().waitFor()
    const story = await seriousViolations(page)
    if (story.length > 0) found['timeline story open'] = story
    await openArticle(page, bundle.entries.find((entry) => entry.id !== voa.id && entry.id !== unsaved.id)!.id)
    await selectText(page)
    await page.getByRole('toolbar', { name: '标注选中的文字' }).waitFor()
    const toolbar = await seriousViolations(page)
    if (toolbar.length > 0) found['highlight toolbar'] = toolbar
    // Search results by relevance, with snippets and the syntax help open, on a phone.
    await page.setViewportSize(VIEWPORTS.phone)
    await page.goto('/?q=%E6%99%AE%E4%BA%AC&sort=relevance')
    await settled(page)
    await page.getByRole('button', { name: '搜索语法' }).click()
    const help = await seriousViolations(page)
    if (help.length > 0) found['search help, relevance, phone'] = help
    // The keyboard's ? dialog and the reading settings panel, open; then views in the English interface.
    for (const [view, open, size] of [['/', '?', 'desktop'], [`/articles/${voa.id}`, '阅读设置', 'desktop'], [`/articles/${voa.id}`, '阅读设置', 'phone'], ['/timeline', 'en', 'desktop'], [`/articles/${voa.id}`, 'en', 'phone']] as const) {
      await page.setViewportSize(VIEWPORTS[size])
      if (open === 'en') await page.evaluate(() => localStorage.setItem('archive-reader:language', 'en'))
      await page.goto(view)
      await settled(page)
      if (open === '?') await page.keyboard.press('?')
      else if (open !== 'en') await page.getByRole('button', { name: open }).click()
      if (open !== 'en') await page.getByRole('dialog').waitFor()
      const violations = await seriousViolations(page)
      if (violations.length > 0) found[`${view} ${open} ${size}`] = violations
    }
    await context.close()
    expect(found).toEqual({})
  })
})

// The new-version notice: this build served again with its worker changed by a byte (a new version
// to the browser, as offline.e2e.ts deploys one), so no second build is needed.
test('axe, the new-version notice, light and dark', async () => {
  const work = mkdtempSync(join(tmpdir(), 'a11y-update-'))
  const [first, second] = [join(work, 'first'), join(work, 'second')]
  cpSync(DIST, first, { recursive: true })
  cpSync(DIST, second, { recursive: true })
  writeFileSync(join(second, 'sw.js'), `${readFileSync(join(second, 'sw.js'), 'utf8')}\n// the next deployment\n`)
  let server = await startPreview(first, PORT)
  const context = await newContext(browser, { baseURL: server.url, serviceWorkers: 'allow', bypassCSP: true })
  try {
    const page = await context.newPage()
    await page.goto('/')
    await settled(page)
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
    server.close()
    server = await startPreview(second, PORT)
    await page.reload() // the browser checks the worker on every page load
    await settled(page)
    await page.getByRole('status').filter({ hasText: '有新版本可用' }).getByRole('button', { name: '重新加载' }).waitFor()
    const found: Record<string, unknown> = {}
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      await page.waitForFunction((dark) => document.documentElement.classList.contains('dark') === dark, colorScheme === 'dark')
      const violations = await seriousViolations(page)
      if (violations.length > 0) found[colorScheme] = violations
    }
    expect(found).toEqual({})
  } finally {
    await context.close()
    server.close()
    rmSync(work, { recursive: true, force: true })
  }
})
