// @vitest-environment jsdom
// The app's routes over an in-memory bundle (fetch stubbed): what a reader sees and what the URL says.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { buildBundle, SEEDS, type FixtureArticle } from '../features/articles/fixtures/bundle'
import { untakenEarly } from '../lib/fetch-json'
import { lookupKeys } from '../lib/search-query'
import { strings } from '../lib/strings'
import { articlePath, MANIFEST_FILE, SCHEMA_VERSION, SEARCH_DIR, searchTextPath, SHARD_DIR, TEXT_DIR } from '../types/data'
import { createRoutes } from './router'

const seedBundle = buildBundle(SEEDS)
/** The ingest's id of each seed, in SEEDS order. */
const ids = seedBundle.ids
/** The bundle being served (the seeds unless a test serves another). */
let bundle = seedBundle

/** Data files replaced for one test (a tampered bundle). */
const tampered = new Map<string, unknown>()

function serve(path: string): Response {
  const file = path.replace(/^\/data\//, '')
  const json = (value: unknown) => new Response(JSON.stringify(value), { headers: { 'content-type': 'application/json' } })
  if (tampered.has(file)) {
    const value = tampered.get(file)
    return typeof value === 'string' ? new Response(value) : json(value)
  }
  if (bundle.files.has(file)) return json(bundle.files.get(file))
  return new Response('not found', { status: 404 })
}

let fetched: string[]
beforeEach(() => {
  fetched = []
  vi.stubGlobal('fetch', async (input: string) => {
    fetched.push(input)
    return serve(input)
  })
})
afterEach(() => {
  bundle = seedBundle
  tampered.clear()
  cleanup()
  vi.unstubAllGlobals()
})

function renderAt(url: string) {
  // One client for the loaders and the pages, as in the app.
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const router = createMemoryRouter(createRoutes(client), { initialEntries: [url] })
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  return router
}

const articleTitles = () => screen.queryAllByRole('article').map((node) => within(node).getByRole('heading').textContent)

describe('the list', () => {
  it('shows the newest first and counts exactly', async () => {
    renderAt('/')
    expect(await screen.findByText('共 5 篇')).toBeInTheDocument()
    await waitFor(() => expect(articleTitles()).toHaveLength(5))
    expect(articleTitles()).toEqual(SEEDS.slice().sort((a, b) => b.publishedAt.localeCompare(a.publishedAt)).map((a) => a.title))
    expect(fetched.some((url) => url.includes('/search/'))).toBe(false)
  })

  it('searches as the reader types, debounced, and writes q to the URL', async () => {
    const user = userEvent.setup()
    const router = renderAt('/')
    await screen.findByText('共 5 篇')
    await user.type(screen.getByRole('searchbox'), '克里姆林宫')
    expect(await screen.findByText('共 3 篇')).toBeInTheDocument()
    expect(router.state.location.search).toBe('?q=%E5%85%8B%E9%87%8C%E5%A7%86%E6%9E%97%E5%AE%AB')
    expect(articleTitles()).toHaveLength(3)
  })

  it('finds Simplified articles for a Traditional query (克里姆林宮, 會見)', async () => {
    renderAt(`/?q=${encodeURIComponent('克里姆林宮')}`)
    expect(await screen.findByText('共 3 篇')).toBeInTheDocument()
    renderAt(`/?q=${encodeURIComponent('會見俄外長')}`)
    await waitFor(() => expect(articleTitles()).toContain('习近平会见俄外长 普习会即将登场'))
  })

  it('ticks outlets into the URL and shows the empty state with a way out', async () => {
    const user = userEvent.setup()
    const router = renderAt('/?q=%E5%85%8B%E9%87%8C%E5%A7%86%E6%9E%97%E5%AE%AB')
    await screen.findByText('共 3 篇')
    await user.click(screen.getByRole('checkbox', { name: /法广/ }))
    expect(router.state.location.search).toBe('?outlet=rfi&q=%E5%85%8B%E9%87%8C%E5%A7%86%E6%9E%97%E5%AE%AB')
    expect(await screen.findByText('没有符合条件的文章')).toBeInTheDocument()
    await user.click(screen.getAllByRole('button', { name: '清除全部筛选' })[0]!)
    expect(router.state.location.search).toBe('')
    expect(await screen.findByText('共 5 篇')).toBeInTheDocument()
  })

  it('shows an error with a retry when the manifest cannot load, and retry recovers', async () => {
    let fail = true
    vi.stubGlobal('fetch', async (input: string) => {
      if (fail) throw new TypeError('Failed to fetch')
      return serve(input)
    })
    const user = userEvent.setup()
    renderAt('/')
    expect(await screen.findByText(strings.app.loadError)).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent('请检查网络连接后重试')
    expect(screen.getByRole('link', { name: '时间线' })).toBeInTheDocument()
    fail = false
    await user.click(screen.getByRole('button', { name: '重试' }))
    expect(await screen.findByText('共 5 篇')).toBeInTheDocument()
  })
})

describe('the detail', () => {
  it('reads what the loader fetched: the manifest and the article once each', async () => {
    const id = ids[3]!
    renderAt(`/articles/${id}`)
    expect(await screen.findByRole('heading', { level: 1, name: SEEDS[3]!.title })).toBeInTheDocument()
    expect(fetched.filter((url) => url === `/data/${articlePath(id)}`)).toHaveLength(1)
    expect(fetched.filter((url) => url === `/data/${MANIFEST_FILE}`)).toHaveLength(1)
  })
})

describe('malformed data', () => {
  const shardOf = (id: string) => [...bundle.shards].find(([, shard]) => shard.entries.some((entry) => entry.id === id))!

  it('drops a malformed list entry and shows the others', async () => {
    const [file, shard] = shardOf(ids[3]!)
    tampered.set(file, {
      ...shard,
      entries: shard.entries.map((entry) => (entry.id === ids[3]! ? { ...entry, publishedAt: 'banana' } : entry)),
    })
    const [otherFile, other] = shardOf(ids[0]!)
    tampered.set(otherFile, { ...other, entries: other.entries.map((entry) => ({ ...entry, title: { text: entry.title } })) })
    renderAt('/')
    await waitFor(() => expect(articleTitles()).toHaveLength(3))
    expect(articleTitles()).toEqual([SEEDS[4]!.title, SEEDS[1]!.title, SEEDS[2]!.title])
  })

  it('keeps search results right when an entry before them in the shard was dropped', async () => {
    // voa and bbc share the March 2023 shard; voa comes first (newer).
    const [file, shard] = shardOf(ids[3]!)
    tampered.set(file, { ...shard, entries: shard.entries.map((entry) => (entry.id === ids[3]! ? { ...entry, lang: 42 } : entry)) })
    renderAt('/?q=%E5%85%8B%E9%87%8C%E5%A7%86%E6%9E%97%E5%AE%AB')
    await waitFor(() => expect(articleTitles()).toEqual([SEEDS[4]!.title, SEEDS[1]!.title]))
  })

  it('shows an article whose tags are not a list, without them', async () => {
    const id = ids[2]!
    tampered.set(articlePath(id), { ...bundle.articles.get(id), tags: '乌克兰' })
    renderAt(`/articles/${id}`)
    expect(await screen.findByRole('heading', { level: 1, name: SEEDS[2]!.title })).toBeInTheDocument()
    expect(screen.queryByText(/乌克兰$/)).not.toBeInTheDocument()
  })

  it('shows the error state with a retry for a malformed article file, not a crash', async () => {
    const id = ids[4]!
    tampered.set(articlePath(id), { ...bundle.articles.get(id), publishedAt: 'banana' })
    const user = userEvent.setup()
    renderAt(`/articles/${id}`)
    // Damaged, not unreachable: the reader is not sent to check the network.
    expect(await screen.findByText(strings.app.dataDamaged)).toBeInTheDocument()
    expect(screen.getByRole('alert')).not.toHaveTextContent('网络')
    tampered.clear()
    await user.click(screen.getByRole('button', { name: '重试' }))
    expect(await screen.findByRole('heading', { level: 1, name: SEEDS[4]!.title })).toBeInTheDocument()
  })

  it('shows the error state for a manifest of the wrong shape', async () => {
    tampered.set(MANIFEST_FILE, { ...bundle.manifest, outlets: [{ id: 'bbc' }] })
    renderAt('/')
    expect(await screen.findByText(strings.app.dataDamaged)).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent('重新导入存档')
  })
})

describe('the pager under an outlet filter, several shards a month', () => {
  // Two entries a shard, all in March 2024 (one month: outlet pruning cannot tell the shards apart):
  // [voa 1, bbc] [bbc, bbc] [voa 2, bbc] [bbc, bbc] [voa 3, bbc]
  const outlets = ['voa', 'bbc', 'bbc', 'bbc', 'voa', 'bbc', 'bbc', 'bbc', 'voa', 'bbc'] as const
  const articles: FixtureArticle[] = outlets.map((outlet, n) => ({
    outlet,
    slug: `report-${n}`,
    publishedAt: new Date(Date.UTC(2024, 2, 30 - n, 12)).toISOString(),
    title: `${outlet} 报道 ${n}`,
  }))

  it('finds the previous and the next match across shards holding none of that outlet', async () => {
    bundle = buildBundle(articles, { maxShardEntries: 2 })
    expect(bundle.manifest.shards).toHaveLength(5)
    renderAt(`/articles/${bundle.ids[4]}?outlet=voa`)
    expect(await screen.findByRole('heading', { level: 1, name: 'voa 报道 4' })).toBeInTheDocument()
    const pager = await screen.findByRole('navigation', { name: '同一筛选中的文章' })
    expect(await within(pager).findByRole('link', { name: /上一篇/ })).toHaveTextContent('voa 报道 0')
    expect(await within(pager).findByRole('link', { name: /下一篇/ })).toHaveTextContent('voa 报道 8')
  })
})

describe('not found', () => {
  it('says 未找到 for an unknown path and an unknown article', async () => {
    renderAt('/no/such/page')
    expect(await screen.findByRole('heading', { name: /未找到/ })).toBeInTheDocument()
    cleanup()
    renderAt('/articles/nope')
    expect(await screen.findByRole('heading', { name: '未找到这篇文章' })).toBeInTheDocument()
  })

  it('does not fetch an id that is not of the ingest form (a path in disguise)', async () => {
    renderAt('/articles/..%2Fmanifest')
    expect(await screen.findByRole('heading', { name: '未找到这篇文章' })).toBeInTheDocument()
    expect(fetched.filter((url) => url.includes('/articles/'))).toEqual([])
  })
})

describe('a bundle of another schema', () => {
  it.each([
    ['newer', SCHEMA_VERSION + 1, strings.app.bundleNewer, strings.app.bundleNewerHint],
    ['older', SCHEMA_VERSION - 1, strings.app.bundleOlder, strings.app.bundleOlderHint],
    ['unmarked', undefined, strings.app.bundleOlder, strings.app.bundleOlderHint],
  ])('says what to do about a %s bundle, on the list and the detail, not that the network failed', async (_, schema, title, hint) => {
    tampered.set(MANIFEST_FILE, { ...bundle.manifest, schema })
    renderAt('/')
    const alert = await screen.findByRole('alert')
    expect(within(alert).getByText(title)).toBeInTheDocument()
    expect(within(alert).getByText(hint)).toBeInTheDocument()
    expect(screen.queryByText(strings.app.loadError)).not.toBeInTheDocument()
    cleanup()
    renderAt(`/articles/${ids[0]}`)
    expect(await screen.findByText(title)).toBeInTheDocument()
    expect(screen.queryByRole('heading', { level: 1, name: SEEDS[0]!.title })).not.toBeInTheDocument()
  })
})

describe('a manifest pointing elsewhere', () => {
  it('shows the error state and fetches nothing it names', async () => {
    tampered.set(MANIFEST_FILE, { ...bundle.manifest, shards: bundle.manifest.shards.map((ref) => ({ ...ref, file: '../evil.json' })) })
    renderAt('/')
    expect(await screen.findByText(strings.app.dataDamaged)).toBeInTheDocument()
    expect(fetched.filter((url) => url !== `/data/${MANIFEST_FILE}`)).toEqual([])
  })
})

const QUERY = '习近平'

describe('a search the index over-matches', () => {
  // 39 articles hold 新冠疫 and 冠疫苗 apart (the term's trigrams, not the term); one older one holds 新冠疫苗.
  const TERM = '新冠疫苗'
  const inputs: FixtureArticle[] = Array.from({ length: 40 }, (_, n) => ({
    outlet: 'bbc',
    slug: `vaccine-${n}`,
    publishedAt: new Date(Date.UTC(2024, 0, 1) - n * 3_600_000).toISOString(),
    title: `防疫报道 ${n}`,
    body: n === 35 ? `记者报道${TERM}的接种。` : '新冠疫情期间，另有冠疫苗一说。',
  }))
  const serveTexts = () => {
    for (const input of inputs) {
      const id = [...bundle.articles.values()].find((article) => article.title === input.title)!.id
      tampered.set(searchTextPath(id), `${input.title}\n${input.body}`)
    }
  }

  it('a page reaches past the hits its texts disprove: the one article holding the term is on it, and the count is exact', async () => {
    bundle = buildBundle(inputs)
    serveTexts()
    renderAt(`/?q=${encodeURIComponent(TERM)}`)
    expect(await screen.findByText('共 1 篇')).toBeInTheDocument()
    await waitFor(() => expect(articleTitles()).toEqual(['防疫报道 35']))
  })
})

describe('a pasted headline the index over-matches beyond a page', () => {
  // 130 newer articles (more than a page checks) hold every key the headline is looked up by, in
  // pieces; the one older article whose title it is comes first on the list, checked, and only there.
  const HEADLINE = '中国将经济增长目标定在左右它提到了领土尊严'
  const pieces = lookupKeys({ text: HEADLINE, phrase: false }).join('，')
  const inputs: FixtureArticle[] = Array.from({ length: 131 }, (_, n) => ({
    outlet: 'bbc',
    slug: `piece-${n}`,
    publishedAt: new Date(Date.UTC(2024, 0, 1) - n * 3_600_000).toISOString(),
    title: n === 130 ? HEADLINE : `经济报道 ${n}`,
    body: n === 130 ? '记者报道。' : `报道称${pieces}。`,
  }))

  it('lists the article whose title it is first and says so', async () => {
    bundle = buildBundle(inputs)
    for (const input of inputs) {
      const id = [...bundle.articles.values()].find((article) => article.title === input.title)!.id
      tampered.set(searchTextPath(id), `${input.title}\n${input.body}`)
    }
    const q = encodeURIComponent(HEADLINE)
    renderAt(`/?q=${q}`)
    await waitFor(() => expect(articleTitles()).toEqual([HEADLINE]))
    expect(await screen.findByText(new RegExp(`^最多 \\d+ 篇 · ${strings.filters.titleFirst}$`))).toBeInTheDocument()
    // The timeline checks 400 hits a page, all of these: it is in time order, and the count exact.
    cleanup()
    renderAt(`/timeline?q=${q}`)
    expect(await screen.findByText('共 1 篇')).toBeInTheDocument()
  })

  it('says nothing of titles when no title holds it (the order is newest first)', async () => {
    bundle = buildBundle(inputs.slice(0, 130))
    renderAt(`/?q=${encodeURIComponent(HEADLINE)}`)
    expect(await screen.findByText(/^最多 \d+ 篇$/)).toBeInTheDocument()
    expect(screen.queryByText(new RegExp(strings.filters.titleFirst))).toBeNull()
  })
})

describe('a search in the address, loaded before the app has started', () => {
  // 60 hits of 120 articles, 10 a shard: the first page of 30 (and the one more it checks) spans shards.
  const TERM = '健康码'
  const inputs: FixtureArticle[] = Array.from({ length: 120 }, (_, n) => ({
    outlet: n % 2 === 0 ? 'bbc' : 'voa',
    slug: `code-${n}`,
    publishedAt: new Date(Date.UTC(2024, 0, 1) - n * 3_600_000).toISOString(),
    title: `防疫报道 ${n}`,
    body: n % 2 === 0 ? `记者报道${TERM}的使用。` : '另有报道。',
  }))
  const fetchedOnce = () => expect(fetched.filter((path, i) => fetched.indexOf(path) !== i)).toEqual([])

  beforeEach(() => {
    bundle = buildBundle(inputs, { maxShardEntries: 10 })
    for (const input of inputs) {
      const id = [...bundle.articles.values()].find((article) => article.title === input.title)!.id
      tampered.set(searchTextPath(id), `${input.title}\n${input.body}`)
    }
  })

  it('starts every index file of the first page of results (not its texts), and the list reads each of them, none twice', async () => {
    const { preloadSearch } = await import('../features/articles/early-search')
    const started = await preloadSearch({ pathname: '/', search: `?q=${encodeURIComponent(TERM)}` })
    expect(started.filter((path) => path.startsWith(`${SHARD_DIR}/`)).length).toBeGreaterThan(1)
    expect(started.filter((path) => path.startsWith(`${TEXT_DIR}/`))).toEqual([])
    renderAt(`/?q=${encodeURIComponent(TERM)}`)
    expect(await screen.findByText('共 60 篇')).toBeInTheDocument()
    await waitFor(() => expect(articleTitles()).toHaveLength(30))
    expect(articleTitles()[0]).toBe('防疫报道 0')
    fetchedOnce()
    expect(untakenEarly()).toEqual([])
  })

  it('under an outlet filter too; under relevance order or read marks only the buckets, which that list walks its own way', async () => {
    const { preloadSearch } = await import('../features/articles/early-search')
    const started = await preloadSearch({ pathname: '/', search: `?outlet=voa&q=${encodeURIComponent('报道')}` })
    expect(started.filter((path) => path.startsWith(`${SHARD_DIR}/`)).length).toBeGreaterThan(1)
    renderAt(`/?outlet=voa&q=${encodeURIComponent('报道')}`)
    await waitFor(() => expect(articleTitles()).toHaveLength(30))
    expect(articleTitles().every((title) => Number(title!.split(' ')[1]) % 2 === 1)).toBe(true)
    fetchedOnce()
    expect(untakenEarly()).toEqual([])
    cleanup()

    // These start files no list here takes: from a fresh copy of the modules, whose early responses no later test sees.
    vi.resetModules()
    const { preloadSearch: preloadApart } = await import('../features/articles/early-search')
    for (const extra of ['sort=relevance', 'unread=1']) {
      const later = await preloadApart({ pathname: '/', search: `?q=${encodeURIComponent(TERM)}&${extra}` })
      expect(later).toContain(MANIFEST_FILE)
      expect(later.some((path) => path.startsWith(`${SEARCH_DIR}/`))).toBe(true)
      expect(later.every((path) => path === MANIFEST_FILE || path.startsWith(`${SEARCH_DIR}/`))).toBe(true)
    }
    // The timeline's page is another: nothing beyond the buckets either.
    const timeline = await preloadApart({ pathname: '/timeline', search: `?q=${encodeURIComponent(TERM)}` })
    expect(timeline.some((path) => path.startsWith(`${SEARCH_DIR}/`))).toBe(true)
    expect(timeline.every((path) => path === MANIFEST_FILE || path.startsWith(`${SEARCH_DIR}/`))).toBe(true)
  })
})

describe('the timeline', () => {
  it('stays in time order under sort=relevance, which only the list applies', async () => {
    const texts = () => screen.queryAllByRole('article').map((node) => node.textContent)
    const shownAt = async (url: string) => {
      cleanup()
      renderAt(url)
      await screen.findByText(/^共 \d+ 篇$/)
      await waitFor(() => expect(texts().length).toBeGreaterThan(1))
      return texts()
    }
    const q = encodeURIComponent(QUERY)
    const listed = await shownAt(`/?q=${q}`)
    expect(await shownAt(`/?q=${q}&sort=relevance`)).not.toEqual(listed) // relevance does reorder these
    const inTime = await shownAt(`/timeline?q=${q}`)
    expect(await shownAt(`/timeline?q=${q}&sort=relevance`)).toEqual(inTime)
  })

  it("leaves out, as the list does, a hit whose search text does not hold the query (the index over-matched)", async () => {
    const shown = async (url: string) => {
      cleanup()
      renderAt(url)
      await screen.findByText(/^共 \d+ 篇$/)
      // The list's cards have a heading; the timeline's entries only the title's link.
      const titles = () => screen.queryAllByRole('article').map((node) => (node.querySelector('h2, h3') ?? node.querySelector('a[href^="/articles/"]'))?.textContent)
      await waitFor(() => expect(titles().length).toBeGreaterThan(0))
      return titles()
    }
    const q = encodeURIComponent(QUERY)
    const hits = await shown(`/timeline?q=${q}`)
    expect(hits.length).toBeGreaterThan(1)
    const first = [...seedBundle.articles.values()].find((article) => hits[0]?.startsWith(article.title))!
    tampered.set(searchTextPath(first.id), `${first.title.replace(QUERY, '')}\n一段不含所查词语的正文。`)
    for (const path of ['/timeline', '/']) {
      expect(await shown(`${path}?q=${q}`), path).toEqual(hits.slice(1))
      // Every hit's text was checked: the count is theirs, not the index's.
      expect(await screen.findByText(`共 ${hits.length - 1} 篇`), path).toBeInTheDocument()
    }
  })

  it('filters to a month when its bar is clicked', async () => {
    const user = userEvent.setup()
    const router = renderAt('/timeline')
    await screen.findByText('共 5 篇')
    await act(() => user.click(screen.getByRole('button', { name: /^2023年3月：2 篇/ })))
    expect(router.state.location.search).toBe('?from=2023-03-01&to=2023-03-31')
    expect(await screen.findByText('共 2 篇')).toBeInTheDocument()
  })
})
