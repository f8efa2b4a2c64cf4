// Reader journeys against the production build (npm run build + npm run preview), Asia/Shanghai.
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { screenshot, settled, VIEWPORTS } from './browser'
import { byOutlet, seedBookmark } from './bundle'
import { browserSuite } from './suite'
import type { ListEntry } from '../../src/types/data'

const suite = browserSuite()

const openPage = suite.openPage

const statusOf = (page: Page) => page.locator('section[aria-label="筛选"] [role="status"]')
const cards = (page: Page) => page.locator('main article')
const titles = (page: Page) => page.locator('main article h2').allInnerTexts()
const search = (page: Page) => new URL(page.url()).search
/** Entries on the timeline: a story is one. */
const timelineItems = (entries: readonly ListEntry[]) => new Set(entries.map((entry) => entry.story?.id ?? entry.id)).size

async function gotoList(page: Page, query = '') {
  await page.goto(`/${query}`)
  await settled(page)
}

describe('list', () => {
  test('shows every article newest first, each with link, title, outlet, time, excerpt, reading time and bookmark button', async () => {
    const page = await openPage()
    await gotoList(page)
    await expect.poll(() => cards(page).count()).toBe(suite.bundle.entries.length)
    expect(await statusOf(page).innerText()).toBe(`共 ${suite.bundle.manifest.articleCount} 篇`)
    const times = await page.locator('main article time').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime')!))
    expect(times).toEqual([...times].sort().reverse())
    for (const [index, entry] of suite.bundle.entries.entries()) {
      const card = cards(page).nth(index)
      expect(await card.locator('h2').innerText()).toBe(entry.title)
      expect(await card.locator(`a[href="/articles/${entry.id}"]`).count()).toBe(1)
      const outlet = suite.bundle.manifest.outlets.find((o) => o.id === entry.outlet)!
      expect(await card.innerText()).toContain(outlet.name)
      expect(await card.locator('time').getAttribute('datetime')).toBe(entry.publishedAt)
      expect(await card.innerText()).toContain(`阅读约 ${entry.readingMinutes} 分钟`)
      expect(await card.innerText()).toContain(entry.excerpt.slice(0, 20))
      const button = card.getByRole('button', { name: /收藏/ })
      expect(await button.getAttribute('aria-pressed')).toBe('false')
    }
    await screenshot(page, 'list-desktop')
  })

  test('outlet multi-select writes the URL, filters the list and counts; back and forward walk the changes', async () => {
    const page = await openPage()
    await gotoList(page)
    const bbc = suite.bundle.manifest.outlets.find((o) => o.id === 'bbc')!
    const voa = suite.bundle.manifest.outlets.find((o) => o.id === 'voa')!
    expect(await page.getByRole('checkbox', { name: new RegExp(bbc.name) }).locator('..').innerText()).toContain(`${bbc.count} 篇`)
    await page.getByRole('checkbox', { name: new RegExp(bbc.name) }).click()
    await expect.poll(() => search(page)).toBe('?outlet=bbc')
    await page.getByRole('checkbox', { name: new RegExp(voa.name) }).click()
    await expect.poll(() => search(page)).toBe('?outlet=bbc,voa')
    await expect.poll(() => cards(page).count()).toBe(2)
    expect(await statusOf(page).innerText()).toBe('共 2 篇')
    const shown = await titles(page)
    expect(shown).toEqual(suite.bundle.entries.filter((e) => e.outlet === 'bbc' || e.outlet === 'voa').map((e) => e.title))

    await page.goBack()
    await expect.poll(() => search(page)).toBe('?outlet=bbc')
    await expect.poll(() => cards(page).count()).toBe(1)
    expect(await page.getByRole('checkbox', { name: new RegExp(voa.name) }).isChecked()).toBe(false)
    await page.goForward()
    await expect.poll(() => cards(page).count()).toBe(2)
    await page.reload()
    await settled(page)
    expect(await cards(page).count()).toBe(2)
    expect(await page.getByRole('checkbox', { name: new RegExp(voa.name) }).isChecked()).toBe(true)
  })

  test('a quick range and from/to filter by local days (Asia/Shanghai)', async () => {
    const page = await openPage()
    await gotoList(page)
    await page.getByRole('button', { name: '2024 年' }).click()
    await expect.poll(() => search(page)).toBe('?from=2024-01-01&to=2024-12-31')
    await expect.poll(() => titles(page)).toEqual(suite.bundle.entries.filter((e) => e.publishedAt.startsWith('2024')).map((e) => e.title))
    expect(await page.getByLabel('从').inputValue()).toBe('2024-01-01')

    // VOA 2023-03-21T20:39Z and BBC 19:13Z are on 22 March in Shanghai, not on the 21st.
    const late = suite.bundle.entries.filter((e) => e.publishedAt.startsWith('2023-03-21'))
    await gotoList(page, '?from=2023-03-22&to=2023-03-22')
    await expect.poll(() => titles(page)).toEqual(late.map((e) => e.title))
    await gotoList(page, '?from=2023-03-21&to=2023-03-21')
    await expect.poll(() => page.locator('main').innerText()).toContain('没有符合条件的文章')

    await page.getByLabel('到').fill('2023-03-22')
    await expect.poll(() => search(page)).toBe('?from=2023-03-21&to=2023-03-22')
    await expect.poll(() => cards(page).count()).toBe(2)
  })

  test('typing a date with the keyboard keeps what is typed and adds one history entry', async () => {
    const page = await openPage()
    // Chromium's date field follows the browser's UI locale (en-US here), not the page's:
    // month / day / year segments, the arrow keys move between them.
    // Retyping the year of a set day: Chromium reports 0002-03-01, 0020-03-01, 0202-03-01 on the way.
    await gotoList(page, '?from=2023-03-01')
    const from = page.getByLabel('从')
    const before = await page.evaluate(() => history.length)
    await from.focus()
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.type('2024', { delay: 80 })
    await expect.poll(() => from.inputValue()).toBe('2024-03-01')
    await expect.poll(() => search(page)).toBe('?from=2024-03-01')
    expect(await page.evaluate(() => history.length)).toBe(before + 1)

    // An empty field typed digit by digit (month, day, year): the last digits pass through 0002…0202.
    const to = page.getByLabel('到')
    await to.focus()
    await to.pressSequentially('03312024', { delay: 80 })
    await expect.poll(() => to.inputValue()).toBe('2024-03-31')
    await expect.poll(() => search(page)).toBe('?from=2024-03-01&to=2024-03-31')
    expect(await page.evaluate(() => history.length)).toBe(before + 2)
    await page.goBack()
    await expect.poll(() => search(page)).toBe('?from=2024-03-01')
    await expect.poll(() => to.inputValue()).toBe('')
  })

  test('search as you type: 克里姆林宫 finds exactly the three seeds that contain it, q= in the URL, one history entry', async () => {
    const page = await openPage()
    await gotoList(page)
    const before = await page.evaluate(() => history.length)
    const box = page.getByRole('searchbox')
    await box.pressSequentially('克里姆林宫', { delay: 60 })
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('克里姆林宫')
    await expect.poll(() => statusOf(page).innerText()).toBe('共 3 篇')
    await expect.poll(() => cards(page).count()).toBe(3)
    const shown = (await titles(page)).map((title) => suite.bundle.entries.find((e) => e.title === title)!.outlet).sort()
    expect(shown).toEqual(['bbc', 'dw', 'voa'])
    expect(await page.evaluate(() => history.length)).toBe(before + 1)

    await page.reload()
    await settled(page)
    expect(await box.inputValue()).toBe('克里姆林宫')
    expect(await cards(page).count()).toBe(3)
  })

  test('typing slower than the debounce keeps every key: a commit that lands late never takes typed text back', async () => {
    const page = await openPage()
    await gotoList(page)
    const box = page.getByRole('searchbox')
    // Each key after the box has committed the one before: the list re-renders between keys.
    await box.pressSequentially('克里姆林宫', { delay: 150 })
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('克里姆林宫')
    expect(await box.inputValue()).toBe('克里姆林宫')
    await expect.poll(() => statusOf(page).innerText()).toBe('共 3 篇')
  })

  test('no results: an empty state that says how to widen the search; clear all filters restores everything', async () => {
    const page = await openPage()
    await gotoList(page, '?q=%E5%AE%87%E5%AE%99%E9%A3%9E%E8%88%B9&outlet=rfi')
    const main = await page.locator('main').innerText()
    expect(main).toContain('没有符合条件的文章')
    expect(main).toContain('试试减少搜索词')
    await page.getByRole('button', { name: '清除全部筛选' }).first().click()
    await expect.poll(() => search(page)).toBe('')
    await expect.poll(() => cards(page).count()).toBe(suite.bundle.entries.length)
    expect(await page.getByRole('searchbox').inputValue()).toBe('')
  })

})

describe('detail', () => {
  test('deep link: h1, outlet, time, reading time, original link, body lang, bookmark', async () => {
    const page = await openPage()
    const entry = byOutlet(suite.bundle, 'voa')
    const response = await page.goto(`/articles/${entry.id}`)
    expect(response?.status()).toBe(200)
    await expect.poll(() => page.locator('h1').innerText()).toBe(entry.title)
    const header = page.locator('main article header')
    expect(await header.innerText()).toContain('美国之音')
    expect(await header.locator('time').getAttribute('datetime')).toBe(entry.publishedAt)
    expect(await header.locator('time').innerText()).toBe('2023年3月22日周三 04:39')
    expect(await header.innerText()).toContain(`阅读约 ${entry.readingMinutes} 分钟`)
    const original = page.getByRole('link', { name: /阅读原文/ })
    expect(await original.getAttribute('href')).toBe(entry.url)
    expect(await original.getAttribute('target')).toBe('_blank')
    expect(await original.getAttribute('rel')).toBe('noopener noreferrer')
    const body = page.locator('.article-body')
    expect(await body.getAttribute('lang')).toBe(entry.lang)
    expect((await body.innerText()).length).toBeGreaterThan(200)
    expect(await page.getByRole('button', { name: /收藏/ }).getAttribute('aria-pressed')).toBe('false')
    // Readable measure: about 35–40 ideographs per line.
    const perLine = await body.evaluate((node) => node.getBoundingClientRect().width / parseFloat(getComputedStyle(node).fontSize))
    expect(perLine).toBeGreaterThanOrEqual(34)
    expect(perLine).toBeLessThanOrEqual(40)
    expect(Number.parseFloat(await body.evaluate((node) => getComputedStyle(node).lineHeight)) / 18).toBeGreaterThanOrEqual(1.8)
    await screenshot(page, 'detail-desktop')
  })

  test('previous/next walk the filtered list, back to the list keeps filters and scroll', async () => {
    const page = await openPage({ viewport: { width: 1280, height: 600 } })
    await gotoList(page, '?outlet=bbc,voa,zaobao')
    const expected = suite.bundle.entries.filter((e) => ['bbc', 'voa', 'zaobao'].includes(e.outlet))
    await expect.poll(() => cards(page).count()).toBe(3)
    await page.evaluate(() => window.scrollTo(0, document.scrollingElement!.scrollHeight))
    const scrolled = await page.evaluate(() => window.scrollY)
    expect(scrolled).toBeGreaterThan(200)
    await page.getByRole('link', { name: expected[1]!.title }).click()
    await expect.poll(() => page.locator('h1').innerText()).toBe(expected[1]!.title)
    expect(search(page)).toBe('?outlet=bbc,voa,zaobao')

    const pager = page.getByRole('navigation', { name: '同一筛选中的文章' })
    await expect.poll(() => pager.innerText()).toContain(expected[0]!.title)
    expect(await pager.innerText()).toContain(expected[2]!.title)
    await pager.getByRole('link', { name: new RegExp(`下一篇`) }).click()
    await expect.poll(() => page.locator('h1').innerText()).toBe(expected[2]!.title)
    await expect.poll(() => pager.innerText()).toContain('上一篇')
    expect(await pager.innerText()).not.toContain('下一篇')

    await page.getByRole('link', { name: '返回列表' }).click()
    await expect.poll(() => cards(page).count()).toBe(3)
    expect(search(page)).toBe('?outlet=bbc,voa,zaobao')
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled - 40)
  })

  test('not found: unknown path and unknown article id say 未找到 inside the layout', async () => {
    const page = await openPage()
    await page.goto('/no/such/page')
    await expect.poll(() => page.locator('main h1').innerText()).toContain('未找到')
    expect(await page.getByRole('navigation', { name: '主导航' }).count()).toBe(1)
    await screenshot(page, 'not-found-desktop')
    await page.goto('/articles/no-such-article-id')
    await expect.poll(() => page.locator('main h1').innerText()).toContain('未找到')
  })
})

describe('timeline', () => {
  test('groups by year, month and day; bars per month; clicking a month filters to it', async () => {
    const page = await openPage()
    await page.goto('/timeline')
    await expect.poll(() => page.locator('main article').count()).toBe(timelineItems(suite.bundle.entries))
    const years = await page.locator('main h2').allInnerTexts()
    expect(years).toEqual(['2024年', '2023年', '2022年'])
    const first = page.locator('main article').first()
    expect(await first.locator('time').getAttribute('datetime')).toBe(suite.bundle.entries[0]!.publishedAt)
    expect(await first.locator(`a[href="/articles/${suite.bundle.entries[0]!.id}"]`).count()).toBe(1)
    // Outlet colours are set by the app once it has hydrated the prerendered timeline (timeline-view.tsx).
    const border = (at: number) => page.locator('main article').nth(at).evaluate((node) => getComputedStyle(node).borderLeftColor)
    await expect.poll(async () => (await border(0)) !== (await border(1))).toBe(true)

    const march = page.getByRole('button', { name: /^2023年3月：2 篇/ })
    // Its name comes from its title (the tooltip), which holds each outlet's count.
    expect(await march.getAttribute('title')).toContain('BBC 中文 1')
    await screenshot(page, 'timeline-desktop')
    await march.click()
    await expect.poll(() => search(page)).toBe('?from=2023-03-01&to=2023-03-31')
    await expect.poll(() => page.locator('main article').count()).toBe(1)
    expect(await march.getAttribute('aria-pressed')).toBe('true')
    await page.goBack()
    await expect.poll(() => page.locator('main article').count()).toBe(timelineItems(suite.bundle.entries))
  })

  test('shares the filters: outlet and search apply, and the nav carries them between list and timeline', async () => {
    const page = await openPage()
    await gotoList(page, '?q=%E5%85%8B%E9%87%8C%E5%A7%86%E6%9E%97%E5%AE%AB')
    await page.getByRole('link', { name: '时间线' }).click()
    // The list shows the same query and count, so wait for the timeline itself before reading either.
    await expect.poll(() => new URL(page.url()).pathname).toBe('/timeline')
    await expect.poll(() => page.getByRole('link', { name: '时间线' }).getAttribute('aria-current')).toBe('page')
    expect(await search(page)).toBe('?q=%E5%85%8B%E9%87%8C%E5%A7%86%E6%9E%97%E5%AE%AB')
    // BBC's and VOA's reports of the summit are one story there.
    await expect.poll(() => page.locator('main article').count()).toBe(2)
  })
})

describe('bookmarks', () => {
  const STORE = 'archive-reader:bookmarks'

  test('toggle on the list and the detail, kept across reload, other tabs follow', async () => {
    const page = await openPage()
    await gotoList(page)
    const entry = suite.bundle.entries[1]!
    const button = page.locator('main article').nth(1).getByRole('button', { name: /收藏/ })
    expect(await button.getAttribute('aria-label')).toContain(entry.title)

    const other = await page.context().newPage()
    await other.goto('/')
    await settled(other)
    await expect.poll(() => cards(other).count()).toBe(suite.bundle.entries.length)
    const otherButton = cards(other).nth(1).getByRole('button', { name: /收藏/ })

    await button.click()
    expect(await button.getAttribute('aria-pressed')).toBe('true')
    await expect.poll(() => otherButton.getAttribute('aria-pressed')).toBe('true')

    await page.reload()
    await settled(page)
    expect(await cards(page).nth(1).getByRole('button', { name: /收藏/ }).getAttribute('aria-pressed')).toBe('true')

    await page.goto(`/articles/${entry.id}`)
    const detailButton = page.locator('main').getByRole('button', { name: /收藏/ })
    await expect.poll(() => detailButton.getAttribute('aria-pressed')).toBe('true')
    await detailButton.click()
    expect(await detailButton.getAttribute('aria-pressed')).toBe('false')
    await expect.poll(() => otherButton.getAttribute('aria-pressed')).toBe('false')
  })

  test('/bookmarks: newest bookmark first, filters apply, a bookmark gone from the archive stays listed and marked', async () => {
    const page = await openPage()
    await page.goto('/bookmarks')
    await page.evaluate(
      ([key, gone]) => localStorage.setItem(key, JSON.stringify({ version: 1, bookmarks: [gone] })),
      [
        STORE,
        {
          id: 'rfi-gone-from-archive',
          title: '一篇已经不在存档里的文章',
          url: 'https://www.rfi.fr/cn/gone',
          outlet: 'rfi',
          outletName: 'RFI 法广',
          publishedAt: '2024-02-01T02:00:00.000Z',
          addedAt: '2024-03-01T00:00:00.000Z',
        },
      ] as const,
    )
    await gotoList(page)
    const bbc = byOutlet(suite.bundle, 'bbc')
    const dw = byOutlet(suite.bundle, 'dw')
    await cards(page).filter({ hasText: bbc.title }).getByRole('button', { name: /收藏/ }).click()
    await cards(page).filter({ hasText: dw.title }).getByRole('button', { name: /收藏/ }).click()
    await page.getByRole('link', { name: '收藏', exact: true }).click()
    await expect.poll(() => page.locator('main article h2').allInnerTexts()).toEqual([dw.title, bbc.title, '一篇已经不在存档里的文章'])
    const gone = page.locator('main article').nth(2)
    await expect.poll(() => gone.innerText()).toContain('已不在存档中')
    expect(await gone.getByRole('link').getAttribute('href')).toBe('https://www.rfi.fr/cn/gone')
    expect(await page.locator('main article').nth(0).getAttribute('data-status')).toBe('present')
    await screenshot(page, 'bookmarks-desktop')

    await page.getByRole('checkbox', { name: /BBC/ }).click()
    await expect.poll(() => search(page)).toBe('?outlet=bbc')
    await expect.poll(() => page.locator('main article h2').allInnerTexts()).toEqual([bbc.title])
    expect(await statusOf(page).innerText()).toBe('显示 1 篇，共 3 篇收藏')
  })

  test('export downloads JSON; import merges; an invalid file says so and changes nothing', async () => {
    const page = await openPage()
    await gotoList(page)
    await cards(page).first().getByRole('button', { name: /收藏/ }).click()
    await page.goto('/bookmarks')
    await expect.poll(() => page.locator('main article').count()).toBe(1)

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出收藏' }).click()])
    expect(download.suggestedFilename()).toMatch(/^archive-reader-bookmarks-\d{4}-\d{2}-\d{2}\.json$/)
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as { bookmarks: { id: string }[] }
    expect(exported.bookmarks.map((b) => b.id)).toEqual([suite.bundle.entries[0]!.id])

    const second = suite.bundle.entries[3]!
    const outlet = suite.bundle.manifest.outlets.find((o) => o.id === second.outlet)!
    const incoming = {
      ...exported,
      bookmarks: [
        ...exported.bookmarks,
        { id: second.id, title: second.title, url: second.url, outlet: second.outlet, outletName: outlet.name, publishedAt: second.publishedAt, addedAt: '2020-01-01T00:00:00.000Z' },
      ],
    }
    const input = page.locator('input[type="file"]')
    await input.setInputFiles({ name: 'bookmarks.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(incoming)) })
    await expect.poll(() => page.locator('main').innerText()).toContain('已导入：新增 1 条')
    await expect.poll(() => page.locator('main article').count()).toBe(2)

    const stored = await page.evaluate((key) => localStorage.getItem(key), STORE)
    await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 1, "bookmarks": [{"id": 3}') })
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('导入失败')
    expect(await page.locator('main article').count()).toBe(2)
    expect(await page.evaluate((key) => localStorage.getItem(key), STORE)).toBe(stored)
  })
})

/** Relative luminance (WCAG) of a computed colour of the first element matching selector. */
async function luminance(page: Page, selector: string, property: 'color' | 'backgroundColor'): Promise<number> {
  const rgb = await page.locator(selector).first().evaluate((node, name) => getComputedStyle(node)[name], property)
  const canvas = await page.evaluate((colour) => {
    // Computed colours may be oklch(); a canvas pixel gives sRGB bytes for any CSS colour.
    const context = document.createElement('canvas').getContext('2d')!
    context.fillStyle = colour
    context.fillRect(0, 0, 1, 1)
    return [...context.getImageData(0, 0, 1, 1).data]
  }, rgb)
  // A transparent colour says nothing about what the reader sees.
  if (canvas[3] !== 255) return Number.NaN
  const [r, g, b] = canvas.slice(0, 3).map((byte) => {
    const c = byte / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

describe('look and feel', () => {
  const VIEWS = [
    { name: 'list', path: '/', ready: (page: Page) => expect.poll(() => cards(page).count()).toBe(suite.bundle.entries.length) },
    { name: 'detail', path: () => `/articles/${byOutlet(suite.bundle, 'bbc').id}`, ready: (page: Page) => expect.poll(() => page.locator('.article-body').count()).toBe(1) },
    { name: 'timeline', path: '/timeline', ready: (page: Page) => expect.poll(() => page.locator('main article').count()).toBe(timelineItems(suite.bundle.entries)) },
    { name: 'bookmarks', path: '/bookmarks', ready: (page: Page) => expect.poll(() => page.locator('main article').count()).toBe(1) },
    { name: 'notes', path: '/notes', ready: (page: Page) => expect.poll(() => page.locator('main h1').innerText()).toBe('我的笔记') },
    { name: 'not-found', path: '/nowhere', ready: (page: Page) => expect.poll(() => page.locator('main h1').innerText()).toContain('未找到') },
  ]

  const bookmarkOne = (page: Page) => seedBookmark(page, suite.bundle, byOutlet(suite.bundle, 'voa'))

  test('phone, 375 px: no sideways scrolling on any view', async () => {
    const page = await openPage({ viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true })
    await bookmarkOne(page)
    for (const view of VIEWS) {
      await page.goto(typeof view.path === 'string' ? view.path : view.path())
      await view.ready(page)
      await settled(page)
      const width = await page.evaluate(() => document.scrollingElement!.scrollWidth)
      expect(width, view.name).toBeLessThanOrEqual(375)
      await screenshot(page, `${view.name}-phone`)
    }
  })

  test('dark mode follows the system and the toggle, and the choice survives reload', async () => {
    const page = await openPage({ colorScheme: 'dark' })
    await bookmarkOne(page)
    const dark = () => page.evaluate(() => document.documentElement.classList.contains('dark'))
    await page.goto('/')
    await settled(page) // the toggle works once the app is live, not on the prerendered markup
    await expect.poll(dark).toBe(true)
    await page.getByRole('combobox', { name: '配色' }).selectOption('light')
    await expect.poll(dark).toBe(false)
    await page.reload()
    expect(await dark()).toBe(false) // the early script applies the stored choice before the first paint
    await settled(page)
    await page.getByRole('combobox', { name: '配色' }).selectOption('system')
    await expect.poll(dark).toBe(true)
    // Every view is dark, not only the frame: the page behind the text and the text itself.
    for (const view of VIEWS) {
      await page.goto(typeof view.path === 'string' ? view.path : view.path())
      await view.ready(page)
      await settled(page)
      expect(await luminance(page, 'html', 'backgroundColor'), `${view.name} background`).toBeLessThan(0.1)
      expect(await luminance(page, 'main h1, main h2', 'color'), `${view.name} heading`).toBeGreaterThan(0.6)
      await screenshot(page, `${view.name}-dark`)
    }
    await page.setViewportSize(VIEWPORTS.phone)
    await page.goto(`/articles/${byOutlet(suite.bundle, 'bbc').id}`)
    await VIEWS[1]!.ready(page)
    await settled(page)
    expect(await luminance(page, '.article-body p', 'color')).toBeGreaterThan(0.6)
    await screenshot(page, 'detail-phone-dark')
  })

  test('landmarks, skip link and the active nav link', async () => {
    const page = await openPage()
    await gotoList(page)
    for (const role of ['banner', 'main', 'contentinfo'] as const) expect(await page.getByRole(role).count(), role).toBe(1)
    expect(await page.getByRole('link', { name: '文章' }).getAttribute('aria-current')).toBe('page')
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: '跳到正文' })
    expect(await skip.evaluate((node) => node === document.activeElement)).toBe(true)
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main')
  })

})
