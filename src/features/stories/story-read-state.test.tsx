// @vitest-environment jsdom
// The story views show read state as the article card does: the read report's link is named
// "标题（已读）" and its title dims; unread reports keep their plain name.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { cleanup, render, screen, within } from '@testing-library/react'
import type { ReactNode } from 'react'
import { MemoryRouter } from 'react-router'
import { afterEach, beforeAll, expect, it } from 'vitest'
import { EMPTY_FILTERS } from '../../lib/filters'
import { buildBundle, SEEDS } from '../articles/fixtures/bundle'
import { readStateStore } from '../read-state/store'
import { StoryCard } from './components/story-card'
import { StoryEntry } from './components/story-entry'
import { StoryView } from './components/story-view'
import { collapseStories, type StoryItem } from './story-facts'

const bundle = buildBundle(SEEDS)
const entries = [...bundle.shards.values()].flatMap((shard) => shard.entries)
const item = collapseStories(entries).find((candidate) => candidate.kind === 'story') as StoryItem
const outlets = new Map(bundle.manifest.outlets.map((outlet) => [outlet.id, outlet]))
const [lead, other] = [item.entries[0]!, item.entries[1]!]

beforeAll(() => {
  readStateStore.markRead(lead.id)
})
afterEach(cleanup)

function renderIn(node: ReactNode) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter>{node}</MemoryRouter>
    </QueryClientProvider>,
  )
}

it('the fixture story has two reports in the list', () => {
  expect(item.entries).toHaveLength(2)
})

it('the timeline’s story entry marks its read lead 已读 and dims it', () => {
  renderIn(<StoryEntry item={item} outlets={outlets} filters={EMPTY_FILTERS} />)
  const link = screen.getByRole('link', { name: `${lead.title}（已读）` })
  expect(link.closest('p')).toHaveClass('has-[[data-read]]:text-stone-500')
  expect(link.querySelector('[data-read]')).toHaveTextContent('已读')
})

it('the grouped list’s story card marks its read lead 已读, and not the other report', () => {
  renderIn(<StoryCard item={item} outlets={outlets} filters={EMPTY_FILTERS} />)
  expect(screen.getByRole('heading', { level: 2, name: `${lead.title}（已读）` })).toHaveClass('has-[[data-read]]:text-stone-500')
  expect(screen.getByRole('link', { name: other.title })).toBeInTheDocument()
  expect(screen.queryByRole('link', { name: `${other.title}（已读）` })).toBeNull()
})

it('the story page marks the read report 已读 in its timeline and under its outlet', () => {
  renderIn(<StoryView story={bundle.stories.get(item.story.id)!} manifest={bundle.manifest} />)
  const timeline = within(screen.getByRole('list', { name: '时间轴（当地时间）' }))
  expect(timeline.getByRole('link', { name: `${lead.title}（已读）` })).toBeInTheDocument()
  expect(timeline.getByRole('link', { name: other.title })).toBeInTheDocument()
  const headlines = within(screen.getByRole('region', { name: '各媒体的标题' }))
  expect(headlines.getByRole('link', { name: `${lead.title}（已读）` }).closest('p')).toHaveClass('has-[[data-read]]:text-stone-500')
})
