import { mkdirSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core'
import { inject } from 'vitest'
import { WAIT_MS } from './limits'

export const TIME_ZONE = 'Asia/Shanghai'
export const SCREENSHOT_DIR = 'test-results/screenshots'

export const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 375, height: 740 },
} as const

export function baseURL(): string {
  return inject('baseURL')
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseURL(),
    timezoneId: TIME_ZONE,
    locale: 'zh-CN',
    viewport: VIEWPORTS.desktop,
    // Playwright's page.route cannot see requests a service worker answers, and the suites that
    // cut or fake data requests rely on it: the worker runs only where a suite asks for it
    // (offline.e2e.ts), or everywhere with E2E_SERVICE_WORKERS=allow.
    serviceWorkers: process.env.E2E_SERVICE_WORKERS === 'allow' ? 'allow' : 'block',
    ...options,
  })
  context.setDefaultTimeout(WAIT_MS)
  // No network here, as for a reader offline: remote images fail fast instead of hanging.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort('internetdisconnected'))
  return context
}

/** The list's page size (article-list-view.tsx): a partial count below it means shards are still arriving. */
const LIST_PAGE = 30

/**
 * Waits until the view shows what it will show: its heading is in place, no skeleton is busy, no
 * search is running and the list's count is final; then one frame and one task, so what the page
 * scheduled on insertion (image load and error handlers, toggles) has run.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction((pageSize) => {
    const main = document.querySelector('main')
    if (!main?.querySelector('h1') || document.querySelector('[aria-busy="true"]')) return false
    // Either interface language (strings.ts, strings-en.ts); counts are grouped by Intl (1,000).
    const status = document.querySelector('section[aria-label="筛选"] [role="status"], section[aria-label="Filters"] [role="status"]')
    const count = /^(正在搜索…|Searching…|至少 ([\d,]+) 篇|At least ([\d,]+) articles?)$/.exec(status?.textContent?.trim() ?? '')
    const atLeast = count?.[2] ?? count?.[3]
    return !count || (atLeast !== undefined && Number(atLeast.replace(/,/g, '')) >= pageSize)
  }, LIST_PAGE)
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))))
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true })
}
