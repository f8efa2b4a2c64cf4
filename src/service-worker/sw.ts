// The service worker (built by vite-plugin-pwa's injectManifest into sw.js at the site's base):
// the app shell is precached; data files go network first through data-handler.ts; articles
// are kept by article-keeper.ts. A new version waits until the reader chooses to reload.
import { clientsClaim } from 'workbox-core'
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching'
import { ExpirationPlugin } from 'workbox-expiration'
import { NavigationRoute, registerRoute } from 'workbox-routing'
import { CacheFirst } from 'workbox-strategies'
import { MANIFEST_FILE } from '../types/bundle-paths'
import { createArticleKeeper } from './article-keeper'
import { ARTICLE_CACHE, createDataHandler } from './data-handler'
import { dataFileOf, dataFolder } from './data-files'
import { readWorkerMessage } from './messages'
import { idbReadIndex } from './read-index'

// The few parts of ServiceWorkerGlobalScope used here: the project's one TypeScript program has the DOM library, not the worker's.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request
  respondWith(response: Promise<Response>): void
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown
}
interface WorkerScope {
  readonly registration: { readonly scope: string }
  skipWaiting(): Promise<void>
  addEventListener(type: 'install', listener: (event: ExtendableEvent) => void): void
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void
}

const worker = self as unknown as WorkerScope
const scope = worker.registration.scope

const keeper = createArticleKeeper({
  cache: () => caches.open(ARTICLE_CACHE),
  index: idbReadIndex(),
  scope,
  fetchArticle: async (url) => {
    const response = await fetch(url).catch(() => null)
    return response?.ok ? response : null
  },
})
const data = createDataHandler({ open: (name) => caches.open(name), keeper, fetch: (request) => fetch(request) })

// Data first, before workbox's router: a data file is never precached, so the two never answer the same request.
worker.addEventListener('fetch', (event) => {
  const { request } = event
  if (request.method !== 'GET' || request.mode === 'navigate') return
  const file = dataFileOf(new URL(request.url), scope)
  if (!file) return
  const handled = data.handle(request, file)
  event.respondWith(handled.then((result) => result.response))
  event.waitUntil(handled.then((result) => result.work).catch(() => undefined))
})

// The shell: every built file (the list comes from the build), and index.html for every route.
precacheAndRoute((self as unknown as { __WB_MANIFEST: PrecacheEntry[] }).__WB_MANIFEST)
cleanupOutdatedCaches()
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [new RegExp(`^${escapeRegExp(dataFolder(scope))}`)] }))
// Built files outside the precache (the cn→tw tables, loaded only when 繁 is chosen): kept once fetched, so
// the choice works offline after its first use. Names carry a content hash, so a kept copy never goes stale.
registerRoute(
  ({ url, request }) => request.method === 'GET' && url.origin === self.location.origin && url.pathname.startsWith(`${new URL(scope).pathname}assets/`),
  new CacheFirst({ cacheName: 'archive-reader-assets', plugins: [new ExpirationPlugin({ maxEntries: 8 })] }),
)
// The first install takes over the open page at once, so what the reader opens next is saved.
clientsClaim()

// The data manifest too, so the first visit's list opens offline even if the page loaded it before this worker ran.
worker.addEventListener('install', (event) => {
  const manifest = new URL(`${dataFolder(scope)}${MANIFEST_FILE}`, scope)
  event.waitUntil(data.keep(manifest, { kind: 'manifest' }).catch(() => undefined))
})

worker.addEventListener('message', (event) => {
  const message = readWorkerMessage(event.data)
  if (message?.type === 'SKIP_WAITING') event.waitUntil(worker.skipWaiting())
  else if (message?.type === 'bookmarks') event.waitUntil(keeper.setBookmarks(message.ids).catch(() => undefined))
  else if (message?.type === 'keep') {
    const files = message.urls.flatMap((text) => {
      const url = URL.canParse(text) ? new URL(text) : null
      const file = url && dataFileOf(url, scope)
      return url && file ? [{ url, file }] : []
    })
    event.waitUntil(Promise.all(files.map(({ url, file }) => data.keep(url, file).catch(() => undefined))))
  }
})

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
