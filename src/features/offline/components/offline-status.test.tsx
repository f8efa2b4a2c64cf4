// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { fetchJson, probeNetwork, SAVED_COPY_HEADER } from '../../../lib/fetch-json'
import { notSavedResponse } from '../../../service-worker/data-handler'
import { articlePath, MANIFEST_FILE } from '../../../types/bundle-paths'
import { OfflineStatus } from './offline-status'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const json = (headers: Record<string, string> = {}) => new Response('{}', { headers: { 'content-type': 'application/json', ...headers } })

/** Loads one data file through the page's fetch, answered by `answer`, as a view would. */
async function load(answer: () => Promise<Response>, path = MANIFEST_FILE) {
  vi.stubGlobal('fetch', answer)
  await act(() => fetchJson(path, (value) => value).catch(() => undefined))
}

const indicator = () => screen.getByRole('status').textContent

// navigator.onLine stays true when the network is connected but reaches nothing, and some browsers
// (headless Chromium among them) leave it true under emulated offline: the data answers decide.
describe('the offline mark', () => {
  test('shows when the worker answers from its saved copy, and goes once the network answers again', async () => {
    render(<OfflineStatus />)
    expect(indicator()).toBe('')
    await load(async () => json({ [SAVED_COPY_HEADER]: '1' }))
    expect(indicator()).toContain('离线')
    await load(async () => json())
    expect(indicator()).toBe('')
  })

  test('shows for a file never saved and for a fetch the network refused', async () => {
    render(<OfflineStatus />)
    await load(async () => notSavedResponse(), articlePath('bbc-r27miehhcxnd'))
    expect(indicator()).toContain('离线')
    await load(async () => json())
    await load(() => Promise.reject(new TypeError('Failed to fetch')))
    expect(indicator()).toContain('离线')
    await load(async () => json())
  })

  test('a page whose files all came from a cache learns it from asking the host, past every cache', async () => {
    render(<OfflineStatus />)
    const fetch = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')))
    vi.stubGlobal('fetch', fetch)
    await act(() => probeNetwork())
    expect(indicator()).toContain('离线')
    expect(fetch).toHaveBeenCalledWith('/data/manifest.json', { method: 'HEAD', cache: 'no-store' })
    vi.stubGlobal('fetch', async () => new Response(null, { status: 503 }))
    await act(() => probeNetwork())
    expect(indicator()).toBe('') // the host answered, if badly
  })

  test('a missing file or a server error is no sign of being offline', async () => {
    render(<OfflineStatus />)
    await load(async () => new Response('', { status: 404 }))
    await load(async () => new Response('', { status: 503 }))
    expect(indicator()).toBe('')
  })
})
