// Search across scripts, on the seeds build and on the seeds plus a Traditional report and an older
// version of a seed saved under another spelling of its URL.
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { articleId } from '../../scripts/ingest/build-article'
import { idSource } from '../../scripts/ingest/canonical-url'
import { idLabelForUrl } from '../../scripts/ingest/outlets'
import { launchBrowser, newContext, settled } from './browser'
import { serveArchive, type ServedArchive } from './preview-server'

const PORT = Number(process.env.E2E_PORT ?? 4202) + 1
const DW_TITLE = '习近平会见俄外长 普习会即将登场'
const CNA_TITLE = '俄外長拉夫羅夫訪華 習近平會見'
const CNA = `<!--1712640000000-->
[${CNA_TITLE}](https://www.cna.com.tw/news/acn/202404090001.aspx)
------
<p>（中央社記者台北9日電）俄羅斯外長拉夫羅夫今天抵達北京訪問，中國國家主席習近平會見拉夫羅夫，雙方就烏克蘭局勢交換意見。</p>
<p>外界關注習近平與普京是否將於近期再度舉行會談。</p>
`
// The DW seed as saved an hour earlier under http://dw.com…, which an earlier build kept.
const DW_URL = 'https://www.dw.com/zh/%E4%B9%A0%E8%BF%91%E5%B9%B3%E4%BC%9A%E8%A7%81%E4%BF%84%E5%A4%96%E9%95%BF%20%E6%99%AE%E4%B9%A0%E4%BC%9A%E5%8D%B3%E5%B0%86%E7%99%BB%E5%9C%BA/a-68778293'
const OLD_DW_URL = DW_URL.replace('https://www.', 'http://')
const OLD_DW = `<!--1712671024000-->\n[习近平会见俄外长（初稿）](${OLD_DW_URL})\n------\n<p>初稿。</p>\n`

let browser: Browser
let server: ServedArchive
const contexts: BrowserContext[] = []

beforeAll(async () => {
  server = await serveArchive(PORT, (archive) => {
    cpSync('seeds', archive, { recursive: true })
    writeFileSync(join(archive, 'cna-0409.txt'), CNA)
    writeFileSync(join(archive, '000-dw-first-save.txt'), OLD_DW)
  })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  server?.close()
})
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()))
})

async function openPage(baseURL?: string): Promise<{ page: Page; requests: string[] }> {
  const context = await newContext(browser, baseURL ? { baseURL } : {})
  contexts.push(context)
  const page = await context.newPage()
  const requests: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  page.on('pageerror', (error) => {
    throw error
  })
  return { page, requests }
}

const titles = (page: Page) => page.locator('main article h2').allInnerTexts()
const searchFor = async (page: Page, query: string) => {
  await page.goto(`/?q=${encodeURIComponent(query)}`)
  await settled(page)
}

describe('search across scripts, on the seeds build', () => {
  test('a Traditional query finds the Simplified articles, and the fold tables load only for it', async () => {
    const { page, requests } = await openPage()
    await page.goto('/')
    await settled(page)
    expect(requests.some((url) => url.includes('fold-script'))).toBe(false) // not on the first screen
    await page.getByRole('searchbox').fill('會見俄外長')
    await expect.poll(() => titles(page)).toEqual([DW_TITLE])
    expect(requests.some((url) => url.includes('fold-script'))).toBe(true)
    await searchFor(page, '克里姆林宮')
    await expect.poll(() => titles(page).then((list) => list.length)).toBe(3)
  })
})

describe('search across scripts, with a Traditional report', () => {
  test('finds the Traditional report for a Simplified query, and both for either script', async () => {
    const { page } = await openPage(server.url)
    await searchFor(page, '中央社记者')
    await expect.poll(() => titles(page)).toEqual([CNA_TITLE])
    await searchFor(page, '拉夫罗夫')
    await expect.poll(() => titles(page)).toEqual([DW_TITLE, CNA_TITLE])
    await searchFor(page, '拉夫羅夫')
    await expect.poll(() => titles(page)).toEqual([DW_TITLE, CNA_TITLE])
  })

  test('renders each body in its own script’s language', async () => {
    const { page } = await openPage(server.url)
    for (const [title, lang] of [[CNA_TITLE, 'zh-Hant'], [DW_TITLE, 'zh-Hans']] as const) {
      await searchFor(page, '拉夫罗夫')
      await page.getByRole('link', { name: title }).first().click()
      await expect.poll(() => page.locator('main h1').getAttribute('lang')).toBe(lang)
      expect(await page.locator('main .article-body').getAttribute('lang')).toBe(lang)
    }
  })

  test('opens the newest version under the id an earlier build gave the older one', async () => {
    const oldId = articleId(idSource(OLD_DW_URL), idLabelForUrl(OLD_DW_URL))
    const keptId = articleId(idSource(DW_URL), idLabelForUrl(DW_URL))
    expect(oldId).not.toBe(keptId)
    expect(JSON.parse(readFileSync(join(server.data, 'articles', `${oldId}.json`), 'utf8'))).toMatchObject({ id: keptId, title: DW_TITLE })
    const { page } = await openPage(server.url)
    await page.goto(`/articles/${oldId}`)
    await settled(page)
    expect(await page.locator('main h1').innerText()).toBe(DW_TITLE)
    // A bookmark of the old id, as the earlier build let the reader save it, opens from /bookmarks.
    await page.evaluate((bookmark) => localStorage.setItem('archive-reader:bookmarks', JSON.stringify({ version: 1, bookmarks: [bookmark] })), {
      id: oldId,
      title: '习近平会见俄外长（初稿）',
      url: OLD_DW_URL,
      outlet: 'dw',
      outletName: '德国之声',
      publishedAt: '2024-04-09T13:57:04.000Z',
      addedAt: '2024-05-01T00:00:00.000Z',
    })
    await page.goto('/bookmarks')
    await settled(page)
    await expect.poll(() => page.locator('main article').getAttribute('data-status')).toBe('present')
    await page.getByRole('link', { name: '习近平会见俄外长（初稿）' }).click()
    await expect.poll(() => page.locator('main h1').innerText()).toBe(DW_TITLE)
    await searchFor(page, '初稿')
    await expect.poll(() => page.locator('section[aria-label="筛选"] [role="status"]').innerText()).toBe('共 0 篇')
  })
})

describe('search operators and snippets, on the seeds build', () => {
  const count = (page: Page) => page.locator('section[aria-label="筛选"] [role="status"]').innerText()

  test('-excluded and A OR B, and each result marks where it matched', async () => {
    const { page, requests } = await openPage()
    await searchFor(page, '克里姆林宫 -拉夫罗夫')
    await expect.poll(() => count(page)).toBe('共 2 篇')
    expect(await titles(page)).not.toContain(DW_TITLE)
    await searchFor(page, '拉夫罗夫 OR 瑞士外长')
    await expect.poll(() => count(page)).toBe('共 2 篇')
    await searchFor(page, '拉夫罗夫')
    const card = page.locator('main article').filter({ hasText: DW_TITLE })
    await expect.poll(() => card.locator('[data-search-snippet] mark').allInnerTexts()).toContain('拉夫罗夫')
    // The snippet came from the search text file, never the article's body file.
    expect(requests.some((url) => /\/data\/text\/dw-[a-z2-7]{12}\.txt$/.test(url))).toBe(true)
    expect(requests.some((url) => url.includes('/data/articles/'))).toBe(false)
  })

  test('sort=relevance puts title matches first; the control goes back to newest first', async () => {
    const { page } = await openPage()
    await searchFor(page, '普京')
    await expect.poll(() => titles(page).then((list) => list.length)).toBe(5)
    const newest = await titles(page)
    expect(newest[0]).toBe(DW_TITLE) // newest first by default
    await page.getByLabel('排序').selectOption('relevance')
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('relevance')
    await expect.poll(() => titles(page).then((list) => list.slice(0, 2).every((title) => title.includes('普京')))).toBe(true)
    expect((await titles(page)).sort()).toEqual([...newest].sort()) // the same results
    expect(await count(page)).toBe('共 5 篇')
    await page.getByLabel('排序').selectOption('newest')
    await expect.poll(() => titles(page)).toEqual(newest)
    expect(new URL(page.url()).searchParams.has('sort')).toBe(false)
  })

  test('the help beside the box lists the operators; Esc closes it and returns to its button', async () => {
    const { page } = await openPage()
    await page.goto('/')
    await settled(page)
    const help = page.getByRole('button', { name: '搜索语法' })
    await help.click()
    expect(await help.getAttribute('aria-expanded')).toBe('true')
    const panel = page.getByRole('region', { name: '搜索语法' })
    await expect.poll(() => panel.isVisible()).toBe(true)
    expect(await panel.innerText()).toContain('OR')
    await page.keyboard.press('Escape')
    await expect.poll(() => panel.isVisible()).toBe(false)
    expect(await help.getAttribute('aria-expanded')).toBe('false')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('搜索语法')
    expect(new URL(page.url()).pathname).toBe('/')
  })
})
