// The frame most browser suites share: one chromium and the served bundle per file, every context
// closed after its test, and pages whose uncaught error fails the test.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { launchBrowser, newContext } from './browser'
import { servedBundle, type ServedBundle } from './bundle'

type ContextOptions = Parameters<typeof newContext>[1]

export interface BrowserSuite {
  readonly browser: Browser
  readonly bundle: ServedBundle
  /** A fresh context (service workers blocked unless asked for, see newContext), closed after the test. */
  openContext(options?: ContextOptions): Promise<BrowserContext>
  /** A page of `target` (a context, or options for a fresh one); an uncaught page error fails the test. */
  openPage(target?: BrowserContext | ContextOptions): Promise<Page>
}

/** Call once at the top of a suite file: it registers the hooks. */
export function browserSuite(): BrowserSuite {
  let browser: Browser | undefined
  let bundle: ServedBundle | undefined
  const contexts: BrowserContext[] = []
  beforeAll(async () => {
    browser = await launchBrowser()
    bundle = await servedBundle()
  })
  afterAll(async () => {
    await browser?.close()
  })
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()))
  })
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the suite is not set up yet: use it inside a test or hook')
    return value
  }
  const suite: BrowserSuite = {
    get browser() {
      return ready(browser)
    },
    get bundle() {
      return ready(bundle)
    },
    async openContext(options = {}) {
      const context = await newContext(ready(browser), options)
      contexts.push(context)
      return context
    },
    async openPage(target) {
      const context = target && 'newPage' in target ? target : await suite.openContext(target)
      const page = await context.newPage()
      page.on('pageerror', (error) => {
        throw error
      })
      return page
    },
  }
  return suite
}
