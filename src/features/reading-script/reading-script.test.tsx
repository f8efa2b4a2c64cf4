// @vitest-environment jsdom
// The 原文 / 简 / 繁 control on the detail: display only, remembered, bad stored values ignored.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createRoutes } from '../../app/router'
import { buildBundle, serveBundle } from '../articles/fixtures/bundle'
import { convertTextNodes } from './convert-text-nodes'
import { parseReadingScript, resetReadingScriptForTests, SCRIPT_STORAGE_KEY } from './script-store'
import { SCRIPT_APPLIED_EVENT, type ScriptAppliedEvent } from './use-scripted-article'

const bundle = buildBundle([
  { outlet: 'bbc', slug: 'hair', publishedAt: '2024-01-02T03:04:05Z', title: '台湾经济发展', body: '他的头发很长，经济发展很快。' },
  { outlet: 'dw', slug: 'traditional', publishedAt: '2024-01-01T03:04:05Z', title: '臺灣軟體發展', body: '他的頭髮很長。' },
])
const [simplifiedId, traditionalId] = bundle.ids as [string, string]

beforeEach(() => {
  localStorage.clear()
  resetReadingScriptForTests()
  vi.stubGlobal('fetch', async (input: string) => serveBundle(bundle, input))
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

function renderAt(url: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={createMemoryRouter(createRoutes(client), { initialEntries: [url] })} />
    </QueryClientProvider>,
  )
}

const body = () => document.querySelector<HTMLElement>('.safe-html')!

describe('the script control', () => {
  it('converts the title and body to Traditional with phrases (头发 → 頭髮, 发展 → 發展), says so in lang, and back to 原文 exactly', async () => {
    const user = userEvent.setup()
    renderAt(`/articles/${simplifiedId}`)
    await screen.findByRole('heading', { level: 1, name: '台湾经济发展' })
    expect(screen.getByRole('radio', { name: '原文' })).toBeChecked()
    const original = body().innerHTML
    const applied: string[] = []
    body().parentElement!.addEventListener(SCRIPT_APPLIED_EVENT, (event) => applied.push((event as ScriptAppliedEvent).detail.script))

    await user.click(screen.getByRole('radio', { name: '繁' }))
    expect(await screen.findByRole('heading', { level: 1, name: '臺灣經濟發展' })).toHaveAttribute('lang', 'zh-Hant')
    await waitFor(() => expect(body()).toHaveTextContent('他的頭髮很長，經濟發展很快。'))
    expect(body()).toHaveAttribute('lang', 'zh-Hant')
    expect(body().parentElement).toHaveAttribute('data-script', 'hant')
    expect(applied).toEqual(['hant'])
    expect(localStorage.getItem(SCRIPT_STORAGE_KEY)).toBe('hant')
    // Only text changed: the same elements, in the same places.
    expect(body().innerHTML.replace(/>[^<]*</g, '><')).toBe(original.replace(/>[^<]*</g, '><'))

    await user.click(screen.getByRole('radio', { name: '原文' }))
    expect(await screen.findByRole('heading', { level: 1, name: '台湾经济发展' })).toHaveAttribute('lang', 'zh-Hans')
    expect(body().innerHTML).toBe(original)
    expect(applied).toEqual(['hant', 'original'])
  })

  it('converts a Traditional article to Simplified with 简, and the stored data stays as it was', async () => {
    const user = userEvent.setup()
    renderAt(`/articles/${traditionalId}`)
    await screen.findByRole('heading', { level: 1, name: '臺灣軟體發展' })
    await user.click(screen.getByRole('radio', { name: '简' }))
    expect(await screen.findByRole('heading', { level: 1, name: '台湾软体发展' })).toHaveAttribute('lang', 'zh-Hans')
    await waitFor(() => expect(body()).toHaveTextContent('他的头发很长。'))
    // What the bookmark button would save is the archive's own title.
    await user.click(screen.getByRole('button', { name: /收藏/ }))
    expect(localStorage.getItem('archive-reader:bookmarks')).toContain('臺灣軟體發展')
  })

  it('starts from the stored choice, and a stored value it does not know reads as 原文 and stays in storage', async () => {
    localStorage.setItem(SCRIPT_STORAGE_KEY, 'hant')
    renderAt(`/articles/${simplifiedId}`)
    expect(await screen.findByRole('heading', { level: 1, name: '臺灣經濟發展' })).toBeInTheDocument()
    expect(screen.getByRole('radio', { name: '繁' })).toBeChecked()
    cleanup()

    localStorage.setItem(SCRIPT_STORAGE_KEY, '{"script":"klingon"}')
    resetReadingScriptForTests()
    renderAt(`/articles/${simplifiedId}`)
    await screen.findByRole('heading', { level: 1, name: '台湾经济发展' })
    expect(screen.getByRole('radio', { name: '原文' })).toBeChecked()
    expect(localStorage.getItem(SCRIPT_STORAGE_KEY)).toBe('{"script":"klingon"}')
  })
})

describe('parseReadingScript', () => {
  it('knows the three choices and reads anything else as 原文', () => {
    expect(['original', 'hans', 'hant'].map(parseReadingScript)).toEqual(['original', 'hans', 'hant'])
    expect([null, '', 'HANT', 'zh-Hant', 'undefined'].map(parseReadingScript)).toEqual(Array(5).fill('original'))
  })
})

describe('convertTextNodes', () => {
  it('changes text only, leaves code as quoted, and restores the original text', () => {
    const root = document.createElement('div')
    root.append(Object.assign(document.createElement('p'), { textContent: '发展' }), Object.assign(document.createElement('code'), { textContent: '发' }))
    const upper = (text: string) => `«${text}»`
    convertTextNodes(root, upper)
    expect(root.textContent).toBe('«发展»发')
    convertTextNodes(root, upper)
    expect(root.textContent).toBe('«发展»发')
    convertTextNodes(root, null)
    expect(root.textContent).toBe('发展发')
  })
})
