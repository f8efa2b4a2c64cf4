// @vitest-environment jsdom
// What the reader reads in the banner for each notice the store raises, over the page's localStorage.
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, test, vi } from 'vitest'
import { freshPageStoreEachTest } from '../../../../tests/unit/fresh-page-store'
import type { BookmarkInput } from '../bookmark'

const KEY = 'archive-reader:bookmarks'
const PREFIX = `${KEY}:backup:`
const article: BookmarkInput = { id: 'a', title: '标题 a', url: 'https://news.test/a', outlet: 'bbc', outletName: 'BBC 中文', publishedAt: '2024-02-07T07:15:00.000Z' }

freshPageStoreEachTest()

/** The banner (and a bookmark button to change something), over a store that starts now. */
async function renderBanner() {
  const { StorageNoticeBanner } = await import('./storage-notice-banner')
  const { BookmarkButton } = await import('./bookmark-button')
  render(
    <>
      <StorageNoticeBanner />
      <BookmarkButton input={article} />
    </>,
  )
  return screen.getByRole('status')
}

function backupKey(): string | undefined {
  return Array.from({ length: localStorage.length }, (_, index) => localStorage.key(index)).find((key) => key?.startsWith(PREFIX)) ?? undefined
}

function failWrites(error: Error) {
  vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
    throw error
  })
}

describe('the storage notice banner', () => {
  test('says nothing while storage works', async () => {
    const banner = await renderBanner()
    await userEvent.click(screen.getByRole('button', { name: '收藏：标题 a' }))
    expect(banner).toBeEmptyDOMElement()
  })

  test('storage that cannot be read: bookmarks, read marks, saved searches and notes last for this tab only', async () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError')
    })
    expect(await renderBanner()).toHaveTextContent('浏览器存储不可用（可能被禁用或处于隐私模式）：书签、已读标记、保存的搜索和笔记只保存在这个标签页里，关闭后不会保留。')
  })

  test.each([
    ['not JSON', '{"version":1,', '不是有效的 JSON'],
    ['the wrong shape', '[]', '格式不对'],
    ['an older schema without a version', '{"items":[]}', '旧版本的格式（无版本号）'],
    ['an older schema version', '{"version":0,"bookmarks":[]}', '旧版本的格式（0）'],
    [
      'some bad entries',
      JSON.stringify({ version: 1, bookmarks: [{ ...article, addedAt: '2024-02-10T00:00:00.000Z' }, { id: 'b' }] }),
      '其中 1 条书签格式无效，其余已保留',
    ],
  ])('a stored value with %s: names the reason and the backup key it was moved to', async (_label, raw, reason) => {
    localStorage.setItem(KEY, raw)
    const banner = await renderBanner()
    expect(banner).toHaveTextContent(`已保存的书签无法读取（${reason}）。原始数据没有删除，已另存在浏览器存储的“${backupKey()}”下。`)
    expect(backupKey()).toMatch(/^archive-reader:bookmarks:backup:/)
  })

  test('a value saved by a newer version: read-only here, reload for the new version', async () => {
    localStorage.setItem(KEY, JSON.stringify({ version: 2, bookmarks: [] }))
    const banner = await renderBanner()
    expect(banner).toHaveTextContent('书签由更新版本的本应用保存（格式版本 2）')
    expect(banner).toHaveTextContent('请刷新页面以使用新版本。')
  })

  test('no room for another backup: the reason, the limit and where the backups are', async () => {
    for (let index = 0; index < 5; index++) localStorage.setItem(`${PREFIX}old-${index}`, `old ${index}`)
    localStorage.setItem(KEY, 'not json')
    const banner = await renderBanner()
    expect(banner).toHaveTextContent('已保存的书签无法读取（不是有效的 JSON）。浏览器存储里已有 5 份书签备份（“archive-reader:bookmarks:backup:…”）')
  })

  test.each([
    ['a full quota', new DOMException('exceeded the quota', 'QuotaExceededError'), '浏览器存储已满，刚才的书签更改没有保存'],
    ['storage turned off', new DOMException('The operation is insecure.', 'SecurityError'), '浏览器存储不可用，刚才的书签更改没有保存'],
    ['any other failure', new Error('disk on fire'), '刚才的书签更改没有保存到浏览器存储'],
  ])('a change that could not be saved (%s) says so', async (_label, error, sentence) => {
    const banner = await renderBanner()
    failWrites(error)
    await userEvent.click(screen.getByRole('button', { name: '收藏：标题 a' }))
    expect(banner).toHaveTextContent(sentence)
    expect(banner).toHaveTextContent('它在这个标签页里有效，关闭后不会保留。')
  })

  test('stored bookmarks unreadable and storage full: says the value was kept aside in place, not that a change was lost', async () => {
    localStorage.setItem(KEY, 'not json')
    failWrites(new DOMException('exceeded the quota', 'QuotaExceededError'))
    const banner = await renderBanner()
    expect(banner).toHaveTextContent('已保存的书签无法读取（不是有效的 JSON），也无法另存备份（浏览器存储已满）。原始数据留在原处，没有被改写')
    expect(banner).not.toHaveTextContent('刚才的书签更改')
    expect(localStorage.getItem(KEY)).toBe('not json')
    await userEvent.click(screen.getByRole('button', { name: '收藏：标题 a' }))
    expect(banner).toHaveTextContent('浏览器存储已满，刚才的书签更改没有保存')
  })

  test('dismissing hides the notice', async () => {
    localStorage.setItem(KEY, 'not json')
    const banner = await renderBanner()
    expect(banner).not.toBeEmptyDOMElement()
    await userEvent.click(screen.getByRole('button', { name: '知道了' }))
    expect(banner).toBeEmptyDOMElement()
  })
})
