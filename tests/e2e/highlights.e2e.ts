// Highlights, notes, citations and exports against the production build (Asia/Shanghai).
import { readFileSync } from 'node:fs'
import { parse as parseBibtex } from '@retorquere/bibtex-parser'
import { Ajv } from 'ajv'
import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { screenshot, SCREENSHOT_DIR, settled } from './browser'
import { byOutlet, seedBookmark } from './bundle'
import { browserSuite } from './suite'
import { body, highlightWithNote, openArticle, openCiteDialog, selectText } from './notes-helpers'

const suite = browserSuite()

const openPage = suite.openPage

const QUOTE = '卡西斯周三在北京的新闻发布会上'
const marks = (page: Page) => page.locator('.article-body mark[data-annotation]')
/** The highlighted text as a reader sees it (the hidden label left out). */
const markedText = (page: Page) =>
  marks(page).evaluateAll((nodes) => nodes.map((node) => [...node.childNodes].filter((child) => child.nodeType === Node.TEXT_NODE).map((child) => child.textContent).join('')).join(''))

describe('highlights on the detail', () => {
  test('select text, highlight it with a note; it is reachable by keyboard, survives a reload and a script change, and a lost passage is kept as detached', async () => {
    const page = await openPage()
    const rfi = byOutlet(suite.bundle, 'rfi')
    await openArticle(page, rfi.id)
    await selectText(page, QUOTE)
    const toolbar = page.getByRole('toolbar', { name: '标注选中的文字' })
    await toolbar.waitFor()
    await toolbar.evaluate((node) => node.scrollIntoView({ block: 'center' }))
    await page.screenshot({ path: `${SCREENSHOT_DIR}/highlight-toolbar.png` })
    await highlightWithNote(page, '外长在北京', QUOTE)
    await expect.poll(() => markedText(page)).toBe(QUOTE)
    const panel = page.getByRole('region', { name: '本文的高亮和笔记' })
    expect(await panel.innerText()).toContain('外长在北京')
    await marks(page).first().evaluate((node) => node.scrollIntoView({ block: 'center' }))
    await page.screenshot({ path: `${SCREENSHOT_DIR}/highlight-detail.png` })

    // Keyboard and screen reader: the highlight is a tab stop, labelled, described by its note; Enter goes to its entry.
    const first = page.locator('.article-body mark[data-annotation-first]')
    expect(await first.getAttribute('tabindex')).toBe('0')
    expect(await first.innerText()).toContain('有笔记的高亮')
    const described = await first.getAttribute('aria-describedby')
    expect(await page.locator(`[id="${described}"]`).innerText()).toContain('外长在北京')
    await first.focus()
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('编辑笔记')

    await page.reload()
    await settled(page)
    await expect.poll(() => markedText(page)).toBe(QUOTE)
    expect(await panel.innerText()).toContain('外长在北京')

    // A script change: the body's text nodes converted in place to Traditional, as the reading control does.
    await body(page).evaluate((root) => {
      const table: Record<string, string> = { 卡: '卡', 闻: '聞', 发: '發', 会: '會', 问: '問', 对: '對', 这: '這' }
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      const nodes: Text[] = []
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text)
      for (const node of nodes) node.data = [...node.data].map((char) => table[char] ?? char).join('')
    })
    await expect.poll(() => markedText(page)).toBe('卡西斯周三在北京的新聞發布會上')

    // The article's text no longer holds the passage (a changed archive): kept, listed as detached.
    await page.evaluate(() => {
      const stored = JSON.parse(localStorage.getItem('archive-reader:annotations')!) as { annotations: { target: { exact: string } }[] }
      stored.annotations[0]!.target.exact = '这段文字不在正文里'
      localStorage.setItem('archive-reader:annotations', JSON.stringify(stored))
    })
    await page.reload()
    await settled(page)
    const detached = page.getByRole('heading', { name: '无法在正文中定位的高亮' })
    await expect.poll(() => detached.count()).toBe(1)
    expect(await marks(page).count()).toBe(0)
    expect(await panel.innerText()).toContain('这段文字不在正文里')
  })

  test('a note on the whole article is saved and shown again', async () => {
    const page = await openPage()
    await openArticle(page, byOutlet(suite.bundle, 'bbc').id)
    await page.getByRole('textbox', { name: '对整篇文章的笔记' }).fill('整篇值得再读')
    await page.getByRole('region', { name: '本文的高亮和笔记' }).getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.getByText('笔记已保存。').count()).toBe(1)
    await page.reload()
    await settled(page)
    await expect.poll(() => page.getByRole('textbox', { name: '对整篇文章的笔记' }).inputValue()).toBe('整篇值得再读')
  })
})

describe('/notes', () => {
  test('lists every highlight and note newest first, with article link, outlet and date, under the archive filters', async () => {
    const page = await openPage()
    const rfi = byOutlet(suite.bundle, 'rfi')
    const bbc = byOutlet(suite.bundle, 'bbc')
    await openArticle(page, rfi.id)
    await highlightWithNote(page, '外长在北京', QUOTE)
    await openArticle(page, bbc.id)
    await page.getByRole('textbox', { name: '对整篇文章的笔记' }).fill('整篇值得再读')
    await page.getByRole('region', { name: '本文的高亮和笔记' }).getByRole('button', { name: '保存' }).click()

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '笔记' }).click()
    await settled(page)
    const cards = page.locator('main ol article')
    await expect.poll(() => cards.count()).toBe(2)
    expect(await cards.nth(0).innerText()).toContain('整篇值得再读')
    const second = await cards.nth(1).innerText()
    expect(second).toContain(QUOTE)
    expect(second).toContain('外长在北京')
    expect(second).toContain(suite.bundle.manifest.outlets.find((o) => o.id === 'rfi')!.name)
    expect(second).toContain('2024年2月7日')
    expect(await cards.nth(1).getByRole('link', { name: rfi.title }).getAttribute('href')).toBe(`/articles/${rfi.id}`)
    await screenshot(page, 'notes-desktop')

    const status = page.locator('section[aria-label="筛选"] [role="status"]')
    await page.getByRole('searchbox', { name: '搜索高亮、笔记、标题和媒体' }).fill('新闻发布会')
    await expect.poll(() => status.innerText()).toBe('显示 1 条，共 2 条')
    expect(await cards.count()).toBe(1)
    await page.goto('/notes?outlet=bbc')
    await settled(page)
    await expect.poll(() => cards.count()).toBe(1)
    expect(await cards.nth(0).innerText()).toContain('整篇值得再读')
  })

  test('exports the selected or all notes; each format parses back', async () => {
    const page = await openPage({ acceptDownloads: true })
    const rfi = byOutlet(suite.bundle, 'rfi')
    await openArticle(page, rfi.id)
    await highlightWithNote(page, '外长在北京', QUOTE)
    await page.goto('/notes')
    await settled(page)
    await page.getByRole('checkbox', { name: `选择：${QUOTE}` }).check()
    const download = async (format: string, button: RegExp) => {
      await page.getByRole('combobox', { name: '格式' }).selectOption(format)
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()])
      return readFileSync((await file.path())!, 'utf8')
    }
    const csl = JSON.parse(await download('csl-json', /^导出所选（1）$/)) as unknown
    const validate = new Ajv({ strict: false }).compile(JSON.parse(readFileSync('tests/vendor/csl-data.json', 'utf8')) as object)
    expect(validate(csl), JSON.stringify(validate.errors)).toBe(true)
    expect(csl).toEqual([expect.objectContaining({ id: rfi.id, type: 'article-newspaper', title: rfi.title, URL: rfi.url, issued: { 'date-parts': [[2024, 2, 7]] }, note: `“${QUOTE}” — 外长在北京` })])

    const bib = parseBibtex(await download('bibtex', /^全部导出/), { sentenceCase: false })
    expect(bib.errors).toEqual([])
    expect(bib.entries[0]!.fields).toMatchObject({ title: rfi.title, journal: 'RFI 法广', url: rfi.url })

    const ris = await download('ris', /^全部导出/)
    expect(ris).toMatch(/^TY {2}- NEWS\r\n/)
    expect(ris).toContain(`\r\nTI  - ${rfi.title}\r\n`)
    expect(ris).toContain('\r\nT2  - RFI 法广\r\n')
    expect(ris).toContain('\r\nER  -')

    const markdown = await download('markdown', /^全部导出/)
    expect(markdown).toContain(`> ${QUOTE}\n>\n> —— 《`)
  })
})

describe('cite', () => {
  test('the dialog gives GB/T 7714, APA and Chicago; copy puts the text on the clipboard', async () => {
    const page = await openPage()
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
    const rfi = byOutlet(suite.bundle, 'rfi')
    await openCiteDialog(page, rfi)
    const dialog = page.getByRole('dialog', { name: '引用这篇文章' })
    const gbt = await dialog.locator('[data-citation="gbt7714"]').innerText()
    expect(gbt).toMatch(new RegExp(`^${rfi.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\[N/OL\\]\\. RFI 法广, 2024-02-07\\[\\d{4}-\\d{2}-\\d{2}\\]\\. https://`))
    expect(await dialog.locator('[data-citation="apa"]').innerText()).toContain('(2024, February 7)')
    expect(await dialog.locator('[data-citation="chicago"]').innerText()).toContain('February 7, 2024. Accessed')
    await page.screenshot({ path: `${SCREENSHOT_DIR}/cite-dialog.png` })
    await dialog.getByRole('button', { name: '复制 APA 引文' }).click()
    await expect.poll(() => dialog.getByRole('status').innerText()).toBe('已复制 APA 引文。')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await dialog.locator('[data-citation="apa"]').innerText())
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.isVisible()).toBe(false)
  })

  test('without a clipboard the citation is selected for copying by hand, and the reader told', async () => {
    const page = await openPage()
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } })
    })
    await openCiteDialog(page, byOutlet(suite.bundle, 'rfi'))
    const dialog = page.getByRole('dialog', { name: '引用这篇文章' })
    await dialog.getByRole('button', { name: '复制 Chicago 引文' }).click()
    await expect.poll(() => dialog.getByRole('status').innerText()).toContain('无法使用剪贴板')
    expect(await page.evaluate(() => document.getSelection()?.toString())).toBe(await dialog.locator('[data-citation="chicago"]').innerText())
  })
})

test('the bookmarks view exports the chosen bookmarks with their highlights', async () => {
  const page = await openPage({ acceptDownloads: true })
  const rfi = byOutlet(suite.bundle, 'rfi')
  await seedBookmark(page, suite.bundle, rfi)
  await openArticle(page, rfi.id)
  await highlightWithNote(page, '外长在北京', QUOTE)
  await page.goto('/bookmarks')
  await settled(page)
  await page.getByRole('combobox', { name: '格式' }).selectOption('ris')
  expect(await page.getByRole('button', { name: '导出所选（0）' }).isDisabled()).toBe(true)
  await page.getByRole('checkbox', { name: `选择：${rfi.title}` }).check()
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出所选（1）' }).click()])
  const ris = readFileSync((await file.path())!, 'utf8')
  expect(ris).toContain(`\r\nTI  - ${rfi.title}\r\n`)
  expect(ris).toContain(`\r\nN1  - “${QUOTE}” — 外长在北京\r\n`)
})

test('dark: the notes view, a highlighted body and the cite dialog', async () => {
  const page = await openPage({ colorScheme: 'dark' })
  const rfi = byOutlet(suite.bundle, 'rfi')
  await openArticle(page, rfi.id)
  await highlightWithNote(page, '外长在北京', QUOTE)
  await marks(page).first().evaluate((node) => node.scrollIntoView({ block: 'center' }))
  await page.screenshot({ path: `${SCREENSHOT_DIR}/highlight-detail-dark.png` })
  await openCiteDialog(page, rfi)
  await page.screenshot({ path: `${SCREENSHOT_DIR}/cite-dialog-dark.png` })
  await page.goto('/notes')
  await settled(page)
  await expect.poll(() => page.locator('main ol article').count()).toBe(1)
  await screenshot(page, 'notes-dark')
})
