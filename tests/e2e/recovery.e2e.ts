// Broken state in the real browser: corrupt, disabled or full localStorage, data that fails
// to load, images that cannot load. In every case the app keeps working and says what happened.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { ARTICLE_DIR } from '../../src/types/data'
import { launchBrowser, newContext, screenshot, settled } from './browser'

const KEY = 'archive-reader:bookmarks'
const BACKUP_PREFIX = `${KEY}:backup:`

let browser: Browser
let context: BrowserContext
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

afterEach(async () => {
  await context?.close()
})

async function open(init?: () => void): Promise<Page> {
  context = await newContext(browser)
  if (init) await context.addInitScript(init)
  page = await context.newPage()
  return page
}

/** Article titles of the list as shown, once it has settled. */
async function listTitles(): Promise<string[]> {
  await settled(page)
  return page.locator('main article h2').allTextContents()
}

const firstBookmarkButton = () => page.locator('main article').first().getByRole('button', { pressed: false })
const notice = () => page.getByRole('status').filter({ has: page.getByRole('button', { name: '知道了' }) })

describe('corrupt localStorage', () => {
  test.each([
    ['not JSON', '{"version":1,"bookmarks":[{"id":', '不是有效的 JSON'],
    ['the wrong shape', JSON.stringify(['bbc-1', 'rfi-2']), '格式不对'],
    ['an older schema', JSON.stringify({ items: [{ id: 'bbc-1', title: '旧书签' }] }), '旧版本的格式'],
  ])('%s: the app works, says so, and keeps the value under a backup key', async (_label, raw, reason) => {
    await open()
    await page.goto('/')
    // Once the app is live: started after the value is in, it would set it aside on this load, not the next.
    await settled(page)
    await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [KEY, raw])
    await page.reload()

    await expect.poll(() => notice().textContent()).toContain(reason)
    expect(await notice().textContent()).toContain(BACKUP_PREFIX)
    const backups = await page.evaluate((prefix) => Object.entries(localStorage).filter(([key]) => key.startsWith(prefix)), BACKUP_PREFIX)
    expect(backups).toHaveLength(1)
    expect(backups[0]![1]).toBe(raw)
    expect(await notice().textContent()).toContain(backups[0]![0])

    // The app still works: the list shows, and a new bookmark survives a reload without a notice.
    expect((await listTitles()).length).toBeGreaterThan(0)
    await firstBookmarkButton().click()
    await page.getByRole('button', { name: '知道了' }).click()
    await page.reload()
    await page.locator('main article').first().getByRole('button', { pressed: true }).waitFor()
    expect(await notice().count()).toBe(0)
    expect(await page.evaluate((prefix) => Object.keys(localStorage).filter((key) => key.startsWith(prefix)).length, BACKUP_PREFIX)).toBe(1)
  })
})

describe('bookmarks saved by a newer version of the app', () => {
  test('an old page never writes over them or backs them up, and asks the reader to reload', async () => {
    const newer = JSON.stringify({ version: 2, bookmarks: [], folders: ['稍后读'] })
    await open()
    await page.goto('/')
    await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [KEY, newer])
    await page.reload()

    await expect.poll(() => notice().textContent()).toContain('请刷新页面')
    await firstBookmarkButton().click()
    expect(await page.locator('main article').first().getByRole('button').first().getAttribute('aria-pressed')).toBe('true')
    // A newer tab saving again reaches this one through the storage event: still nothing written.
    await page.evaluate(([key, value]) => {
      localStorage.setItem(key!, value!)
      window.dispatchEvent(new StorageEvent('storage', { key, newValue: value, storageArea: localStorage }))
    }, [KEY, newer])
    await page.reload()
    await expect.poll(() => notice().textContent()).toContain('请刷新页面')
    const stored = await page.evaluate((key) => Object.entries(localStorage).filter(([name]) => name.startsWith(key)), KEY)
    expect(stored).toEqual([[KEY, newer]])
  })
})

describe('storage that does not work', () => {
  test('localStorage disabled: bookmarks work for this tab and the reader is told', async () => {
    await open(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('Access is denied for this document.', 'SecurityError')
        },
      })
    })
    await page.goto('/')
    await expect.poll(() => notice().textContent()).toContain('浏览器存储不可用')
    // One banner speaks for every store (bookmarks, read marks, saved searches, notes): they share localStorage.
    expect(await notice().count()).toBe(1)
    expect(await notice().textContent()).toContain('已读标记')
    const title = (await listTitles())[0]!
    await firstBookmarkButton().click()
    await page.getByRole('link', { name: '收藏' }).click()
    await page.getByText(title).first().waitFor()
  })

  test('a full quota: bookmarking still shows, and the reader is told it was not saved', async () => {
    await open(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException("Failed to execute 'setItem' on 'Storage': the quota has been exceeded.", 'QuotaExceededError')
      }
    })
    await page.goto('/')
    await listTitles()
    expect(await notice().count()).toBe(0)
    await firstBookmarkButton().click()
    await expect.poll(() => notice().textContent()).toContain('浏览器存储已满')
    expect(await page.locator('main article').first().getByRole('button').first().getAttribute('aria-pressed')).toBe('true')
  })
})

describe('a failed data load', () => {
  test('the list shows a message with retry; the header still works; retry works once the network is back', async () => {
    await open()
    await page.route('**/data/**', (route) => route.abort('internetdisconnected'))
    // The first page of / is in the HTML, painted before any data; the app, which needs the data
    // files to go on from there, then says it cannot reach them, with retry.
    await page.goto('/')
    await page.getByRole('alert').getByRole('button', { name: '重试' }).waitFor()
    expect(await page.getByRole('alert').textContent()).toContain('无法获取数据')
    // A search needs the index, which cannot be fetched.
    await page.goto('/?q=%E5%85%8B%E9%87%8C%E5%A7%86%E6%9E%97%E5%AE%AB')
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toContain('无法获取数据')
    await screenshot(page, 'list-error')

    // The header and navigation keep working.
    await page.getByRole('link', { name: '收藏' }).click()
    await expect.poll(() => page.locator('main h1').textContent()).toBe('我的收藏')
    await page.goBack()
    await page.getByRole('alert').getByRole('button', { name: '重试' }).waitFor()

    await page.unroute('**/data/**')
    await page.getByRole('alert').getByRole('button', { name: '重试' }).click()
    expect((await listTitles()).length).toBeGreaterThan(0)
    expect(await page.getByRole('alert').count()).toBe(0)
  })

  test('an article that fails to load shows a message with retry', async () => {
    await open()
    await page.goto('/')
    await listTitles()
    const link = page.locator('main article h2 a').first()
    const href = (await link.getAttribute('href'))!
    await page.route(`**/data/${ARTICLE_DIR}/**`, (route) => route.abort('internetdisconnected'))
    await page.goto(href)
    await page.getByRole('alert').getByRole('button', { name: '重试' }).waitFor()
    await page.unroute(`**/data/${ARTICLE_DIR}/**`)
    await page.getByRole('alert').getByRole('button', { name: '重试' }).click()
    await page.locator('.safe-html').waitFor()
    expect(await page.getByRole('alert').count()).toBe(0)
  })
})

describe('article images offline', () => {
  test('an image that cannot load becomes a quiet placeholder with its alt text; captions stay', async () => {
    await open()
    await page.goto('/')
    await listTitles()
    const hrefs = await page.locator('main article h2 a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!))
    let images = 0
    for (const href of hrefs) {
      await page.goto(href)
      await page.locator('.safe-html').waitFor()
      const bodyImages = page.locator('.safe-html img')
      for (let index = 0; index < (await bodyImages.count()); index++) {
        const image = bodyImages.nth(index)
        // Lazy images load (and fail) only near the viewport.
        await image.evaluate((element) => element.parentElement!.scrollIntoView())
        await expect.poll(() => image.getAttribute('data-missing')).toBe('')
        expect(await image.isVisible()).toBe(false)
        const placeholder = await image.evaluate((element) => {
          const next = element.nextElementSibling as HTMLElement | null
          return next && { className: next.className, label: next.getAttribute('aria-label'), visible: next.offsetHeight > 0 }
        })
        expect(placeholder).toMatchObject({ className: 'safe-html-missing-image', visible: true })
        expect(placeholder!.label).toMatch(/^图片无法加载/)
        images++
      }
      const captions = await page.locator('.safe-html figcaption').count()
      expect(await page.locator('.safe-html figcaption:visible').count()).toBe(captions)
    }
    expect(images).toBeGreaterThan(0)
  })
})
