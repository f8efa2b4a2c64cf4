// Build step: the shell and each page's first screen rendered into dist/index.html and its siblings
// (timeline.html, …, articles/<id>.html, stories/<id>.html) by src/app/prerender.tsx, loaded through
// Vite's SSR loader; a JSON block naming the data files the markup came from, which the app hydrates
// from; and a small classic script that runs before the first paint (no inline script: the CSP allows none).
import { createHash } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import react from '@vitejs/plugin-react'
import { createServer, type Plugin, type ResolvedConfig, type Rollup } from 'vite'
import { awaitedPath, FIRST_SCREEN_ID, MISMATCH_ATTRIBUTE, PRERENDERED_ATTRIBUTE, type FirstScreen } from '../../src/app/first-screen'
import { THEME_KEY } from '../../src/lib/theme'
import { LANGUAGE_KEY } from '../../src/lib/i18n'
import { STORAGE_PREFIX } from '../../src/lib/storage'
import { ARTICLE_DIR, ARTICLE_ID, MANIFEST_FILE, STORY_DIR, STORY_ID } from '../../src/types/bundle-paths'
import type { IndexShard, Manifest } from '../../src/types/data'

/** Dates in the markup are written in this zone; a reader in another one gets a fresh render instead of hydration. */
const TIME_ZONE = process.env.PRERENDER_TIME_ZONE ?? 'Asia/Shanghai'
// The app's code, which main.tsx loads after the first paint on every view (React's renderer, then the
// app): the early script preloads both (PreloadPlan.app), so neither is a round trip after the other.
const PRELOADED = ['/node_modules/react-dom/client.js', '/src/app/start.tsx']
/** Each view's page module (src/app/router.tsx), by the first segment of its path: the early script preloads the one asked for. */
const ROUTE_MODULES: Record<string, string> = {
  '': '/src/routes/list.tsx',
  [ARTICLE_DIR]: '/src/routes/article.tsx',
  [STORY_DIR]: '/src/routes/story.tsx',
  timeline: '/src/routes/timeline.tsx',
  bookmarks: '/src/routes/bookmarks.tsx',
  notes: '/src/routes/notes.tsx',
}
/**
 * The pages prerendered, by path under the base, and their files: what a first visit shows without
 * stored state. Hosts serve `/timeline` from timeline.html (vite preview does; nginx:
 * `try_files $uri $uri.html /index.html`), any other path from index.html.
 */
interface Page {
  page: string
  file: string
  stored?: 'hide'
}
const PAGES: readonly Page[] = [
  { page: '', file: 'index.html' },
  { page: 'timeline', file: 'timeline.html' },
  // Their first screen is the empty state: a reader with anything stored must not see it first.
  { page: 'bookmarks', file: 'bookmarks.html', stored: 'hide' },
  { page: 'notes', file: 'notes.html', stored: 'hide' },
]

/**
 * The newest articles that get a page of their own (`articles/<id>.html`), with the stories they
 * belong to (`stories/<id>.html`): a link to one from outside paints its title and body before any
 * code. Each costs about 12 ms of build (the sanitizer's DOM is most of it); `all` renders every article.
 */
export const ARTICLE_PAGES_DEFAULT = 1000

export function articlePageLimit(value = process.env.PRERENDER_ARTICLES): number {
  if (value === undefined || value === '') return ARTICLE_PAGES_DEFAULT
  if (value === 'all') return Infinity
  const limit = Number(value)
  if (!Number.isInteger(limit) || limit < 0) throw new Error(`PRERENDER_ARTICLES: ${JSON.stringify(value)} is not a number of articles or "all"`)
  return limit
}

/** The newest `limit` articles' pages, by the shards' order, and their stories' pages; ids the bundle's patterns refuse get none. */
export async function articlePages(dataDir: string, limit: number): Promise<Page[]> {
  if (limit === 0) return []
  const manifest = JSON.parse(await readFile(path.join(dataDir, MANIFEST_FILE), 'utf8')) as Manifest
  const articles: string[] = []
  const stories = new Set<string>()
  for (const shard of manifest.shards) {
    if (articles.length >= limit) break
    const { entries } = JSON.parse(await readFile(path.join(dataDir, shard.file), 'utf8')) as IndexShard
    for (const entry of entries) {
      if (articles.length >= limit) break
      if (!ARTICLE_ID.test(entry.id)) continue
      articles.push(entry.id)
      if (entry.story && STORY_ID.test(entry.story.id)) stories.add(entry.story.id)
    }
  }
  return [
    ...articles.map((id) => ({ page: `${ARTICLE_DIR}/${id}`, file: `${ARTICLE_DIR}/${id}.html` })),
    ...[...stories].map((id) => ({ page: `${STORY_DIR}/${id}`, file: `${STORY_DIR}/${id}.html` })),
  ]
}

/** What a search (`?q=`) loads before its first query: the Traditional→Simplified fold, and what asks for its index buckets. */
const QUERY_MODULES = ['/src/lib/fold-script.ts', '/src/features/articles/prefetch-search.ts']

/** The early script's plan (a data attribute of its tag): chunks per view and the data folder, relative to the base. */
export interface PreloadPlan {
  /** The app's own chunks (main.tsx's dynamic imports of react-dom/client and app/start.tsx, and what they import). */
  app: string[]
  routes: Record<string, string[]>
  query: string[]
  data: string
}

/**
 * Before the first paint: the stored theme (the system's needs no script: index.css), and a mark
 * on <html> when the markup is not this reader's view (another path, a query), which index.css
 * hides until the app renders the right one; and the page busy (aria-busy) until the app has
 * rendered, so nothing takes the markup for the live page. A reader of the English interface sees the Chinese
 * markup until the app renders it in English: the list's titles and summaries are the same.
 * Then the app's code and the view's own code, preloaded from its tag's plan (PreloadPlan), after the
 * first paint; with them, on the page's own view, the data files its markup came from (`data-awaits`),
 * and on another view at once the manifest and that view's article or story file: so none waits for the app to ask for it.
 */
export function earlyScript(base: string): string {
  return `(function () {
  var root = document.documentElement
  var tag = document.currentScript
  var theme = null
  var stored = false
  try {
    theme = localStorage.getItem(${JSON.stringify(THEME_KEY)})
    for (var k = 0; k < localStorage.length; k++) {
      var key = localStorage.key(k)
      if (key && key.indexOf(${JSON.stringify(STORAGE_PREFIX)}) === 0 && key !== ${JSON.stringify(THEME_KEY)} && key !== ${JSON.stringify(LANGUAGE_KEY)}) stored = true
    }
  } catch (error) {}
  if (theme === 'dark' || theme === 'light') root.classList.add(theme)
  var page = tag && tag.getAttribute('data-page')
  var mismatch = location.pathname !== page || location.search !== '' || (stored && tag && tag.hasAttribute('data-hide-if-stored'))
  if (mismatch) root.setAttribute(${JSON.stringify(MISMATCH_ATTRIBUTE)}, 'view')
  root.setAttribute('aria-busy', 'true')
  var plan = null
  try { plan = JSON.parse(tag.getAttribute('data-preload')) } catch (error) { return }
  if (!plan || !plan.routes) return
  var base = ${JSON.stringify(base)}
  if (location.pathname.indexOf(base) !== 0) return
  var segments = location.pathname.slice(base.length).split('/')
  var files = plan.app.concat(plan.routes[segments[0]] || [])
  if (segments[0] === '' && /[?&]q=/.test(location.search)) files = files.concat(plan.query)
  var link = function (rel, href) {
    var element = document.createElement('link')
    element.rel = rel === 'modulepreload' ? rel : 'preload'
    element.href = href
    if (rel === 'preload-style') element.setAttribute('as', 'style')
    if (rel === 'preload') {
      element.setAttribute('as', 'fetch')
      element.setAttribute('type', 'application/json')
      element.setAttribute('crossorigin', 'anonymous')
    }
    document.head.appendChild(element)
  }
  var data = function () {
    link('preload', base + plan.data + ${JSON.stringify(MANIFEST_FILE)})
    var id = segments[1]
    if (segments.length === 2 && (segments[0] === ${JSON.stringify(ARTICLE_DIR)} || segments[0] === ${JSON.stringify(STORY_DIR)}) && /^[a-z0-9-]+$/.test(id)) {
      link('preload', base + plan.data + segments[0] + '/' + id + '.json')
    }
  }
  var code = function () {
    for (var i = 0; i < files.length; i++) link(/\\.css$/.test(files[i]) ? 'preload-style' : 'modulepreload', base + files[i])
  }
  // The files the page's markup came from (its block's awaits), which the app hydrates from.
  var own = function () {
    var files = (tag.getAttribute('data-awaits') || '').split(' ')
    for (var i = 0; i < files.length; i++) if (files[i]) link('preload', base + plan.data + files[i])
  }
  var preload = function () {
    code()
    if (!mismatch) own()
  }
  // The first paint (the page's own markup, or the shell of another view) gets the network to itself,
  // with the stylesheet; then the code. Another view's data file is small and what it waits for: at once.
  if (mismatch) data()
  if (document.visibilityState !== 'visible') return preload()
  try {
    var observer = new PerformanceObserver(function (list) {
      if (!list.getEntriesByName('first-contentful-paint').length) return
      observer.disconnect()
      preload()
    })
    observer.observe({ type: 'paint', buffered: true })
  } catch (error) {
    preload()
  }
})()
`
}

/** `text` with its one `from` replaced by `to`, taken as it is (String.replace would read `$&` and `$'` in an article's text). */
export function swap(text: string, from: string, to: string): string {
  const at = text.indexOf(from)
  if (at < 0) throw new Error(`prerender: index.html lost its ${from.slice(0, 60)}`)
  return text.slice(0, at) + to + text.slice(at + from.length)
}

/** Text for a double-quoted attribute. */
function attributeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}

/** A JSON block's text: `<` escaped, so no string in the data can close the element. */
export function jsonBlock(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c')
}

/** Each module's chunk and what it imports statically, without `skip`'s: fetched together, so none is a second round trip. */
function chunksOf(bundle: Rollup.OutputBundle, modules: readonly string[], skip: ReadonlySet<string> = new Set()): string[] {
  const byFile = new Map(Object.values(bundle).flatMap((item) => (item.type === 'chunk' ? [[item.fileName, item] as const] : [])))
  const files = new Set<string>()
  const visit = (chunk: Rollup.OutputChunk) => {
    if (files.has(chunk.fileName) || skip.has(chunk.fileName)) return
    files.add(chunk.fileName)
    for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css)
    for (const file of chunk.imports) {
      const imported = byFile.get(file)
      if (imported && !imported.isEntry) visit(imported)
    }
  }
  for (const module of modules) {
    const chunk = [...byFile.values()].find((candidate) => candidate.facadeModuleId?.endsWith(module))
    if (!chunk) throw new Error(`prerender: no chunk for ${module}`)
    visit(chunk)
  }
  return [...files]
}

/** The views' chunks beyond the app's (`preloaded`), for the early script. */
export function preloadPlan(bundle: Rollup.OutputBundle, preloaded: readonly string[], dataFolder: string): PreloadPlan {
  const skip = new Set(preloaded)
  return {
    app: preloaded.filter((file) => file.endsWith('.js')),
    routes: Object.fromEntries(Object.entries(ROUTE_MODULES).map(([segment, module]) => [segment, chunksOf(bundle, [module], skip)])),
    query: chunksOf(bundle, QUERY_MODULES, skip),
    data: dataFolder,
  }
}

/** A first visit's storage: empty and working, so no store reports it blocked in the markup. */
function emptyStorage(): Storage {
  const items = new Map<string, string>()
  return {
    get length() {
      return items.size
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  }
}

/** Renders each page's first screen in a throwaway SSR loader, reading data files from the built data folder. */
async function renderFirstScreens(config: ResolvedConfig, pages: readonly string[]): Promise<{ html: string; screen: FirstScreen }[]> {
  const dataDir = path.join(config.publicDir, 'data')
  const dataPrefix = `${config.base}data/`
  const realFetch = globalThis.fetch
  const zone = process.env.TZ
  globalThis.fetch = async (input) => {
    const url = String(input instanceof Request ? input.url : input)
    if (!url.startsWith(dataPrefix)) throw new Error(`prerender: fetch of ${url} (only data files are read)`)
    const file = path.join(dataDir, decodeURIComponent(url.slice(dataPrefix.length)))
    if (!file.startsWith(dataDir + path.sep)) throw new Error(`prerender: ${url} is outside the data folder`)
    try {
      return new Response(await readFile(file), { headers: { 'content-type': 'application/json' } })
    } catch {
      return new Response('', { status: 404 })
    }
  }
  process.env.TZ = TIME_ZONE
  // No window (the query library and the stores must see a server), only an empty storage.
  const realStorage = Object.getOwnPropertyDescriptor(globalThis, 'localStorage')
  Object.defineProperty(globalThis, 'localStorage', { value: emptyStorage(), configurable: true, writable: true })
  const server = await createServer({
    configFile: false,
    root: config.root,
    base: config.base,
    logLevel: 'error',
    plugins: [react()],
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    appType: 'custom',
  })
  try {
    const entry = (await server.ssrLoadModule('/src/app/prerender.tsx')) as typeof import('../../src/app/prerender')
    const rendered = []
    for (const page of pages) rendered.push(await entry.renderFirstScreen(page))
    return rendered
  } finally {
    await server.close()
    globalThis.fetch = realFetch
    if (realStorage) Object.defineProperty(globalThis, 'localStorage', realStorage)
    else delete (globalThis as { localStorage?: Storage }).localStorage
    if (zone === undefined) delete process.env.TZ
    else process.env.TZ = zone
  }
}

export function prerenderFirstScreen(): Plugin {
  let config: ResolvedConfig
  let earlyFile = ''
  let pages: { file: string; early: string; title: string | undefined; root: string }[] = []
  return {
    name: 'archive-reader:first-screen',
    apply: 'build',
    configResolved(resolved) {
      config = resolved
    },
    buildStart() {
      const source = earlyScript(config.base)
      earlyFile = `assets/first-screen-${createHash('sha256').update(source).digest('hex').slice(0, 8)}.js`
      this.emitFile({ type: 'asset', fileName: earlyFile, source })
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html, context) {
        if (!context.bundle) return html
        const all: Page[] = [...PAGES, ...(await articlePages(path.join(config.publicDir, 'data'), articlePageLimit()))]
        const screens = await renderFirstScreens(config, all.map(({ page }) => page))
        const root = '<div id="root"></div>'
        if (!html.includes(root)) throw new Error(`prerender: index.html has no ${root}`)
        // First in <head> after the charset (and the CSP before it): behind the stylesheet it would wait
        // for it, and the parser blocked there lets the browser paint an empty page first.
        const charset = '<meta charset="UTF-8" />'
        if (!html.includes(charset)) throw new Error(`prerender: index.html has no ${charset}`)
        const preloaded = chunksOf(context.bundle, PRELOADED)
        const plan = attributeText(JSON.stringify(preloadPlan(context.bundle, preloaded, 'data/')))
        pages = all.map(({ page, file, stored }, at) => {
          const { html: rendered, screen } = screens[at]!
          // React would hoist the page's <title> into <head> on the client: here it replaces index.html's.
          const title = page === '' ? undefined : /<title>[^<]*<\/title>/.exec(rendered)?.[0]
          const markup = rendered.replace(/<title>[^<]*<\/title>/, '')
          const styled = /<[^>]+\sstyle="[^"]*"/.exec(markup)
          if (styled) throw new Error(`prerender: ${file}: the CSP refuses style attributes, set the style through a ref instead: ${styled[0]}`)
          const awaits = screen.awaits.map((key) => {
            const dataFile = awaitedPath(key)
            if (dataFile === null) throw new Error(`prerender: ${file}: rendered from ${JSON.stringify(key)}, which is not a data file the app can await`)
            return dataFile
          })
          const early = `${charset}\n    <script src="${config.base}${earlyFile}" data-page="${attributeText(config.base + page)}"${stored ? ' data-hide-if-stored' : ''} data-awaits="${attributeText(awaits.join(' '))}" data-preload="${plan}"></script>`
          // After the markup: the parser reaches (and the browser can paint) the page before it reads the data.
          const data = `<script type="application/json" id="${FIRST_SCREEN_ID}">${jsonBlock(screen)}</script>`
          return { file, early, title, root: `<div id="root" ${PRERENDERED_ATTRIBUTE}>${markup}</div>\n    ${data}` }
        })
        const index = pages[0]!
        return swap(swap(html, charset, index.early), root, index.root)
      },
    },
    // The other pages, as the written index.html's siblings: made from it once every plugin has
    // added its part (the offline plugin's web manifest link comes after this one's), before the
    // offline plugin lists the build's files.
    async writeBundle(options) {
      const outDir = options.dir ?? config.build.outDir
      const written = await readFile(path.join(outDir, 'index.html'), 'utf8')
      const index = pages[0]!
      for (const folder of new Set(pages.slice(1).map(({ file }) => path.dirname(file)))) await mkdir(path.join(outDir, folder), { recursive: true })
      for (const page of pages.slice(1)) {
        let html = swap(swap(written, index.early, page.early), index.root, page.root)
        if (page.title) html = html.replace(/<title>[^<]*<\/title>/, () => page.title!)
        await writeFile(path.join(outDir, page.file), html)
      }
    },
  }
}
