import { describe, expect, test, vi } from 'vitest'
import { MAX_BOOKMARKS, MAX_IMPORT_CHARS, bookmarksFileText, mergeBookmarks, parseBookmarksFile } from './transfer'
import type { Bookmark } from './bookmark'

function bookmark(id: string, addedAt = '2024-02-10T00:00:00.000Z', title = `标题 ${id}`): Bookmark {
  return { id, title, url: `https://news.test/${id}`, outlet: 'rfi', outletName: 'RFI 法广', publishedAt: '2024-02-07T07:15:00.000Z', addedAt }
}

const file = (bookmarks: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ version: 1, bookmarks, ...extra })

describe('parseBookmarksFile rejects what it cannot trust, naming the problem', () => {
  test.each([
    ['not JSON', '书签：第一条', '不是有效的 JSON'],
    ['empty', '  \n', '文件是空的'],
    ['JSON but not an object', '[1,2,3]', '没有书签列表'],
    ['no bookmarks list', '{"version":1}', '没有书签列表'],
    ['another program\u2019s file', file([], { format: 'other-app' }), '不是新闻存档阅读器导出的书签文件'],
    ['an older version', file([], { version: 0 }), '不支持的文件版本 0'],
    ['a newer version', file([], { version: 3 }), '不支持的文件版本 3'],
    ['an entry that is not an object', file(['https://news.test/a']), '第 1 条书签不是一个对象'],
    ['an entry missing a field', file([bookmark('a'), { ...bookmark('b'), title: undefined }]), '第 2 条书签缺少“title”'],
    ['an entry with a number for a string', file([{ ...bookmark('a'), outletName: 7 }]), '第 1 条书签缺少“outletName”'],
    ['a javascript: URL', file([{ ...bookmark('a'), url: 'javascript:alert(1)' }]), '第 1 条书签的链接不是 http 或 https 地址'],
    ['a data: URL', file([{ ...bookmark('a'), url: 'data:text/html,<script>alert(1)</script>' }]), '链接不是 http 或 https 地址'],
    ['a relative URL', file([{ ...bookmark('a'), url: '/articles/a' }]), '链接不是 http 或 https 地址'],
    ['a bad date', file([{ ...bookmark('a'), addedAt: '昨天' }]), '“addedAt”不是有效的时间'],
    ['an id that would leave its route', file([{ ...bookmark('a'), id: '../../admin' }]), '第 1 条书签的“id”含有不允许的字符'],
    ['an overlong title', file([{ ...bookmark('a'), title: '长'.repeat(5000) }]), '“title”太长'],
  ])('%s', (_label, text, message) => {
    const result = parseBookmarksFile(text)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error).toContain(message)
      expect(result.error).toContain('书签没有改变')
    }
  })

  test('a huge file is refused before it is parsed', () => {
    const text = ' '.repeat(MAX_IMPORT_CHARS + 1)
    const parse = vi.spyOn(JSON, 'parse')
    expect(parseBookmarksFile(text)).toEqual({ ok: false, error: expect.stringContaining('超过 5 MB') })
    expect(parse).not.toHaveBeenCalled()
    parse.mockRestore()
  })

  test('more bookmarks than the limit are refused', () => {
    const text = file(Array.from({ length: MAX_BOOKMARKS + 1 }, () => 0))
    expect(parseBookmarksFile(text)).toEqual({ ok: false, error: expect.stringContaining(`超过上限 ${MAX_BOOKMARKS.toLocaleString('zh-CN')} 条`) })
  })

  test('reads our own export back, and the raw stored value too', () => {
    const bookmarks = [bookmark('b', '2024-02-11T00:00:00.000Z'), bookmark('a')]
    expect(parseBookmarksFile(bookmarksFileText(bookmarks))).toEqual({ ok: true, bookmarks })
    expect(parseBookmarksFile(file(bookmarks))).toEqual({ ok: true, bookmarks })
  })

  test('drops unknown fields of an entry', () => {
    const result = parseBookmarksFile(file([{ ...bookmark('a'), html: '<script>alert(1)</script>' }]))
    expect(result).toEqual({ ok: true, bookmarks: [bookmark('a')] })
  })
})

describe('bookmarksFileText', () => {
  test('writes a versioned, pretty file, newest bookmark first', () => {
    const text = bookmarksFileText([bookmark('a'), bookmark('b', '2024-02-12T00:00:00.000Z')], new Date('2024-03-01T00:00:00Z'))
    expect(text).toContain('\n  "version": 2,\n')
    expect(JSON.parse(text)).toMatchObject({ format: 'archive-reader-bookmarks', exportedAt: '2024-03-01T00:00:00.000Z', bookmarks: [{ id: 'b' }, { id: 'a' }] })
  })
})

describe('mergeBookmarks', () => {
  test('unions by id: new ones are added, known ones take the imported snapshot and keep the earlier addedAt', () => {
    const current = [bookmark('a', '2024-02-01T00:00:00.000Z', '旧标题'), bookmark('b', '2024-02-05T00:00:00.000Z')]
    const incoming = [bookmark('a', '2024-02-20T00:00:00.000Z', '新标题'), bookmark('b', '2024-01-01T00:00:00.000Z'), bookmark('c', '2024-02-15T00:00:00.000Z')]
    const merged = mergeBookmarks(current, incoming)
    expect(merged.added).toBe(1)
    expect(merged.updated).toBe(2)
    expect(merged.bookmarks).toEqual([bookmark('c', '2024-02-15T00:00:00.000Z'), bookmark('a', '2024-02-01T00:00:00.000Z', '新标题'), bookmark('b', '2024-01-01T00:00:00.000Z')])
  })

  test('importing the same file twice changes nothing the second time', () => {
    const once = mergeBookmarks([bookmark('a')], [bookmark('a'), bookmark('b')])
    const twice = mergeBookmarks(once.bookmarks, [bookmark('a'), bookmark('b')])
    expect(twice).toEqual({ bookmarks: once.bookmarks, added: 0, updated: 0 })
  })

  test('duplicates inside one file collapse to one bookmark', () => {
    const merged = mergeBookmarks([], [bookmark('a', '2024-02-10T00:00:00.000Z'), bookmark('a', '2024-02-01T00:00:00.000Z', '后一条')])
    expect(merged).toEqual({ bookmarks: [bookmark('a', '2024-02-01T00:00:00.000Z', '后一条')], added: 1, updated: 0 })
  })
})
