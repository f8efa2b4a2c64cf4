// @vitest-environment jsdom
import { describe, expect, test, vi } from 'vitest'
import { freshPageStoreEachTest } from '../../../tests/unit/fresh-page-store'
import type { BookmarkInput } from './bookmark'

const ARTICLE: BookmarkInput = { id: 'bbc-r27miehhcxnd', title: '标题', url: 'https://news.test/a', outlet: 'bbc', outletName: 'BBC 中文', publishedAt: '2024-02-07T07:15:00.000Z' }
const READ = ['bbc-r27miehhcxnd', 'voa-abcdefghijkl']

/** The app's stores as a fresh page load sees them. */
async function freshApp() {
  vi.resetModules()
  const [exportFile, bookmarks, readState, savedSearches] = await Promise.all([import('./export-file'), import('./store'), import('../read-state/store'), import('../saved-searches/store')])
  return { ...exportFile, bookmarks: bookmarks.createBookmarkStore, readStateStore: readState.readStateStore, savedSearchStore: savedSearches.savedSearchStore }
}

describe('the export file (version 2)', () => {
  freshPageStoreEachTest()

  test('round trip: bookmarks, read marks and saved searches exported from one browser import into another', async () => {
    const first = await freshApp()
    first.bookmarks().toggle(ARTICLE)
    first.readStateStore.markAllRead(READ)
    first.savedSearchStore.save('克宫', '?q=%E5%85%8B%E5%AE%AB', '2024-03-01T00:00:00.000Z')
    const { bookmarks } = JSON.parse(localStorage.getItem('archive-reader:bookmarks')!)
    const text = first.exportFileText(bookmarks, new Date('2024-05-01T00:00:00.000Z'))
    expect(JSON.parse(text)).toMatchObject({ format: 'archive-reader-bookmarks', version: 2, read: READ, savedSearches: [{ name: '克宫', seenNewest: '2024-03-01T00:00:00.000Z' }] })

    localStorage.clear()
    const second = await freshApp()
    const result = second.importExportFile(text)
    expect(result).toEqual({ ok: true, added: 1, updated: 0, total: 1, saved: true, sections: { read: 2, savedSearches: 1 } })
    expect(second.importResultText(result)).toBe('已导入：新增 1 条，更新 0 条，现在共 1 条书签。已读标记新增 2 条，保存的搜索新增 1 个。')
    expect([...second.readStateStore.marks()]).toEqual(READ)
    expect(second.savedSearchStore.getSnapshot().value).toEqual(first.savedSearchStore.getSnapshot().value)

    // Importing the same file again adds nothing.
    expect(second.importExportFile(text)).toMatchObject({ added: 0, sections: { read: 0, savedSearches: 0 } })
  })

  test('a version 1 file (bookmarks only) still imports', async () => {
    const app = await freshApp()
    const file = JSON.stringify({ format: 'archive-reader-bookmarks', version: 1, bookmarks: [{ ...ARTICLE, addedAt: '2024-02-10T00:00:00.000Z' }] })
    const result = app.importExportFile(file)
    expect(result).toMatchObject({ ok: true, added: 1, sections: {} })
    expect(app.importResultText(result)).toBe('已导入：新增 1 条，更新 0 条，现在共 1 条书签。')
  })

  test.each([
    ['read marks that are not ids', { read: ['bbc-r27miehhcxnd', '../x'] }, '已读标记格式无效'],
    ['saved searches that are not a list', { savedSearches: {} }, '保存的搜索不是列表'],
    ['a saved search without a name', { savedSearches: [{ id: 'a', query: '', createdAt: '2024-01-01T00:00:00Z', seenNewest: null, openedAt: null }] }, '第 1 个保存的搜索的“name”无效'],
  ])('%s: the whole file is refused with a message and nothing changes', async (_label, section, message) => {
    const app = await freshApp()
    const file = JSON.stringify({ format: 'archive-reader-bookmarks', version: 2, bookmarks: [{ ...ARTICLE, addedAt: '2024-02-10T00:00:00.000Z' }], ...section })
    const result = app.importExportFile(file)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toContain(message)
    expect(localStorage.length).toBe(0)
  })
})
