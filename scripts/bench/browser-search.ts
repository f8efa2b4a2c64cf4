// Headless Chromium against the production build: cold loads into /?q=, queries typed or pasted into
// the open app, the first paint of /, and the same searches on a Pagefind page served beside the app.
// "Shown" is a DOM condition checked by a MutationObserver in the page (the list's final count and,
// when there are results, a first result link), timed with the page's own performance.now().
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { strings } from '../../src/lib/strings'
import { WAIT_MS } from '../../tests/e2e/limits'

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

/** A fresh context: empty cache and storage, no service worker, no network beyond the server. */
export async function freshContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' })
  context.setDefaultTimeout(WAIT_MS)
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort('internetdisconnected'))
  return context
}

export interface Shown {
  /** performance.now() in the page when the condition first held. */
  at: number
  count: number
  /** The status line then (共 N 篇, or 最多 N 篇 while the hits' texts are checked). */
  status: string
  /** It said 共 N 篇: the count is exact, not an upper bound. */
  final: boolean
  /** Article ids of the result links on the page (the first page of results). */
  ids: string[]
}

declare global {
  interface Window {
    __benchShown?: Shown
    __benchInput?: number
    __benchWatch?: (expected: string | null, baseline: string | null) => void
  }
}

// The list's status line and its final count sentence, as strings.ts words them (zh-CN contexts).
const STATUS = `section[aria-label="${strings.filters.label}"] [role="status"]`
const SAMPLE = 1_234_567
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const countPattern = (sentence: string) => literal(sentence).replace(new Intl.NumberFormat('zh-CN').format(SAMPLE), '([\\d,]+)')
// 共 N 篇, or 最多 N 篇 when hits beyond the checked pages may still be wrong (the count is then an upper bound);
// a pasted headline's results add that titles holding it come first (use-article-list.ts).
const COUNT_PATTERN = `^(?:${countPattern(strings.filters.resultCount(SAMPLE))}|${countPattern(strings.filters.resultAtMost(SAMPLE)).replace('(', '(?<most>')})(?: · ${literal(strings.filters.titleFirst)})?$`

/**
 * Installed before any page script: window.__benchWatch(expected q, baseline status) starts watching
 * for the app's final result count for that query (a status other than the baseline), and records it
 * in __benchShown; every input event records its time in __benchInput. A string, not a function:
 * the TypeScript loader wraps named functions in a helper that does not exist in the page.
 */
const WATCH_SCRIPT = `(() => {
  const readState = () => {
    const status = document.querySelector(${JSON.stringify(STATUS)})?.textContent?.trim() ?? ''
    const match = new RegExp(${JSON.stringify(COUNT_PATTERN)}).exec(status)
    if (!match || document.querySelector('[aria-busy="true"]')) return null
    const count = Number((match[1] ?? match.groups.most).replace(/,/g, ''))
    const ids = Array.from(document.querySelectorAll('main article a[href*="/articles/"]'), (link) =>
      decodeURIComponent(new URL(link.href).pathname.split('/articles/')[1] ?? ''),
    ).filter((id, at, all) => id !== '' && all.indexOf(id) === at)
    if (count > 0 && ids.length === 0) return null
    return { status, count, final: match.groups.most === undefined, ids }
  }
  let observer
  window.__benchWatch = (expected, baseline) => {
    observer?.disconnect()
    window.__benchShown = undefined
    const check = () => {
      if (window.__benchShown) return
      const q = new URLSearchParams(location.search).get('q')
      if ((q ?? null) !== expected) return
      const state = readState()
      if (!state || state.status === baseline) return
      window.__benchShown = { at: performance.now(), count: state.count, status: state.status, final: state.final, ids: state.ids }
      observer?.disconnect()
    }
    observer = new MutationObserver(check)
    observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true })
    check()
  }
  document.addEventListener('input', () => (window.__benchInput = performance.now()), true)
  const initial = new URLSearchParams(location.search).get('q')
  if (location.pathname === '/' || location.pathname.endsWith('/index.html')) window.__benchWatch(initial?.trim() ?? null, null)
})()`

/** The list's page size (article-list-view.tsx): the first page of results holds this many when there are. */
const LIST_PAGE = 30

/**
 * When the results were first shown; then, untimed, the ids of the whole first page of results
 * (entries arrive shard by shard after the first).
 */
async function shown(page: Page): Promise<Shown> {
  await page.waitForFunction(() => window.__benchShown !== undefined)
  const shownFirst = await page.evaluate(() => window.__benchShown!)
  // Timed at the first results; an upper bound (最多 N 篇) is then waited on, untimed, until the texts
  // of the hits are checked and the count is exact (or it stays a bound: the hits exceed what a page checks).
  const first = shownFirst.final ? shownFirst : { ...shownFirst, count: await finalCount(page, shownFirst.count) }
  const want = Math.min(first.count, LIST_PAGE)
  // The page may show fewer than the count says: cards its search text disproves are dropped.
  await page
    .waitForFunction((count) => new Set(Array.from(document.querySelectorAll<HTMLAnchorElement>('main article a[href*="/articles/"]'), (link) => link.pathname)).size >= count, want, { timeout: 10_000 })
    .catch(() => undefined)
  const ids = await page.evaluate(() =>
    Array.from(new Set(Array.from(document.querySelectorAll<HTMLAnchorElement>('main article a[href*="/articles/"]'), (link) => decodeURIComponent(link.pathname.split('/articles/')[1] ?? '')))),
  )
  return { ...first, ids }
}

/** The count once the status says 共 N 篇 (read with COUNT_PATTERN, as the watch reads it), or `bound` if it never does. */
async function finalCount(page: Page, bound: number): Promise<number> {
  const exact = await page
    .waitForFunction(
      ([selector, pattern]) => {
        const match = new RegExp(pattern).exec(document.querySelector(selector)?.textContent?.trim() ?? '')
        return match && match.groups?.most === undefined ? Number(match[1]!.replace(/,/g, '')) : null
      },
      [STATUS, COUNT_PATTERN] as const,
      { timeout: 10_000 },
    )
    .then((handle) => handle.jsonValue())
    .catch(() => null)
  return exact ?? bound
}

export interface SearchRun {
  query: string
  ms: number
  count: number
  ids: string[]
}

/** Cold: a fresh context loads /?q=query; navigation start to the results shown. */
export async function coldSearch(browser: Browser, baseURL: string, query: string): Promise<SearchRun> {
  const context = await freshContext(browser, baseURL)
  try {
    await context.addInitScript(WATCH_SCRIPT)
    const page = await context.newPage()
    await page.goto(`/?q=${encodeURIComponent(query)}`)
    const result = await shown(page)
    return { query, ms: result.at, count: result.count, ids: result.ids }
  } finally {
    await context.close()
  }
}

/** The open app at /, its list shown, for typed and pasted queries. */
export async function openApp(browser: Browser, baseURL: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await freshContext(browser, baseURL)
  await context.addInitScript(WATCH_SCRIPT)
  const page = await context.newPage()
  await page.goto('/')
  await shown(page)
  // The prerendered list shows before the app is live (aria-busy until its first render): keys
  // typed before then would land in markup no handler listens to yet.
  await page.waitForFunction(() => !document.documentElement.hasAttribute('aria-busy'))
  return { page, close: () => context.close() }
}

const searchBox = (page: Page) => page.getByRole('search').getByRole('searchbox')

async function statusText(page: Page): Promise<string> {
  return (await page.locator(STATUS).textContent())?.trim() ?? ''
}

/** Empties the search box and waits for the unfiltered list; returns its status text. */
async function clearSearch(page: Page): Promise<string> {
  if ((await searchBox(page).inputValue()) !== '') {
    await page.evaluate(() => window.__benchWatch!(null, null))
    await searchBox(page).fill('')
    await shown(page)
  }
  return statusText(page)
}

/**
 * Types (one key every `delay` ms, as a person would) or pastes (one input event) a query into the
 * open app: from the last input event to the updated list, debounce included.
 */
export async function typedSearch(page: Page, query: string, how: 'type' | 'paste', delay = 90): Promise<SearchRun> {
  const baseline = await clearSearch(page)
  await page.evaluate(([expected, before]) => window.__benchWatch!(expected, before), [query.trim(), baseline] as const)
  await searchBox(page).click()
  if (how === 'type') await page.keyboard.type(query, { delay })
  else await page.keyboard.insertText(query)
  const result = await shown(page)
  const input = await page.evaluate(() => window.__benchInput ?? 0)
  return { query, ms: result.at - input, count: result.count, ids: result.ids }
}

export interface FirstPaint {
  /** First contentful paint of /. */
  fcp: number
  /** The first article card of the list in the DOM. */
  list: number
}

/** A cold load of /: its first contentful paint and the first list entry. */
export async function firstPaint(browser: Browser, baseURL: string): Promise<FirstPaint> {
  const context = await freshContext(browser, baseURL)
  try {
    const page = await context.newPage()
    await context.addInitScript(WATCH_SCRIPT)
    await page.goto('/')
    const list = (await shown(page)).at
    const fcp = await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime)
    return { fcp: (await fcp.jsonValue())!, list }
  } finally {
    await context.close()
  }
}

// The Pagefind page: its JS API, the first ten results' data loaded and listed, as its UI would.
export const PAGEFIND_PAGE = 'pagefind-bench.html'
export const PAGEFIND_HTML = `<!doctype html><html lang="zh"><meta charset="utf-8"><title>Pagefind</title>
<input id="q" type="search" aria-label="search"><p id="count"></p><ol id="results"></ol>
<script type="module" src="./pagefind-bench.js"></script></html>\n`
export const PAGEFIND_SCRIPT = `const pagefind = await import('./pagefind/pagefind.js')
await pagefind.init()
async function run(q) {
  const search = await pagefind.search(q)
  const data = await Promise.all(search.results.slice(0, 10).map((result) => result.data()))
  document.getElementById('results').replaceChildren(...data.map((item) => {
    const entry = document.createElement('li')
    const link = document.createElement('a')
    link.href = item.url
    link.textContent = item.meta.title
    entry.append(link)
    return entry
  }))
  document.getElementById('count').textContent = String(search.results.length)
  return search.results.length
}
window.benchSearch = async (q) => {
  const start = performance.now()
  const count = await run(q)
  return { ms: performance.now() - start, count }
}
window.benchUrls = async (q) => {
  const { results } = await pagefind.search(q)
  const urls = []
  for (let at = 0; at < results.length; at += 100) urls.push(...(await Promise.all(results.slice(at, at + 100).map((result) => result.data()))).map((item) => item.url))
  return urls
}
const q = new URLSearchParams(location.search).get('q')
if (q) {
  const count = await run(q)
  window.benchShown = { at: performance.now(), count }
} else window.benchReady = true
`

interface PagefindWindow {
  benchShown?: { at: number; count: number }
  benchReady?: boolean
  benchSearch: (q: string) => Promise<{ ms: number; count: number }>
  benchUrls: (q: string) => Promise<string[]>
}

const idOf = (url: string) => decodeURIComponent(url.split('/articles/')[1] ?? url)

/** Cold Pagefind: a fresh context loads the page with ?q=; navigation start to ten results listed. */
export async function pagefindCold(browser: Browser, baseURL: string, query: string): Promise<SearchRun> {
  const context = await freshContext(browser, baseURL)
  try {
    const page = await context.newPage()
    await page.goto(`/${PAGEFIND_PAGE}?q=${encodeURIComponent(query)}`)
    await page.waitForFunction(() => (window as unknown as PagefindWindow).benchShown !== undefined)
    const result = await page.evaluate(() => (window as unknown as PagefindWindow).benchShown!)
    return { query, ms: result.at, count: result.count, ids: [] }
  } finally {
    await context.close()
  }
}

/** The open Pagefind page: warm searches (search and ten results' data) and every result's id. */
export async function openPagefind(browser: Browser, baseURL: string) {
  const context = await freshContext(browser, baseURL)
  const page = await context.newPage()
  await page.goto(`/${PAGEFIND_PAGE}`)
  await page.waitForFunction(() => (window as unknown as PagefindWindow).benchReady === true)
  return {
    search: async (query: string): Promise<SearchRun> => {
      const result = await page.evaluate((q) => (window as unknown as PagefindWindow).benchSearch(q), query)
      return { query, ms: result.ms, count: result.count, ids: [] }
    },
    ids: async (query: string): Promise<string[]> => (await page.evaluate((q) => (window as unknown as PagefindWindow).benchUrls(q), query)).map(idOf),
    close: () => context.close(),
  }
}
