// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect, test, vi } from 'vitest'
import { freshPageStoreEachTest } from '../../../../tests/unit/fresh-page-store'

freshPageStoreEachTest()

async function renderNotice() {
  const { ReaderDataNotice } = await import('./reader-data-notice')
  const { readStateStore } = await import('../store')
  render(<ReaderDataNotice />)
  return { status: screen.getByRole('status'), readStateStore }
}

test('damaged read marks: the reader is told where the original was kept, and can dismiss it', async () => {
  localStorage.setItem('archive-reader:read', '{"version":1,"read":')
  const { status } = await renderNotice()
  expect(status.textContent).toMatch(/已读标记.*无法读取.*原始数据没有删除.*archive-reader:read:backup:/)
  await userEvent.click(screen.getByRole('button', { name: '知道了' }))
  expect(status.textContent).toBe('')
})

test('a full quota: marking an article read still shows it read in this tab, and says it was not saved', async () => {
  const { status, readStateStore } = await renderNotice()
  vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
    throw new DOMException('full', 'QuotaExceededError')
  })
  act(() => void readStateStore.markRead('bbc-r27miehhcxnd'))
  expect(readStateStore.marks().has('bbc-r27miehhcxnd')).toBe(true)
  expect(status.textContent).toContain('没有保存到浏览器存储')
})
