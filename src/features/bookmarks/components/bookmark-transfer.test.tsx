// @vitest-environment jsdom
// Export and import as the reader sees them: the downloaded file, and the sentence an import leaves.
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, test, vi } from 'vitest'
import { freshPageStoreEachTest } from '../../../../tests/unit/fresh-page-store'
import type { Bookmark } from '../bookmark'

const saved = (id: string): Bookmark => ({
  id,
  title: `标题 ${id}`,
  url: `https://news.test/${id}`,
  outlet: 'bbc',
  outletName: 'BBC 中文',
  publishedAt: '2024-02-07T07:15:00.000Z',
  addedAt: '2024-02-10T00:00:00.000Z',
})

freshPageStoreEachTest()

async function renderTransfer(bookmarks: Bookmark[] = []) {
  const { BookmarkTransfer } = await import('./bookmark-transfer')
  render(<BookmarkTransfer bookmarks={bookmarks} />)
}

// jsdom's File has no text(): give the upload the one the component reads.
function jsonFile(text: string): File {
  return Object.assign(new File([text], 'bookmarks.json', { type: 'application/json' }), { text: async () => text })
}

async function upload(text: string) {
  await userEvent.upload(screen.getByLabelText('导入收藏'), jsonFile(text))
}

// jsdom's Blob has no text() either: read it the old way.
function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error)
    reader.readAsText(blob)
  })
}

describe('importing a bookmarks file', () => {
  const file = JSON.stringify({ version: 1, bookmarks: [saved('a'), saved('b')] })

  test('a saved import reports what it added, in the status region', async () => {
    await renderTransfer()
    await upload(file)
    expect(await screen.findByText('已导入：新增 2 条，更新 0 条，现在共 2 条书签。')).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('已导入')
    expect(screen.getByRole('alert')).toBeEmptyDOMElement()
  })

  test('an invalid file is an alert naming the problem, and nothing changes', async () => {
    await renderTransfer()
    await upload('{"version":1,"bookmarks":[{"id":"c"}]}')
    const alert = screen.getByRole('alert')
    await vi.waitFor(() => expect(alert).toHaveTextContent('导入失败：第 1 条书签缺少“title”或不是文字，整个文件未导入，书签没有改变。'))
    expect(localStorage.length).toBe(0)
  })

  test('an import storage could not take is an alert, not a success', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('exceeded the quota', 'QuotaExceededError')
    })
    await renderTransfer()
    await upload(file)
    const alert = screen.getByRole('alert')
    await vi.waitFor(() => expect(alert).toHaveTextContent('导入的书签没有保存到浏览器存储'))
    expect(alert).toHaveTextContent('新增 2 条、更新 0 条只在这个标签页有效（共 2 条）')
    expect(screen.getByRole('status')).toBeEmptyDOMElement()
  })
})

test('export downloads every bookmark as a dated, versioned JSON file', async () => {
  let blob: Blob | undefined
  URL.createObjectURL = (object: Blob | MediaSource) => {
    blob = object as Blob
    return 'blob:bookmarks'
  }
  URL.revokeObjectURL = () => {}
  const clicked: HTMLAnchorElement[] = []
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this)
  })
  await renderTransfer([saved('a'), saved('b')])
  await userEvent.click(screen.getByRole('button', { name: '导出收藏' }))

  expect(clicked).toHaveLength(1)
  expect(clicked[0]!.href).toBe('blob:bookmarks')
  expect(clicked[0]!.download).toMatch(/^archive-reader-bookmarks-\d{4}-\d{2}-\d{2}\.json$/)
  expect(blob?.type).toBe('application/json')
  expect(JSON.parse(await blobText(blob!))).toMatchObject({ format: 'archive-reader-bookmarks', version: 2, bookmarks: [{ id: 'a' }, { id: 'b' }], read: [], savedSearches: [] })
})
