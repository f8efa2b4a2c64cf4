// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { DataError } from '../../../lib/fetch-json'
import { LoadMore } from './load-more'

afterEach(cleanup)

const idle = { error: false, failure: null, fetching: false, retry: () => {} }

describe('the foot of a paged list', () => {
  test('offers more under the view’s own label and asks for it when pressed', async () => {
    const onMore = vi.fn()
    render(<LoadMore list={idle} hasMore onMore={onMore} label="加载更早的报道" />)
    await userEvent.click(screen.getByRole('button', { name: '加载更早的报道' }))
    expect(onMore).toHaveBeenCalledOnce()
  })

  test('while the next page loads, the button says so and cannot be pressed again', () => {
    render(<LoadMore list={{ ...idle, fetching: true }} hasMore onMore={() => {}} label="加载更多" />)
    expect(screen.getByRole('button', { name: '正在加载更多…' })).toBeDisabled()
  })

  test('a page that failed to load is an alert with a retry, not a button for more', async () => {
    const retry = vi.fn()
    render(<LoadMore list={{ ...idle, error: true, retry }} hasMore onMore={() => {}} label="加载更多" />)
    expect(screen.getByRole('alert')).toHaveTextContent('更多文章加载失败。')
    expect(screen.queryByRole('button', { name: '加载更多' })).toBeNull()
    await userEvent.click(screen.getByRole('button', { name: '重试' }))
    expect(retry).toHaveBeenCalledOnce()
  })

  test('a damaged page file says retrying will not help, a network failure says to check the network', () => {
    const { unmount } = render(<LoadMore list={{ ...idle, error: true, failure: new DataError('index/3.json: not valid JSON') }} hasMore onMore={() => {}} label="加载更多" />)
    expect(screen.getByRole('alert')).toHaveTextContent('重试多半无济于事')
    unmount()
    render(<LoadMore list={{ ...idle, error: true, failure: new TypeError('Failed to fetch') }} hasMore onMore={() => {}} label="加载更多" />)
    expect(screen.getByRole('alert')).toHaveTextContent('请检查网络连接后重试')
  })

  test('says when every result is shown', () => {
    render(<LoadMore list={idle} hasMore={false} onMore={() => {}} label="加载更多" />)
    expect(screen.getByText('已经是全部结果')).toBeInTheDocument()
    expect(screen.queryByRole('button')).toBeNull()
  })
})
