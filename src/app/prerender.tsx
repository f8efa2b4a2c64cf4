// Build time only (scripts/prerender/plugin.ts loads it through Vite's SSR loader): the shell and
// the first screen of a page (the list, the timeline, bookmarks, notes, an article, a story), rendered
// from the built data, with the keys of the queries it was rendered from.
import { StrictMode } from 'react'
import { renderToString } from 'react-dom/server'
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router'
import { hashKey, QueryClient, type Query } from '@tanstack/react-query'
import { JSDOM } from 'jsdom'
import { applyLanguage } from '../lib/i18n'
import { sanitizeInWindow } from '../lib/sanitize'
import { intlLocale } from '../lib/locale'
import { basename, FirstRenderMarks, ownDataOf, type FirstScreen } from './first-screen'
import { Providers } from './providers'
import { createRoutes } from './router'

// Each pass renders what the cache holds, then loads what that render asked for (the manifest,
// then the shards of the first page, one after another: a sparse archive's 100 newest entries for
// the timeline can span dozens of shards). A pass that asks for nothing new is stuck.

// A query the render asked for; no observer is subscribed on a server, so `enabled` is read from the options it was built with.
const wanted = (query: Query) => (query.options as { enabled?: unknown }).enabled !== false

let sanitizing = false

/** page: a path under the base ('' the list, 'timeline', 'bookmarks', 'notes', 'articles/<id>', 'stories/<id>'). */
export async function renderFirstScreen(page = ''): Promise<{ html: string; screen: FirstScreen }> {
  applyLanguage('zh')
  if (!sanitizing) {
    // Article bodies in the markup go through the browser's sanitizer, in a standards DOM of the build's own.
    sanitizeInWindow(new JSDOM('').window)
    sanitizing = true
  }
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const base = import.meta.env.BASE_URL
  const path = base + page
  const handler = createStaticHandler(createRoutes(queryClient), { basename: basename(base) })
  const context = await handler.query(new Request(new URL(path, 'http://prerender.invalid')))
  if (context instanceof Response) throw new Error(`prerender: the route of ${path} answered ${context.status}`)
  const router = createStaticRouter(handler.dataRoutes, context)
  const render = () =>
    renderToString(
      <StrictMode>
        <Providers client={queryClient}>
          <StaticRouterProvider router={router} context={context} hydrate={false} />
        </Providers>
        <FirstRenderMarks />
      </StrictMode>,
    )
  const own = ownDataOf(page)
  const ownHashes = own && new Set(own.map((key) => hashKey(key)))
  const loaded = (query: Query) => wanted(query) && (!ownHashes || ownHashes.has(query.queryHash))
  let html = render()
  const asked = new Set<string>()
  for (;;) {
    const missing = queryClient.getQueryCache().findAll({ predicate: (query) => query.state.data === undefined && loaded(query) })
    if (missing.length === 0) break
    if (missing.every((query) => asked.has(query.queryHash))) throw new Error(`prerender: still loading after loading them once: ${missing.map((query) => query.queryHash).join(', ')}`)
    for (const query of missing) asked.add(query.queryHash)
    await Promise.all(missing.map((query) => queryClient.prefetchQuery({ ...query.options, queryKey: query.queryKey })))
    const failed = missing.filter((query) => query.state.error)
    if (failed.length > 0) throw new Error(`prerender: ${failed.map((query) => `${query.queryHash}: ${String(query.state.error)}`).join('; ')}`)
    html = render()
  }
  return {
    html,
    screen: {
      path,
      locale: intlLocale(),
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      loaderData: context.loaderData,
      // In the order they were asked for: the manifest first, then the shards in the list's order.
      awaits: queryClient
        .getQueryCache()
        .findAll({ predicate: (query) => query.state.status === 'success' && loaded(query) })
        .map((query) => query.queryKey),
    },
  }
}
