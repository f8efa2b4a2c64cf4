// @vitest-environment jsdom
// Stories as a reader meets them, over the fixture bundle the ingest's own code builds (fetch stubbed):
// the seeds' BBC and VOA reports of the 2023-03-21 summit are one story.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createRoutes } from '../../app/router'
import { storyPath } from '../../types/data'
import { buildBundle, SEEDS, serveBundle, type FixtureArticle } from '../articles/fixtures/bundle'
import { readStateStore } from '../read-state/store'

/** The seeds plus an RFI report of another event the next day: RFI was in the archive that week and did not cover the summit. */
const INPUTS: FixtureArticle[] = [
  ...SEEDS,
  { outlet: 'rfi', slug: 'earthquake-turkey', publishedAt: '2023-03-22T08:00:00Z', title: '土耳其地震灾区重建缓慢', body: '灾民仍住在帐篷里' },
]
const bundle = buildBundle(INPUTS)
const [bbcId, voaId] = [bundle.ids[1]!, bundle.ids[3]!]
const story = [...bundle.stories.values()][0]!

/** Opening an article marks it read (已读 then joins its links' names): each test starts unread, as another tab clearing storage would leave it. */
function forgetReadMarks() {
  const stop = readStateStore.subscribe(() => {})
  localStorage.clear()
  window.dispatchEvent(new StorageEvent('storage', { key: null }))
  stop()
}

let fetched: string[]
let failStories = false
beforeEach(() => {
  forgetReadMarks()
  fetched = []
  failStories = false
  vi.stubGlobal('fetch', async (input: string) => {
    fetched.push(input)
    if (failStories && input.replace(/^\/data\//, '').startsWith('stories/')) return new Response('', { status: 503 })
    return serveBundle(bundle, input)
  })
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

function renderAt(url: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const router = createMemoryRouter(createRoutes(client), { initialEntries: [url] })
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  return router
}

it('the fixture has the seeds’ one story: BBC first, then VOA, and RFI absent that week', () => {
  expect(bundle.stories.size).toBe(1)
  expect(story.members.map((member) => member.id)).toEqual([bbcId, voaId])
  expect(story.absent).toEqual(['rfi'])
})

describe('the detail section', () => {
  it('lists the other report with its outlet, local time and link, marks the first report 首发 and links the story page', async () => {
    renderAt(`/articles/${voaId}`)
    const section = await screen.findByRole('region', { name: '同一事件的其他报道' })
    const items = await within(section).findAllByRole('listitem')
    expect(items).toHaveLength(1)
    expect(items[0]).toHaveTextContent('BBC')
    expect(items[0]).toHaveTextContent('首发')
    // 19:13 UTC is 03:13 the next day in Shanghai (the tests' zone).
    expect(within(items[0]!).getByText(/2023年3月22日.*03:13/)).toHaveAttribute('datetime', story.members[0]!.publishedAt)
    expect(within(items[0]!).getByRole('link', { name: SEEDS[1]!.title })).toHaveAttribute('href', `/articles/${bbcId}`)
    expect(within(section).getByRole('link', { name: /查看整个事件（2 家媒体、2 篇报道）/ })).toHaveAttribute('href', `/stories/${story.id}`)
    expect(within(section).queryByText('本文是这一事件的首发报道。')).toBeNull()
  })

  it('says so when the open article is the first report', async () => {
    renderAt(`/articles/${bbcId}`)
    const section = await screen.findByRole('region', { name: '同一事件的其他报道' })
    expect(await within(section).findByText('本文是这一事件的首发报道。')).toBeInTheDocument()
    const items = within(section).getAllByRole('listitem')
    expect(items).toHaveLength(1)
    expect(items[0]).toHaveTextContent(SEEDS[3]!.title)
    expect(items[0]).not.toHaveTextContent('首发')
  })

  it('has no section for an article of no story, and fetches no story', async () => {
    renderAt(`/articles/${bundle.ids[0]}`)
    await screen.findByRole('heading', { level: 1, name: SEEDS[0]!.title })
    expect(screen.queryByRole('region', { name: '同一事件的其他报道' })).toBeNull()
    expect(fetched.some((url) => url.includes('/stories/'))).toBe(false)
  })

  it('shows the error state with a retry when the story cannot load, the article still readable, and retry recovers', async () => {
    const user = userEvent.setup()
    failStories = true
    renderAt(`/articles/${voaId}`)
    const section = await screen.findByRole('region', { name: '同一事件的其他报道' })
    expect(await within(section).findByRole('alert')).toHaveTextContent('无法获取数据')
    expect(screen.getByRole('heading', { level: 1, name: SEEDS[3]!.title })).toBeInTheDocument()
    failStories = false
    await user.click(within(section).getByRole('button', { name: '重试' }))
    expect(await within(section).findByRole('link', { name: SEEDS[1]!.title })).toBeInTheDocument()
  })
})

describe('the story page', () => {
  it('shows the outlets with their counts, the reports in time order, the headlines per outlet and who did not cover it', async () => {
    renderAt(`/stories/${story.id}`)
    expect(await screen.findByRole('heading', { level: 1, name: SEEDS[1]!.title })).toBeInTheDocument()
    expect(screen.getByText(/2 家媒体的 2 篇报道，时间跨度 1 小时 26 分钟/)).toBeInTheDocument()

    const strip = screen.getByRole('region', { name: '报道的媒体' })
    expect(within(strip).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['BBC 中文1 篇', '美国之音1 篇'])

    const timeline = within(screen.getByRole('region', { name: '报道时间线' })).getByRole('list', { name: '时间轴（当地时间）' })
    const reports = within(timeline).getAllByRole('listitem')
    expect(reports.map((item) => within(item).getByRole('link').textContent)).toEqual([SEEDS[1]!.title, SEEDS[3]!.title])
    expect(reports[0]).toHaveTextContent('首发')
    expect(reports[1]).toHaveTextContent('首发后 1 小时 26 分钟')
    expect(within(reports[1]!).getByRole('link')).toHaveAttribute('href', `/articles/${voaId}`)

    const headlines = screen.getByRole('region', { name: '各媒体的标题' })
    expect(within(headlines).getByRole('region', { name: 'BBC 中文' })).toHaveTextContent(SEEDS[1]!.title)
    expect(within(headlines).getByRole('region', { name: '美国之音' })).toHaveTextContent(SEEDS[3]!.title)

    const absent = screen.getByRole('region', { name: '同期未报道的媒体' })
    expect(within(absent).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['RFI 法广'])
  })

  it('says not found for an unknown story id, and for an id of another form without a request', async () => {
    renderAt('/stories/s-aaaaaaaaaaaa')
    expect(await screen.findByRole('heading', { level: 1, name: '未找到这个事件' })).toBeInTheDocument()
    cleanup()
    fetched = []
    renderAt('/stories/..%2Fmanifest')
    expect(await screen.findByRole('heading', { level: 1, name: '未找到这个事件' })).toBeInTheDocument()
    expect(fetched.some((url) => url.includes('stories/'))).toBe(false)
  })

  it('shows the error state for a story file of the wrong shape', async () => {
    renderAt(`/stories/${story.id}`)
    await screen.findByRole('heading', { level: 1, name: SEEDS[1]!.title })
    cleanup()
    vi.stubGlobal('fetch', async (input: string) => {
      const file = input.replace(/^\/data\//, '')
      const body = file === storyPath(story.id) ? { id: story.id, members: 'many' } : bundle.files.get(file)
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })
    })
    renderAt(`/stories/${story.id}`)
    expect(await screen.findByRole('alert')).toHaveTextContent('数据文件已损坏')
  })
})

describe('the timeline', () => {
  it('shows the story as one entry with both outlets and a count, and its members in place behind a disclosure', async () => {
    const user = userEvent.setup()
    renderAt('/timeline')
    await screen.findByRole('heading', { level: 1, name: '时间线' })
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(INPUTS.length - 1))
    const entry = screen.getAllByRole('article').find((node) => node.textContent?.includes('2 篇报道'))!
    expect(entry).toHaveTextContent('BBC 中文')
    expect(entry).toHaveTextContent('美国之音')
    // The newest report leads; the older one is not a second entry.
    expect(within(entry).getByRole('link', { name: SEEDS[3]!.title })).toBeInTheDocument()
    expect(screen.queryAllByRole('link', { name: SEEDS[1]!.title })).toHaveLength(0)
    expect(within(entry).getByRole('link', { name: '查看整个事件' })).toHaveAttribute('href', `/stories/${story.id}`)

    const disclosure = within(entry).getByRole('button', { name: '展开 2 篇报道' })
    expect(disclosure).toHaveAttribute('aria-expanded', 'false')
    await user.click(disclosure)
    expect(disclosure).toHaveAttribute('aria-expanded', 'true')
    const members = await within(entry).findByRole('list', { name: `同一事件的报道：${SEEDS[3]!.title}` })
    expect(within(members).getAllByRole('link').map((link) => link.textContent)).toEqual([SEEDS[1]!.title, SEEDS[3]!.title])
    expect(within(members).getAllByRole('listitem')[0]).toHaveTextContent('首发')
    await user.click(within(entry).getByRole('button', { name: '收起' }))
    expect(within(entry).queryByRole('list', { name: /同一事件的报道/ })).toBeNull()
  })
})

describe('the list grouped by story', () => {
  const titles = () => screen.getAllByRole('article').map((node) => within(node).getByRole('heading', { level: 2 }).textContent)

  it('shows one card per story with its outlets when ?group=story, toggled from the filter bar and kept in the URL', async () => {
    const user = userEvent.setup()
    const router = renderAt('/?outlet=bbc,voa,rfi')
    await screen.findByText('共 4 篇')
    await waitFor(() => expect(titles()).toHaveLength(4))
    await user.click(screen.getByRole('checkbox', { name: '按事件合并' }))
    expect(new URLSearchParams(router.state.location.search).get('group')).toBe('story')
    await waitFor(() => expect(titles()).toHaveLength(3))
    const card = screen.getAllByRole('article').find((node) => node.textContent?.includes('2 篇报道'))!
    expect(card).toHaveTextContent('BBC 中文')
    expect(card).toHaveTextContent('美国之音')
    expect(within(card).getByRole('link', { name: SEEDS[1]!.title })).toHaveAttribute('href', expect.stringContaining(`/articles/${bbcId}`))
    expect(within(card).getByRole('link', { name: /查看整个事件/ })).toHaveAttribute('href', `/stories/${story.id}`)

    // Clearing the filters keeps the grouping: it is a way of showing, not a filter.
    await user.click(screen.getByRole('button', { name: '清除全部筛选' }))
    expect(router.state.location.search).toBe('?group=story')
    await screen.findByText(`共 ${INPUTS.length} 篇`)
    await user.click(screen.getByRole('checkbox', { name: '按事件合并' }))
    expect(router.state.location.search).toBe('')
    await waitFor(() => expect(titles()).toHaveLength(INPUTS.length))
  })
})
