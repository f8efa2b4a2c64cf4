// @vitest-environment jsdom
// Under the English interface, texts drawn by modules loaded while Chinese was on, and texts built around data (a saved search's name and counts, the
// read tag inside a title's link) take their punctuation from the English file, not Chinese.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { MemoryRouter } from 'react-router'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { buildBundle, SEEDS, serveBundle } from '../features/articles/fixtures/bundle'
import { ReadLabel } from '../features/read-state/components/read-label'
import { ScriptControl } from '../features/reading-script/components/script-control'
import { readStateStore } from '../features/read-state/store'
import { SavedSearchPanel } from '../features/saved-searches/components/saved-search-panel'
import { savedQuery } from '../features/saved-searches/saved-search'
import { savedSearchStore } from '../features/saved-searches/store'
import { EMPTY_FILTERS } from './filters'
import { applyLanguage } from './i18n'

// CJK symbols and punctuation (、。「」…) and full-width forms (（），：；！？).
const HAN_PUNCTUATION = /[\u3000-\u303f\uff00-\uffef]/u

const bundle = buildBundle(SEEDS)

beforeEach(() => {
  applyLanguage('en')
  vi.stubGlobal('fetch', async (input: string) => serveBundle(bundle, input))
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  applyLanguage('zh')
})

function renderIn(node: ReactNode) {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter>{node}</MemoryRouter>
    </QueryClientProvider>,
  )
}

it('the saved-search panel names a search, its count and its outlets with English punctuation', async () => {
  // Seen up to before the seeds: both of its articles count as new.
  savedSearchStore.save('Summit', savedQuery({ ...EMPTY_FILTERS, outlets: ['bbc', 'voa'] }), '2020-01-01T00:00:00Z')
  renderIn(<SavedSearchPanel manifest={bundle.manifest} filters={EMPTY_FILTERS} />)
  // The text, as the accessible name is built from it (jsdom's name computation drops the spaces in it).
  await waitFor(() => expect(screen.getByRole('link', { name: /^Summit/ }).textContent).toBe('Summit: 2 articles, 2 new articles'))
  const panel = screen.getByRole('complementary')
  expect(panel).toHaveTextContent('BBC 中文, 美国之音')
  expect(panel.textContent).not.toMatch(HAN_PUNCTUATION)
})

it('the read tag joins a title’s link as “(Read)”, in English', () => {
  const id = bundle.ids[0]!
  readStateStore.markRead(id)
  renderIn(
    <a href="#article">
      Title
      <ReadLabel id={id} />
    </a>,
  )
  // Its name (the visible tag is hidden from it, the bracketed one read out); jsdom drops the space before the bracket.
  const link = screen.getByRole('link', { name: /^Title\s*\(Read\)$/ })
  expect(link.textContent).not.toMatch(HAN_PUNCTUATION)
  expect(link.querySelector('[data-read]')).toHaveAttribute('lang', 'en')
})

it('the script control, loaded under Chinese, names its choices in English once English is on', () => {
  renderIn(<ScriptControl />)
  expect(screen.getByRole('group', { name: 'Script' })).toBeInTheDocument()
  expect(screen.getByTitle('Original (not converted)')).toHaveTextContent('原文')
  expect(screen.getByTitle('Traditional Chinese (Taiwan forms)')).toHaveTextContent('繁')
})
