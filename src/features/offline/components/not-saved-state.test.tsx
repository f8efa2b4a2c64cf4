// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { ErrorState } from '../../../components/states'
import { fetchJson } from '../../../lib/fetch-json'
import { notSavedResponse } from '../../../service-worker/data-handler'
import { articlePath, searchBucketPath, shardPath } from '../../../types/bundle-paths'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

/** What the page makes of the worker's answer for a file it never saved, as the reader sees it. */
async function shownFor(path: string, onRetry?: () => void) {
  vi.stubGlobal('fetch', async () => notSavedResponse())
  const error = await fetchJson(path, (value) => value).catch((failure: unknown) => failure)
  render(<ErrorState error={error} onRetry={onRetry} />)
}

describe('offline, a file the worker never saved', () => {
  test('an article says it was not saved for offline reading, as a status, not an error', async () => {
    await shownFor(articlePath('bbc-r27miehhcxnd'))
    expect(screen.getByRole('status')).toHaveTextContent('这篇文章没有保存供离线阅读')
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('这篇文章没有保存供离线阅读') // it stands for the article page
    expect(screen.queryByRole('alert')).toBeNull()
  })

  test('a search never run offline, and a part of the list never seen, say so in their own words', async () => {
    await shownFor(searchBucketPath(3))
    expect(screen.getByRole('status')).toHaveTextContent('这个搜索没有保存供离线阅读')
    cleanup()
    await shownFor(shardPath(7))
    expect(screen.getByRole('status')).toHaveTextContent('这部分列表没有保存供离线阅读')
  })

  test('keeps the retry, for when the network is back', async () => {
    const retry = vi.fn()
    await shownFor(articlePath('bbc-r27miehhcxnd'), retry)
    await userEvent.click(screen.getByRole('button', { name: '重试' }))
    expect(retry).toHaveBeenCalledOnce()
  })

  test('a server error is still an error: only the worker’s own answer means "not saved"', async () => {
    vi.stubGlobal('fetch', async () => new Response(null, { status: 504 }))
    const error = await fetchJson(articlePath('bbc-r27miehhcxnd'), (value) => value).catch((failure: unknown) => failure)
    render(<ErrorState error={error} />)
    expect(screen.getByRole('alert')).toHaveTextContent('无法获取数据')
  })
})
