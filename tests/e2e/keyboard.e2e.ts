// The keyboard: j/k selection, Enter, b, g-sequences, n/p, Esc, / and the ? dialog, and keys
// that must do nothing (typing in a field, an input method composing), on the production build.
import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { SHORTCUTS } from '../../src/features/keyboard/keymap'
import { settled } from './browser'
import { browserSuite } from './suite'

const suite = browserSuite()

// settled() returns once the count is exact, which can be before every shard's cards are in.
const cards = (page: Page) => page.locator('main [data-shortcut-item]')

async function openPage(path: string): Promise<Page> {
  const page = await suite.openPage()
  await page.goto(path)
  await settled(page)
  return page
}

// The timeline and ?group=story show a story as one item: its articles count once.
const storyItems = () => suite.bundle.entries.filter((entry) => !entry.story).length + new Set(suite.bundle.entries.flatMap((entry) => (entry.story ? [entry.story.id] : []))).size

// The title without its 已读 tag (an article opened and come back from is read).
const selectedTitle = (page: Page) =>
  page
    .locator('main [aria-current="true"] h2, main [aria-current="true"] p[lang]')
    .first()
    .evaluate((node) => {
      const title = node.cloneNode(true) as HTMLElement
      title.querySelectorAll('[data-read]').forEach((tag) => tag.remove())
      return title.textContent?.trim() ?? ''
    })
const selectedCount = (page: Page) => page.locator('main [aria-current="true"]').count()
const announced = (page: Page) => page.locator('main > p[role="status"]').innerText()
const path = (page: Page) => new URL(page.url()).pathname + new URL(page.url()).search

describe('lists', () => {
  test('j and k move a visible, announced selection; Enter opens it; Esc comes back to the list', async () => {
    const page = await openPage('/')
    const [first, second] = suite.bundle.entries
    await expect.poll(() => cards(page).count()).toBe(suite.bundle.entries.length)
    await page.keyboard.press('j')
    await expect.poll(() => selectedTitle(page)).toBe(first!.title)
    await expect.poll(() => announced(page)).toBe(`已选中第 1 篇，共 ${suite.bundle.entries.length} 篇：${first!.title}`)
    await page.keyboard.press('j')
    await expect.poll(() => selectedTitle(page)).toBe(second!.title)
    expect(await selectedCount(page)).toBe(1)
    // The selection is drawn (a ring), not only named.
    expect(await page.locator('main [aria-current="true"]').evaluate((node) => getComputedStyle(node).boxShadow)).not.toBe('none')
    await page.keyboard.press('k')
    await expect.poll(() => selectedTitle(page)).toBe(first!.title)
    await page.keyboard.press('Enter')
    await expect.poll(() => path(page)).toBe(`/articles/${first!.id}`)
    await settled(page)
    await page.keyboard.press('Escape')
    await expect.poll(() => path(page)).toBe('/')
    await settled(page)
    // Back on the list, the article just read is still the selected one.
    await expect.poll(() => selectedTitle(page)).toBe(first!.title)
  })

  test('the selection scrolls into view on a phone-sized window', async () => {
    const page = await openPage('/')
    await page.setViewportSize({ width: 375, height: 500 })
    await expect.poll(() => cards(page).count()).toBe(suite.bundle.entries.length)
    for (let i = 0; i < suite.bundle.entries.length; i++) await page.keyboard.press('j')
    const last = suite.bundle.entries.at(-1)!
    await expect.poll(() => selectedTitle(page)).toBe(last.title)
    await expect.poll(() => page.locator('main [aria-current="true"]').evaluate((node) => {
      const box = node.getBoundingClientRect()
      return box.top >= 0 && box.bottom <= window.innerHeight
    })).toBe(true)
  })

  test('b bookmarks the selected article; on the timeline too', async () => {
    const page = await openPage('/')
    const [, second] = suite.bundle.entries
    await expect.poll(() => cards(page).count()).toBe(suite.bundle.entries.length)
    await page.keyboard.press('j')
    await page.keyboard.press('j')
    await page.keyboard.press('b')
    const button = page.locator('main [aria-current="true"]').getByRole('button', { name: `收藏：${second!.title}` })
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true')
    await expect.poll(() => announced(page)).toBe(`已收藏：${second!.title}`)
    await page.keyboard.press('b')
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('false')

    await page.keyboard.press('g')
    await page.keyboard.press('t')
    await expect.poll(() => path(page)).toBe('/timeline')
    await settled(page)
    await expect.poll(() => cards(page).count()).toBe(storyItems())
    await page.keyboard.press('j')
    await expect.poll(() => selectedTitle(page)).toBe(suite.bundle.entries[0]!.title)
    await page.keyboard.press('b')
    await page.keyboard.press('g')
    await page.keyboard.press('b')
    await expect.poll(() => path(page)).toBe('/bookmarks')
    await settled(page)
    await expect.poll(() => page.locator('main article h2').allInnerTexts()).toEqual([suite.bundle.entries[0]!.title])
    await page.keyboard.press('g')
    await page.keyboard.press('l')
    await expect.poll(() => path(page)).toBe('/')
  })

  test('j reaches a story on the timeline and in the list grouped by story; Enter opens its lead article', async () => {
    for (const start of ['/timeline', '/?group=story']) {
      const page = await openPage(start)
      await expect.poll(() => cards(page).count()).toBe(storyItems())
      const story = cards(page).filter({ hasText: '2 篇报道' })
      const lead = await story.getAttribute('data-shortcut-item')
      const ids = await cards(page).evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-shortcut-item')))
      for (let i = 0; i <= ids.indexOf(lead); i++) await page.keyboard.press('j')
      await expect.poll(() => page.locator('main [aria-current="true"]').innerText()).toContain('2 篇报道')
      await page.keyboard.press('Enter')
      await expect.poll(() => path(page)).toBe(`/articles/${lead}${start === '/timeline' ? '' : '?group=story'}`)
    }
  })

  test('/ focuses the search box, where keys are text again', async () => {
    const page = await openPage('/')
    await page.keyboard.press('/')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search')
    await page.keyboard.type('jkgt')
    expect(await page.locator('main input[type="search"]').inputValue()).toBe('jkgt')
    expect(await selectedCount(page)).toBe(0)
    // The keys made a search, not a move (j, k) or the timeline (g t).
    await expect.poll(() => path(page)).toBe('/?q=jkgt')
  })

  test('modifier combos pass through', async () => {
    const page = await openPage('/')
    await page.keyboard.press('Control+j')
    await page.keyboard.press('Alt+j')
    await page.keyboard.press('Meta+j')
    await page.keyboard.press('j')
    await expect.poll(() => selectedCount(page)).toBe(1)
    await expect.poll(() => selectedTitle(page)).toBe(suite.bundle.entries[0]!.title)
  })
})

describe('an input method composing', () => {
  test('keys of a Chinese IME composition trigger nothing; the committed text lands in the field', async () => {
    const page = await openPage('/')
    // Every address the app writes, from here on.
    await page.evaluate(() => {
      const urls: string[] = []
      ;(window as { urls?: string[] }).urls = urls
      for (const method of ['pushState', 'replaceState'] as const) {
        const original = history[method].bind(history)
        history[method] = (data: unknown, unused: string, url?: string | URL | null) => {
          if (url !== undefined && url !== null) urls.push(String(url))
          original(data, unused, url)
        }
      }
    })
    const cdp = await page.context().newCDPSession(page)
    await page.locator('main input[type="search"]').focus()
    // Pinyin typed into the IME: g, t (would be "go to the timeline" outside a composition).
    await cdp.send('Input.imeSetComposition', { text: 'g', selectionStart: 1, selectionEnd: 1 })
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 't', code: 'KeyT', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 })
    await cdp.send('Input.imeSetComposition', { text: 'gt', selectionStart: 2, selectionEnd: 2 })
    // While composing, the box sends nothing: no search for "g" or "gt".
    await expect.poll(() => page.locator('main input[type="search"]').inputValue()).toBe('gt')
    await cdp.send('Input.insertText', { text: '高铁' })
    await expect.poll(() => page.locator('main input[type="search"]').inputValue()).toBe('高铁')
    await expect.poll(() => path(page)).toBe(`/?q=${encodeURIComponent('高铁')}`)
    expect(await page.evaluate(() => (window as { urls?: string[] }).urls), 'the addresses the app went to').toEqual([`/?q=${encodeURIComponent('高铁')}`])

    // Outside a field: keydowns an IME marks as composing (isComposing, keyCode 229) are not shortcuts.
    await page.locator('main input[type="search"]').fill('')
    await expect.poll(() => path(page)).toBe('/')
    await page.locator('main input[type="search"]').blur()
    await page.evaluate(() => {
      document.body.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }))
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', isComposing: true, bubbles: true, cancelable: true }))
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', keyCode: 229, bubbles: true, cancelable: true }))
      document.body.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '就' }))
    })
    expect(await selectedCount(page)).toBe(0)
    await page.keyboard.press('j')
    await expect.poll(() => selectedCount(page)).toBe(1)
  })
})

describe('the article page', () => {
  test('n and p walk the list the reader came from; b bookmarks the article', async () => {
    const bbcOrVoa = suite.bundle.entries.filter((entry) => entry.outlet === 'bbc' || entry.outlet === 'voa')
    expect(bbcOrVoa.length).toBe(2)
    const page = await openPage(`/articles/${bbcOrVoa[0]!.id}?outlet=bbc,voa`)
    await page.keyboard.press('n')
    await expect.poll(() => path(page)).toBe(`/articles/${bbcOrVoa[1]!.id}?outlet=bbc,voa`)
    await settled(page)
    await expect.poll(() => page.locator('main h1').innerText()).toBe(bbcOrVoa[1]!.title)
    await expect.poll(() => page.locator('nav[aria-label="同一筛选中的文章"]').count()).toBe(1)
    await page.keyboard.press('n')
    await expect.poll(() => announced(page)).toBe('已经是最后一篇')
    await page.keyboard.press('p')
    await expect.poll(() => path(page)).toBe(`/articles/${bbcOrVoa[0]!.id}?outlet=bbc,voa`)
    await settled(page)
    // The address changes first; the article it names replaces the one shown once its data is in.
    await expect.poll(() => page.locator('main h1').innerText()).toBe(bbcOrVoa[0]!.title)

    const button = page.getByRole('button', { name: `收藏：${bbcOrVoa[0]!.title}` })
    await page.keyboard.press('b')
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true')
    await page.keyboard.press('Escape')
    await expect.poll(() => path(page)).toBe('/?outlet=bbc,voa')
  })

  test('opened from the bookmarks, n and p walk the bookmarks in their order; Esc goes back to them', async () => {
    const [older, newer] = [suite.bundle.entries[0]!, suite.bundle.entries[3]!]
    const page = await openPage('/nowhere')
    const stored = (entry: typeof older, addedAt: string) => ({ id: entry.id, title: entry.title, url: entry.url, outlet: entry.outlet, outletName: entry.outlet, publishedAt: entry.publishedAt, addedAt })
    // Bookmarked last, so listed first: the archive's order would go on to entries[4] instead.
    const value = { version: 1, bookmarks: [stored(older, '2024-05-01T00:00:00.000Z'), stored(newer, '2024-05-02T00:00:00.000Z')] }
    await page.evaluate((text) => localStorage.setItem('archive-reader:bookmarks', text), JSON.stringify(value))
    await page.goto('/bookmarks')
    await settled(page)
    await expect.poll(() => cards(page).count()).toBe(2)
    await page.keyboard.press('j')
    await page.keyboard.press('Enter')
    await expect.poll(() => path(page)).toBe(`/articles/${newer.id}`)
    await settled(page)
    await page.keyboard.press('n')
    await expect.poll(() => path(page)).toBe(`/articles/${older.id}`)
    await settled(page)
    await page.keyboard.press('n')
    await expect.poll(() => announced(page)).toBe('已经是最后一篇')
    await page.keyboard.press('p')
    await expect.poll(() => path(page)).toBe(`/articles/${newer.id}`)
    await settled(page)
    await page.keyboard.press('Escape')
    await expect.poll(() => path(page)).toBe('/bookmarks')
  })

  test('Esc with text selected in the body closes the highlight toolbar and stays; the next Esc goes back', async () => {
    const entry = suite.bundle.entries[0]!
    const page = await openPage(`/articles/${entry.id}`)
    const toolbar = page.getByRole('toolbar', { name: '标注选中的文字' })
    const selectParagraph = () =>
      page.evaluate(() => {
        const range = document.createRange()
        range.selectNodeContents(document.querySelector('main .safe-html p')!)
        document.getSelection()!.removeAllRanges()
        document.getSelection()!.addRange(range)
      })
    await selectParagraph()
    await expect.poll(() => toolbar.count()).toBe(1)
    await page.keyboard.press('Escape')
    await expect.poll(() => toolbar.count()).toBe(0)
    expect(await page.evaluate(() => document.getSelection()!.isCollapsed)).toBe(true)
    expect(path(page)).toBe(`/articles/${entry.id}`)
    // The same from one of the toolbar's buttons.
    await selectParagraph()
    await toolbar.getByRole('button').first().focus()
    await page.keyboard.press('Escape')
    await expect.poll(() => toolbar.count()).toBe(0)
    expect(path(page)).toBe(`/articles/${entry.id}`)
    await page.keyboard.press('Escape')
    await expect.poll(() => path(page)).toBe('/')
  })

  test('/ on an article goes to its list and focuses the search box', async () => {
    const page = await openPage(`/articles/${suite.bundle.entries[0]!.id}`)
    await page.keyboard.press('/')
    await expect.poll(() => path(page)).toBe('/')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search')
  })
})

describe('the ? dialog', () => {
  test('lists every shortcut of the keymap, keeps the keys to itself, closes on Esc and gives the focus back', async () => {
    const page = await openPage('/')
    await page.keyboard.press('?')
    const dialog = page.getByRole('dialog', { name: '键盘快捷键' })
    await expect.poll(() => dialog.isVisible()).toBe(true)
    const listed = await dialog.locator('dt').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-action')))
    expect(listed).toEqual(SHORTCUTS.map((shortcut) => shortcut.action).sort((a, b) => order(a) - order(b)))
    expect(await dialog.locator('kbd').count()).toBe(SHORTCUTS.flatMap((shortcut) => shortcut.keys.flat()).length)
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true)
    // The page behind is inert: Tab stays in the dialog, j selects nothing.
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab')
      expect(await page.evaluate(() => document.activeElement === document.body || document.activeElement?.closest('dialog') !== null)).toBe(true)
    }
    await page.keyboard.press('j')
    expect(await selectedCount(page)).toBe(0)
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.count()).toBe(0)
    expect(path(page)).toBe('/')

    // Opened from the footer's button, it gives the focus back to the button.
    const opener = page.getByRole('button', { name: /^键盘快捷键/ })
    await opener.click()
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true)
    await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click()
    await expect.poll(() => opener.evaluate((node) => node === document.activeElement)).toBe(true)
  })
})

function order(action: string): number {
  const groups = ['everywhere', 'lists', 'article']
  const index = SHORTCUTS.findIndex((shortcut) => shortcut.action === action)
  return groups.indexOf(SHORTCUTS[index]!.group) * 100 + index
}
