// @vitest-environment jsdom
import { describe, expect, test, vi } from 'vitest'
import { freshPageStoreEachTest } from '../../../tests/unit/fresh-page-store'
import type { BookmarkInput } from './bookmark'

const ARTICLE: BookmarkInput = { id: 'bbc-r27miehhcxnd', title: '标题', url: 'https://news.test/a', outlet: 'bbc', outletName: 'BBC 中文', publishedAt: '2024-02-07T07:15:00.000Z' }
const READ = ['bbc-r27miehhcxnd', 'voa-abcdefghijkl']
const SOURCE = { id: ARTICLE.id, title: ARTICLE.title, url: ARTICLE.url, outlet: ARTICLE.outlet, outletName: ARTICLE.outletName, publishedAt: ARTICLE.publishedAt }
const TARGET = { exact: '克宫', prefix: '俄罗斯', suffix: '表示', start: 3, end: 5 }

/** The app's stores as a fresh page load sees them. */
async function freshApp() {
  vi.resetModules()
  const [exportFile, bookmarks, readState, savedSearches, notes] = await Promise.all([
    import('./export-file'),
    import('./store'),
    import('../read-state/store'),
    import('../saved-searches/store'),
    import('../notes/store'),
  ])
  return { ...exportFile, bookmarks: bookmarks.createBookmarkStore, readStateStore: readState.readStateStore, savedSearchStore: savedSearches.savedSearchStore, annotationStore: notes.annotationStore }
}

describe('the export file (version 2)', () => {
  freshPageStoreEachTest()

  test('round trip: bookmarks, read marks, saved searches, highlights and notes exported from one browser import into another', async () => {
    const first = await freshApp()
    first.bookmarks().toggle(ARTICLE)
    first.readStateStore.markAllRead(READ)
    first.savedSearchStore.save('克宫', '?q=%E5%85%8B%E5%AE%AB', '2024-03-01T00:00:00.000Z')
    first.annotationStore.addHighlight(SOURCE, TARGET, '要核实')
    first.annotationStore.setArticleNote(SOURCE, '整篇的笔记')
    const { bookmarks } = JSON.parse(localStorage.getItem('archive-reader:bookmarks')!)
    const text = first.exportFileText(bookmarks, new Date('2024-05-01T00:00:00.000Z'))
    expect(JSON.parse(text)).toMatchObject({
      format: 'archive-reader-bookmarks',
      version: 2,
      read: READ,
      savedSearches: [{ name: '克宫', seenNewest: '2024-03-01T00:00:00.000Z' }],
      annotations: expect.arrayContaining([expect.objectContaining({ note: '要核实', target: TARGET }), expect.objectContaining({ note: '整篇的笔记' })]),
    })

    localStorage.clear()
    const second = await freshApp()
    const result = second.importExportFile(text)
    expect(result).toEqual({ ok: true, added: 1, updated: 0, total: 1, saved: true, sections: { read: 2, savedSearches: 1, annotations: 2 } })
    expect(second.importResultText(result)).toBe('已导入：新增 1 条，更新 0 条，现在共 1 条书签。已读标记新增 2 条，保存的搜索新增 1 个。高亮和笔记新增 2 条。')
    expect([...second.readStateStore.marks()]).toEqual(READ)
    expect(second.savedSearchStore.getSnapshot().value).toEqual(first.savedSearchStore.getSnapshot().value)
    expect(second.annotationStore.getSnapshot().value).toEqual(first.annotationStore.getSnapshot().value)
    expect(JSON.parse(localStorage.getItem('archive-reader:annotations')!).annotations).toHaveLength(2)

    // Importing the same file again adds nothing.
    expect(second.importExportFile(text)).toMatchObject({ added: 0, sections: { read: 0, savedSearches: 0, annotations: 0 } })
  })

  test('annotations merge by id: a new one is added, the same one keeps the later edit, the rest stay', async () => {
    const app = await freshApp()
    const older = { id: 'a1', source: SOURCE, target: TARGET, note: '旧笔记', createdAt: '2024-03-01T00:00:00.000Z', updatedAt: '2024-03-01T00:00:00.000Z' }
    const mine = { id: 'mine', source: SOURCE, note: '只在这个浏览器里', createdAt: '2024-02-01T00:00:00.000Z', updatedAt: '2024-02-01T00:00:00.000Z' }
    app.annotationStore.mergeImported([older, mine])
    const newer = { ...older, note: '改过的笔记', updatedAt: '2024-04-01T00:00:00.000Z' }
    const other = { id: 'b2', source: SOURCE, target: { ...TARGET, start: 9, end: 11 }, note: '', createdAt: '2024-03-05T00:00:00.000Z', updatedAt: '2024-03-05T00:00:00.000Z' }
    const file = JSON.stringify({ format: 'archive-reader-bookmarks', version: 2, bookmarks: [], annotations: [newer, other] })
    expect(app.importExportFile(file)).toMatchObject({ ok: true, sections: { annotations: 1 } })
    expect(app.annotationStore.getSnapshot().value.map((annotation) => [annotation.id, annotation.note])).toEqual([['b2', ''], ['a1', '改过的笔记'], ['mine', '只在这个浏览器里']])

    // An older copy of the same annotation does not undo the edit.
    app.importExportFile(JSON.stringify({ format: 'archive-reader-bookmarks', version: 2, bookmarks: [], annotations: [older] }))
    expect(app.annotationStore.getSnapshot().value.find((annotation) => annotation.id === 'a1')?.note).toBe('改过的笔记')
  })

  test('a version 2 file from before annotations still imports, and leaves the annotations alone', async () => {
    const app = await freshApp()
    app.annotationStore.setArticleNote(SOURCE, '已有的笔记')
    const file = JSON.stringify({ format: 'archive-reader-bookmarks', version: 2, bookmarks: [{ ...ARTICLE, addedAt: '2024-02-10T00:00:00.000Z' }], read: READ, savedSearches: [] })
    const result = app.importExportFile(file)
    expect(result).toMatchObject({ ok: true, added: 1, sections: { read: 2, savedSearches: 0 } })
    expect(app.importResultText(result)).toBe('已导入：新增 1 条，更新 0 条，现在共 1 条书签。已读标记新增 2 条，保存的搜索新增 0 个。')
    expect(app.annotationStore.getSnapshot().value.map((annotation) => annotation.note)).toEqual(['已有的笔记'])
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
    ['annotations that are not a list', { annotations: { a1: {} } }, '高亮和笔记（"annotations"）不是列表'],
    [
      'a highlight whose quote is empty, after a good one',
      {
        annotations: [
          { id: 'ok', source: SOURCE, note: '好的', createdAt: '2024-03-01T00:00:00Z', updatedAt: '2024-03-01T00:00:00Z' },
          { id: 'bad', source: SOURCE, target: { ...TARGET, exact: ' ' }, note: '', createdAt: '2024-03-01T00:00:00Z', updatedAt: '2024-03-01T00:00:00Z' },
        ],
      },
      '第 2 条高亮或笔记无效',
    ],
  ])('%s: the whole file is refused with a message and nothing changes', async (_label, section, message) => {
    const app = await freshApp()
    const file = JSON.stringify({ format: 'archive-reader-bookmarks', version: 2, bookmarks: [{ ...ARTICLE, addedAt: '2024-02-10T00:00:00.000Z' }], ...section })
    const result = app.importExportFile(file)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toContain(message)
    expect(localStorage.length).toBe(0)
  })
})
