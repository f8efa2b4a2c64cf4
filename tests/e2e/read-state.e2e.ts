// Read state and saved searches against the production build: marks follow the reader across
// views and tabs, unread=1 and mark-all-read, a saved search's count and new-count.
import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { seriousViolations } from './a11y'
import { screenshot, settled, VIEWPORTS } from './browser'
import { browserSuite } from './suite'
import { SAVED_SEARCHES_KEY, seedReadMarks, seedSavedSearch } from './reader-data'

const suite = browserSuite()

const { openContext, openPage } = suite

const KREMLIN = '克里姆林宫'
const statusOf = (page: Page) => page.locator('section[aria-label="筛选"] [role="status"]').first()
const cards = (page: Page) => page.locator('main article')
const readCards = (page: Page) => page.locator('main article:has([data-read])')
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const readLink = (page: Page, title: string) => page.getByRole('link', { name: new RegExp(`^${escaped(title)}\\s*（\\s*已读\\s*）$`) })
/** The panel's link to a saved search, named 名称：N 篇[，M 篇新文章] (any count when total is omitted). */
const savedLink = (page: Page, name: string, total?: number, fresh?: number) =>
  panel(page).getByRole('link', {
    name: new RegExp(`^${escaped(name)}\\s*：\\s*${total ?? '\\d+'} 篇${fresh === undefined ? '' : `\\s*，\\s*${fresh} 篇新文章`}$`),
  })
const panel = (page: Page) => page.getByRole('complementary', { name: /保存的搜索/ })

async function goto(page: Page, path: string) {
  await page.goto(path)
  await settled(page)
}

describe('read state', () => {
  test('an opened article shows read in the list, dimmed, with 已读 in its name; the others do not', async () => {
    const page = await openPage()
    const [first, second] = suite.bundle.entries
    await goto(page, '/')
    expect(await readCards(page).count()).toBe(0)
    await page.getByRole('link', { name: first!.title, exact: true }).click()
    await page.getByRole('heading', { level: 1, name: first!.title }).waitFor()
    await page.goBack()
    await readLink(page, first!.title).waitFor()
    expect(await readCards(page).count()).toBe(1)
    expect(await page.getByRole('link', { name: second!.title, exact: true }).count()).toBe(1)
    const colour = (title: string) => page.locator('main article h2', { hasText: title }).evaluate((node) => getComputedStyle(node).color)
    expect(await colour(first!.title)).not.toBe(await colour(second!.title))

    // The timeline and a search that finds it show the mark too, and it survives a reload.
    await goto(page, '/timeline')
    await readLink(page, first!.title).waitFor()
    await goto(page, `/?q=${encodeURIComponent(first!.title.slice(0, 4))}`)
    await readLink(page, first!.title).waitFor()
    await page.reload()
    await settled(page)
    await readLink(page, first!.title).waitFor()
  })

  test('two tabs: an article opened in one shows read in the other without a reload', async () => {
    const context = await openContext()
    const list = await openPage(context)
    const reader = await openPage(context)
    const entry = suite.bundle.entries.at(-1)!
    await goto(list, '/')
    await goto(reader, `/articles/${entry.id}`)
    await readLink(list, entry.title).waitFor()
    expect(await readCards(list).count()).toBe(1)
  })

  test('?unread=1 lists only unread articles, its toggle is pressed and kept in the URL', async () => {
    const page = await openPage()
    await goto(page, '/nowhere')
    const read = suite.bundle.entries.slice(0, 2)
    await seedReadMarks(page, read.map((entry) => entry.id))
    await goto(page, '/?unread=1')
    await expect.poll(() => cards(page).count()).toBe(suite.bundle.entries.length - 2)
    for (const entry of read) expect(await page.getByRole('link', { name: new RegExp(entry.title.slice(0, 10)) }).count()).toBe(0)
    const toggle = page.getByRole('button', { name: '只看未读' })
    expect(await toggle.getAttribute('aria-pressed')).toBe('true')

    // The box is the address's (a navigation, in a transition): on a busy machine it shows checked
    // once that has rendered, not within check()'s own look right after the click.
    const bbcBox = page.getByRole('checkbox', { name: /BBC/ })
    await bbcBox.click()
    await expect.poll(() => new URL(page.url()).searchParams.get('outlet')).toBe('bbc')
    await expect.poll(() => bbcBox.isChecked()).toBe(true)
    await expect.poll(() => new URL(page.url()).searchParams.get('unread')).toBe('1')
    await toggle.click()
    await expect.poll(() => new URL(page.url()).searchParams.get('unread')).toBeNull()
    // The URL moves before React renders the change: wait for the toggle, then for the read ones to come back.
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false')
    const bbc = suite.bundle.entries.filter((entry) => entry.outlet === 'bbc')
    await expect.poll(() => cards(page).count()).toBe(bbc.length)
  })

  test('mark all in this view as read marks the filtered list only', async () => {
    const page = await openPage()
    const bbc = suite.bundle.entries.filter((entry) => entry.outlet === 'bbc')
    await goto(page, '/?outlet=bbc')
    await page.getByRole('button', { name: `全部标为已读（${bbc.length} 篇）` }).click()
    await expect.poll(() => readCards(page).count()).toBe(bbc.length)
    expect(await page.getByRole('button', { name: '全部标为已读（0 篇）' }).getAttribute('aria-disabled')).toBe('true')

    await goto(page, '/?unread=1')
    await expect.poll(() => cards(page).count()).toBe(suite.bundle.entries.length - bbc.length)
    expect(await readCards(page).count()).toBe(0)
  })
})

describe('saved searches', () => {
  test('saving the current search lists it with its count; opening it from the panel shows its list', async () => {
    const page = await openPage()
    await goto(page, `/?q=${encodeURIComponent(KREMLIN)}`)
    // 最多 N 篇 until the results' texts are checked (克里姆林宫 is more than one index key), then 共 N 篇.
    await expect.poll(() => statusOf(page).innerText()).toMatch(/^共 \d+ 篇$/)
    const total = Number(/共 (\d+) 篇/.exec(await statusOf(page).innerText())![1])
    expect(total).toBeGreaterThan(0)
    await panel(page).getByRole('button', { name: '保存当前搜索' }).click()
    await panel(page).getByRole('textbox', { name: '名称' }).fill('克宫')
    await panel(page).getByRole('button', { name: '保存', exact: true }).click()
    const link = savedLink(page, '克宫', total)
    await link.waitFor()

    await goto(page, '/')
    await link.click()
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(KREMLIN)
    await settled(page)
    await expect.poll(() => statusOf(page).innerText()).toBe(`共 ${total} 篇`)
    await page.reload()
    await link.waitFor()
  })

  test('a saved search counts what is new since it was last opened; opening it clears that', async () => {
    const page = await openPage()
    await goto(page, `/?q=${encodeURIComponent(KREMLIN)}`)
    await expect.poll(() => cards(page).count()).toBeGreaterThan(1)
    const times = await page.locator('main article time').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('datetime')!))
    const oldest = times.at(-1)!
    const newer = times.filter((time) => Date.parse(time) > Date.parse(oldest)).length
    expect(newer).toBeGreaterThan(0)
    await seedSavedSearch(page, '克宫', `?q=${encodeURIComponent(KREMLIN)}`, oldest)
    await seedReadMarks(page, [suite.bundle.entries[1]!.id])
    await goto(page, '/')
    await savedLink(page, '克宫', times.length, newer).waitFor()
    await screenshot(page, 'saved-searches-desktop')
    await savedLink(page, '克宫', times.length, newer).click()
    await savedLink(page, '克宫', times.length).waitFor()
    const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!), SAVED_SEARCHES_KEY)
    expect(stored.searches[0]).toMatchObject({ seenNewest: suite.bundle.entries[0]!.publishedAt, openedAt: expect.any(String) })

    // Rename, then delete.
    await panel(page).getByRole('button', { name: '重命名：克宫' }).click()
    await panel(page).getByRole('textbox', { name: '名称' }).fill('克里姆林宫报道')
    await panel(page).getByRole('button', { name: '保存', exact: true }).click()
    await panel(page).getByRole('button', { name: '删除保存的搜索：克里姆林宫报道' }).click()
    await panel(page).getByText('还没有保存的搜索').waitFor()
  })

  test.each(['light', 'dark'] as const)('phone, %s: the panel folds to one button, opens, and axe finds nothing serious', async (colorScheme) => {
    const context = await openContext({ viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true, colorScheme, bypassCSP: true })
    const page = await openPage(context)
    await goto(page, '/nowhere')
    await seedReadMarks(page, [suite.bundle.entries[0]!.id])
    await seedSavedSearch(page, '克宫', `?q=${encodeURIComponent(KREMLIN)}`, null)
    await goto(page, '/')
    const toggle = panel(page).getByRole('button', { name: '保存的搜索（1）' })
    expect(await toggle.getAttribute('aria-expanded')).toBe('false')
    expect(await panel(page).getByRole('link').count()).toBe(0)
    await toggle.click()
    // Never opened, nothing seen: every match is new.
    await panel(page).getByRole('link', { name: /^克宫\s*：\s*(\d+) 篇\s*，\s*\1 篇新文章$/ }).waitFor()
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
    await screenshot(page, `saved-searches-phone-${colorScheme}`)
    expect(await seriousViolations(page)).toEqual([])
  })
})
