// Zero serious or critical axe-core violations on every view, light and dark.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seriousViolations } from './a11y'
import { launchBrowser, newContext, settled, VIEWPORTS } from './browser'
import { byOutlet, seedBookmark, servedBundle, type ServedBundle } from './bundle'

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
    const views = ['/', '/?q=%E5%85%8B%E9%87%8C%E5%A7%86%E6%9E%97%E5%AE%AB&outlet=bbc', '/?q=%E5%AE%87%E5%AE%99%E9%A3%9E%E8%88%B9', `/articles/${voa.id}?outlet=bbc,voa`, '/timeline', '/timeline?from=2023-03-01&to=2023-03-31', '/bookmarks', '/nowhere', '/articles/missing-id']
    const found: Record<string, unknown> = {}
    for (const view of views) {
      await page.goto(view)
      await settled(page)
      const violations = await seriousViolations(page)
      if (violations.length > 0) found[view] = violations
    }
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
