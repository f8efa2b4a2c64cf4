// Stories and the script control against the production build over the seeds, where BBC's and
// VOA's reports of the 2023-03-21 Xi–Putin summit are one story (Asia/Shanghai).
import { readdirSync, readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { seriousViolations } from './a11y'
import { screenshot, settled, VIEWPORTS } from './browser'
import { byOutlet } from './bundle'
import { browserSuite } from './suite'
import { DIST } from './preview-server'

const suite = browserSuite()

const openPage = suite.openPage

const bbc = () => byOutlet(suite.bundle, 'bbc')
const voa = () => byOutlet(suite.bundle, 'voa')
const storyId = () => voa().story!.id

test('the seeds hold one story: BBC and VOA on the summit, and no other article in a story', () => {
  const inStories = suite.bundle.entries.filter((entry) => entry.story)
  expect(inStories.map((entry) => entry.outlet).sort()).toEqual(['bbc', 'voa'])
  expect(new Set(inStories.map((entry) => entry.story!.id)).size).toBe(1)
})

describe('the detail section', () => {
  test('lists the other report with outlet, local time and link, the first marked 首发, and leads to the story page', async () => {
    const page = await openPage()
    await page.goto(`/articles/${voa().id}`)
    const section = page.getByRole('region', { name: '同一事件的其他报道' })
    const item = section.getByRole('listitem')
    await expect.poll(() => item.count()).toBe(1)
    expect(await item.innerText()).toContain('BBC 中文')
    expect(await item.innerText()).toContain('首发')
    // 19:13 UTC on the 21st is 03:13 on the 22nd in Shanghai.
    expect(await item.locator('time').innerText()).toMatch(/2023年3月22日.*03:13/)
    await item.getByRole('link', { name: bbc().title }).waitFor()
    await settled(page)
    await screenshot(page, 'story-section-desktop')

    await page.goto(`/articles/${bbc().id}`)
    await page.getByText('本文是这一事件的首发报道。').waitFor()
    await page.getByRole('region', { name: '同一事件的其他报道' }).getByRole('link', { name: /查看整个事件/ }).click()
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/stories/${storyId()}`)
    await page.getByRole('heading', { level: 1, name: bbc().title }).waitFor()
  })
})

describe('the story page', () => {
  test('outlet strip, timeline in local time, headlines side by side (stacked on a phone), absent outlets; screenshots', async () => {
    const page = await openPage()
    await page.goto(`/stories/${storyId()}`)
    await settled(page)
    const strip = page.getByRole('region', { name: '报道的媒体' }).getByRole('listitem')
    expect((await strip.allInnerTexts()).map((text) => text.replace(/\s+/g, ''))).toEqual(['BBC中文1篇', '美国之音1篇'])
    const reports = page.getByRole('list', { name: '时间轴（当地时间）' }).getByRole('listitem')
    expect(await reports.count()).toBe(2)
    expect(await reports.nth(0).innerText()).toContain('首发')
    expect(await reports.nth(1).innerText()).toContain('首发后 1 小时 26 分钟')
    expect(await reports.nth(1).locator('time').innerText()).toMatch(/2023年3月22日.*04:39/)
    expect(await page.getByRole('region', { name: '同期未报道的媒体' }).innerText()).toContain('同期存档里的每家媒体都报道了这一事件')

    const columns = page.getByRole('region', { name: '各媒体的标题' }).getByRole('region')
    const [left, right] = [await columns.nth(0).boundingBox(), await columns.nth(1).boundingBox()]
    expect(right!.y).toBe(left!.y)
    expect(right!.x).toBeGreaterThan(left!.x + left!.width - 1)
    await screenshot(page, 'story-desktop')

    await page.setViewportSize(VIEWPORTS.phone)
    await expect.poll(async () => (await columns.nth(1).boundingBox())!.y).toBeGreaterThan((await columns.nth(0).boundingBox())!.y)
    expect((await columns.nth(1).boundingBox())!.x).toBe((await columns.nth(0).boundingBox())!.x)
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(VIEWPORTS.phone.width)
    await screenshot(page, 'story-phone')

    // Back to the detail from the timeline of reports.
    await reports.nth(1).getByRole('link').click()
    await page.getByRole('heading', { level: 1, name: voa().title }).waitFor()
  })

  test('dark, desktop and phone: no serious or critical axe violation', async () => {
    for (const viewport of [VIEWPORTS.desktop, VIEWPORTS.phone]) {
      const page = await openPage({ colorScheme: 'dark', viewport, bypassCSP: true })
      await page.goto(`/stories/${storyId()}`)
      await settled(page)
      expect(await seriousViolations(page)).toEqual([])
      if (viewport === VIEWPORTS.desktop) await screenshot(page, 'story-dark')
    }
  })

  test('an unknown or malformed id shows the not-found state', async () => {
    const page = await openPage()
    for (const id of ['s-aaaaaaaaaaaa', 'nonsense', '..%2Fmanifest.json']) {
      await page.goto(`/stories/${id}`)
      await page.getByRole('heading', { level: 1, name: '未找到这个事件' }).waitFor()
    }
  })
})

describe('the timeline', () => {
  test('shows the story as one entry with both badges and a count, expandable in place, linked to the story page', async () => {
    const page = await openPage()
    await page.goto('/timeline')
    await settled(page)
    const entry = page.locator('main article', { hasText: '2 篇报道' })
    await expect.poll(() => entry.count()).toBe(1)
    expect(await entry.innerText()).toContain('BBC 中文')
    expect(await entry.innerText()).toContain('美国之音')
    expect(await page.locator('main article').count()).toBe(suite.bundle.entries.length - 1)
    const disclosure = entry.getByRole('button', { name: '展开 2 篇报道' })
    expect(await disclosure.getAttribute('aria-expanded')).toBe('false')
    await disclosure.click()
    const members = entry.getByRole('list', { name: /同一事件的报道/ }).getByRole('listitem')
    await expect.poll(() => members.count()).toBe(2)
    expect(await members.nth(0).innerText()).toContain('首发')
    expect(await entry.getByRole('button', { name: '收起' }).getAttribute('aria-expanded')).toBe('true')
    await screenshot(page, 'story-timeline-desktop')
    await entry.getByRole('link', { name: '查看整个事件' }).click()
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/stories/${storyId()}`)
  })
})

describe('the list with ?group=story', () => {
  test('the filter bar toggle gives one card per story with its outlets, kept in the URL across reload and back', async () => {
    const page = await openPage()
    await page.goto('/')
    await settled(page)
    const cards = page.locator('main article')
    await expect.poll(() => cards.count()).toBe(suite.bundle.entries.length)
    // A click, not check(): the box follows the URL, so it shows checked only once the navigation renders.
    await page.getByRole('checkbox', { name: '按事件合并' }).click()
    await expect.poll(() => new URL(page.url()).search).toBe('?group=story')
    await expect.poll(() => page.getByRole('checkbox', { name: '按事件合并' }).isChecked()).toBe(true)
    await expect.poll(() => cards.count()).toBe(suite.bundle.entries.length - 1)
    await page.reload()
    await settled(page)
    await expect.poll(() => cards.count()).toBe(suite.bundle.entries.length - 1)
    expect(await page.getByRole('checkbox', { name: '按事件合并' }).isChecked()).toBe(true)
    const card = page.locator('main article', { hasText: '2 篇报道' })
    expect(await card.innerText()).toContain('BBC 中文')
    expect(await card.innerText()).toContain('美国之音')
    expect(await card.getByRole('link', { name: /查看整个事件/ }).getAttribute('href')).toBe(`/stories/${storyId()}`)
    await page.goBack()
    await expect.poll(() => cards.count()).toBe(suite.bundle.entries.length)
  })
})

describe('the script control', () => {
  test('繁 converts title and body, loads only the cn→tw converter, and survives a reload; 原文 restores the text', async () => {
    const page = await openPage()
    const violations = await watchCsp(page)
    const chunks: string[] = []
    page.on('request', (request) => {
      const name = /\/assets\/(cn2t|t2cn)-/.exec(request.url())?.[1]
      if (name) chunks.push(name)
    })
    await page.goto(`/articles/${voa().id}`)
    await settled(page)
    const title = page.getByRole('heading', { level: 1 })
    const body = page.locator('.safe-html')
    const original = { title: await title.innerText(), body: await body.innerText(), html: await body.innerHTML() }
    expect(chunks).toEqual([])

    await page.getByText('繁', { exact: true }).click()
    await expect.poll(() => title.innerText()).toBe('中俄元首呼籲重啟烏克蘭和談,普京稱西方沒準備好；美回應：如俄撤軍，戰爭今天就可結束')
    await expect.poll(() => body.getAttribute('lang')).toBe('zh-Hant')
    expect(await body.innerText()).not.toBe(original.body)
    expect(await body.innerText()).toContain('俄羅斯')
    expect(chunks).toEqual(['cn2t'])

    await page.reload()
    await expect.poll(() => title.innerText()).toBe('中俄元首呼籲重啟烏克蘭和談,普京稱西方沒準備好；美回應：如俄撤軍，戰爭今天就可結束')
    expect(await page.getByRole('radio', { name: '繁' }).isChecked()).toBe(true)
    await expect.poll(() => body.innerText()).toContain('俄羅斯')
    await page.setViewportSize(VIEWPORTS.phone)
    await screenshot(page, 'script-control-phone')

    await page.getByText('原文', { exact: true }).click()
    await expect.poll(() => title.innerText()).toBe(original.title)
    expect(await body.innerHTML()).toBe(original.html)
    expect(chunks.filter((name) => name === 't2cn')).toEqual([])
    // The conversion ran under the production CSP and Trusted Types, and so did the story page.
    await page.goto(`/stories/${storyId()}`)
    await settled(page)
    expect(violations).toEqual([])
  })

  test('繁 stays on an article opened again in the app (VOA, then BBC through the story, then back)', async () => {
    const page = await openPage()
    await page.goto(`/articles/${voa().id}`)
    await settled(page)
    const body = page.locator('.safe-html')
    await page.getByText('繁', { exact: true }).click()
    await expect.poll(() => body.innerText()).toContain('俄羅斯')
    await page.locator(`main a[href^="/articles/${bbc().id}"]`).first().click()
    await expect.poll(() => page.locator('main h1').innerText()).toContain('習近平')
    await page.goBack()
    await expect.poll(() => page.locator('main h1').innerText()).toContain('烏克蘭')
    await expect.poll(() => body.innerText()).toContain('俄羅斯')
    expect(await body.getAttribute('lang')).toBe('zh-Hant')
  })

  test('the build keeps both converters out of the entry and the article chunk', () => {
    const assets = `${DIST}/assets`
    const read = (file: string) => readFileSync(`${assets}/${file}`, 'utf8')
    /** A file and every chunk it imports statically, following the import graph. */
    const staticGraph = (file: string, seen = new Set<string>()): Set<string> => {
      if (seen.has(file)) return seen
      seen.add(file)
      for (const match of read(file).matchAll(/(?:import|from)\s*["'`]\.\/([\w.-]+\.js)["'`]/g)) staticGraph(match[1]!, seen)
      return seen
    }
    const entry = /src="\/assets\/([\w.-]+\.js)"/.exec(readFileSync(`${DIST}/index.html`, 'utf8'))![1]!
    const article = readdirSync(assets).find((file) => /^article-[\w-]+\.js$/.test(file))!
    const converters = readdirSync(assets).filter((file) => /^(cn2t|t2cn)-[\w-]+\.js$/.test(file))
    expect(converters).toHaveLength(2)
    for (const root of [entry, article]) {
      const graph = staticGraph(root)
      for (const file of graph) expect(read(file), `${file} (from ${root})`).not.toContain('trie_val')
      for (const converter of converters) expect(graph.has(converter), `${converter} in ${root}`).toBe(false)
    }
  })
})

/** Every CSP or Trusted Types violation the page reports from now on. */
async function watchCsp(page: Page): Promise<string[]> {
  const found: string[] = []
  await page.exposeFunction('__cspReport', (report: string) => void found.push(report))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __cspReport: (report: string) => void }).__cspReport
      report(`${location.pathname}: ${event.effectiveDirective} blocked ${event.blockedURI} ${event.sample}`)
    })
  })
  return found
}
