// Two interface languages and the reading settings, on the production build: chosen from the
// browser's languages, switched and remembered, <html lang> following; settings surviving a reload.
import type { BrowserContextOptions, Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { settled } from './browser'
import { browserSuite } from './suite'

const suite = browserSuite()

async function openPage(options: BrowserContextOptions = {}): Promise<Page> {
  const page = await suite.openPage(options)
  // Any CSP refusal (a style attribute, an inline script) fails the test.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      throw new Error(`CSP refused ${event.violatedDirective}: ${event.blockedURI}`)
    })
  })
  return page
}

async function visit(page: Page, path: string) {
  await page.goto(path)
  await settled(page)
}

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang)
const nav = (page: Page) => page.locator('header nav').innerText()
const countText = (page: Page) => page.locator('section[aria-label] [role="status"]').first().innerText()

describe('interface language', () => {
  test('an en-US browser gets the English interface; dates, numbers and <html lang> follow, article text keeps its own', async () => {
    const page = await openPage({ locale: 'en-US' })
    await visit(page, '/')
    expect(await htmlLang(page)).toBe('en')
    expect(await nav(page)).toMatch(/Articles\s+Timeline\s+Bookmarks/)
    expect(await countText(page)).toBe(`${suite.bundle.entries.length} articles`)
    const card = page.locator('main article').first()
    const first = suite.bundle.entries[0]!
    const expectedDate = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Asia/Shanghai' }).format(Date.parse(first.publishedAt))
    expect(await card.locator('time').innerText()).toBe(expectedDate)
    expect(await card.innerText()).toContain(`${first.readingMinutes} min read`)
    expect(await card.locator('h2').getAttribute('lang')).toBe(first.lang)
    expect(await page.title()).toBe('News Archive Reader')

    await visit(page, `/articles/${first.id}`)
    expect(await page.locator('.article-body').getAttribute('lang')).toBe(first.lang)
    expect(await page.getByRole('button', { name: 'Reading settings' }).count()).toBe(1)
    await visit(page, '/timeline')
    expect(await page.locator('main h1').innerText()).toBe('Timeline')
    // Month bars are named in English too: "March 2023: 2 articles (BBC 中文 1, 美国之音 1)".
    expect(await page.getByRole('button', { name: /^March 2023: 2 articles \(/ }).count()).toBe(1)
  })

  test('a zh-CN browser gets Chinese; the header switch changes the interface in place and is remembered across reload', async () => {
    const page = await openPage()
    await visit(page, '/?outlet=bbc,voa')
    expect(await htmlLang(page)).toBe('zh-Hans')
    expect(await countText(page)).toBe('共 2 篇')
    const select = page.getByRole('combobox', { name: '界面语言' })
    // Scrolled a little (the header's switch still in view): the re-render keeps the place.
    await page.evaluate(() => window.scrollTo(0, 20))
    const scrolled = await page.evaluate(() => window.scrollY)
    await select.selectOption('en')
    await expect.poll(() => htmlLang(page)).toBe('en')
    await expect.poll(() => countText(page)).toBe('2 articles')
    // The same view (the URL kept its filters), and the focus back on the switch.
    expect(new URL(page.url()).search).toBe('?outlet=bbc,voa')
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT')
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled)
    expect(await page.evaluate(() => localStorage.getItem('archive-reader:language'))).toBe('en')

    await page.reload()
    await settled(page)
    expect(await htmlLang(page)).toBe('en')
    expect(await nav(page)).toMatch(/Articles/)
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh')
    await expect.poll(() => htmlLang(page)).toBe('zh-Hans')
    await expect.poll(() => countText(page)).toBe('共 2 篇')
  })

  test('a stored value this app does not know is ignored and left in place', async () => {
    const page = await openPage({ locale: 'en-US' })
    await page.goto('/nowhere')
    await page.evaluate(() => localStorage.setItem('archive-reader:language', 'klingon'))
    await visit(page, '/')
    expect(await htmlLang(page)).toBe('en')
    expect(await page.evaluate(() => localStorage.getItem('archive-reader:language'))).toBe('klingon')
  })
})

describe('reading settings', () => {
  const body = (page: Page) =>
    page.locator('.article-body').evaluate((node) => {
      const style = getComputedStyle(node)
      return { size: style.fontSize, lineHeight: Math.round(parseFloat(style.lineHeight) * 10) / 10, width: style.maxWidth }
    })
  const expected = (size: number, leading: number, measure: number) => ({ size: `${size}px`, lineHeight: Math.round(size * leading * 10) / 10, width: `${measure * size}px` })

  test('text size, line spacing and width apply at once and survive a reload', async () => {
    const page = await openPage()
    const article = suite.bundle.entries.find((entry) => entry.lang === 'zh-Hans')!
    await visit(page, `/articles/${article.id}`)
    expect(await body(page)).toEqual(expected(18, 1.9, 38))
    const opener = page.getByRole('button', { name: '阅读设置' })
    await opener.click()
    const dialog = page.getByRole('dialog', { name: '阅读设置' })
    await dialog.getByText('特大').click()
    await dialog.getByText('宽松').click()
    await dialog.getByRole('group', { name: '版心宽度' }).getByText('宽', { exact: true }).click()
    await expect.poll(() => body(page)).toEqual(expected(24, 1.9 * 1.16, 46))
    expect(await dialog.getByRole('radio', { name: '特大' }).isChecked()).toBe(true)
    // Esc closes the panel first; it does not also leave the article.
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.count()).toBe(0)
    await expect.poll(() => opener.evaluate((node) => node === document.activeElement)).toBe(true)
    expect(new URL(page.url()).pathname).toBe(`/articles/${article.id}`)

    await page.reload()
    await settled(page)
    expect(await body(page)).toEqual(expected(24, 1.9 * 1.16, 46))
    await opener.click()
    await page.getByRole('dialog').getByRole('button', { name: '恢复默认' }).click()
    await expect.poll(() => body(page)).toEqual(expected(18, 1.9, 38))
  })

  test('the panel appears without animation when the reader asks for reduced motion', async () => {
    const animationOf = async (reducedMotion: 'reduce' | 'no-preference') => {
      const page = await openPage({ reducedMotion })
      await visit(page, `/articles/${suite.bundle.entries[0]!.id}`)
      await page.getByRole('button', { name: '阅读设置' }).click()
      return page.getByRole('dialog').evaluate((node) => getComputedStyle(node).animationName)
    }
    expect(await animationOf('no-preference')).toBe('reader-dialog-in')
    expect(await animationOf('reduce')).toBe('none')
  })
})
