// Highlights and the cite dialog driven as a reader drives them, for the notes suite and the a11y pass.
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import type { ListEntry } from '../../src/types/data'
import { settled } from './browser'

export const body = (page: Page) => page.locator('.article-body')

export async function openArticle(page: Page, id: string): Promise<void> {
  await page.goto(`/articles/${id}`)
  await settled(page)
  await expect.poll(() => body(page).count()).toBe(1)
}

/** Selects the first occurrence of text in the body (or, with none given, the first 12 characters of its first paragraph), as a reader dragging over it would. */
export async function selectText(page: Page, text?: string): Promise<string> {
  return body(page).evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const data = (node as Text).data
      const quote = wanted ?? data.trim().slice(0, 12)
      const at = wanted ? data.indexOf(wanted) : data.indexOf(quote)
      if (at < 0 || quote.length < (wanted ? 1 : 12)) continue
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + quote.length)
      document.getSelection()!.removeAllRanges()
      document.getSelection()!.addRange(range)
      return quote
    }
    throw new Error(`not in the body: ${wanted}`)
  }, text)
}

/** Highlights text (see selectText) with a note through the selection toolbar; returns the quote. */
export async function highlightWithNote(page: Page, note: string, text?: string): Promise<string> {
  const quote = await selectText(page, text)
  await page.getByRole('toolbar', { name: '标注选中的文字' }).getByRole('button', { name: '高亮并写笔记' }).click()
  const field = page.getByRole('textbox', { name: /^高亮“.*”的笔记$/ })
  await expect.poll(() => field.evaluate((node) => node === document.activeElement)).toBe(true)
  await field.fill(note)
  await page.getByRole('button', { name: '保存', exact: true }).first().click()
  await expect.poll(() => page.locator('.article-body mark[data-annotation-first].has-note').count()).toBeGreaterThan(0)
  return quote
}

/** One highlight with a note on entry's article, so /notes and the detail have something to show. */
export async function seedHighlight(page: Page, entry: ListEntry): Promise<void> {
  await openArticle(page, entry.id)
  await highlightWithNote(page, '值得引用')
}

export async function openCiteDialog(page: Page, entry: ListEntry): Promise<void> {
  await openArticle(page, entry.id)
  await page.getByRole('button', { name: '引用', exact: true }).click()
  await expect.poll(() => page.getByRole('dialog', { name: '引用这篇文章' }).isVisible()).toBe(true)
}
