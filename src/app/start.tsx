// The app proper, started by main.tsx once the first screen has painted.
import { startTransition, StrictMode } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { RouterProvider } from 'react-router/dom'
import { createBrowserRouter, matchRoutes, type RouteObject } from 'react-router'
import { dehydrate, hydrate } from '@tanstack/react-query'
import { Providers } from './providers'
import { queryClient } from './query-client'
import { createRoutes } from './router'
import { basename, FIRST_SCREEN_ID, FirstRenderMarks, matchesReader, MISMATCH_ATTRIBUTE, ownDataOf, PRERENDERED_ATTRIBUTE, readFirstScreen, refreshIfStale } from './first-screen'
import { applyStoredTheme } from '../lib/theme'
import { applyStoredLanguage } from '../lib/i18n'
import { intlLocale } from '../lib/locale'
import { keysWithPrefix, STORAGE_PREFIX } from '../lib/storage'
import { applyStoredReadingSettings } from '../features/reading/settings'

applyStoredTheme()
applyStoredLanguage()
applyStoredReadingSettings()
// Offline support, production only, off the first screen's critical path.
if (import.meta.env.PROD) void import('../features/offline/service-worker').then((worker) => worker.startServiceWorker())

const container = document.getElementById('root')!
const routes = createRoutes(queryClient)
const base = basename(import.meta.env.BASE_URL)
const app = (router: ReturnType<typeof createBrowserRouter>) => (
  <StrictMode>
    <Providers client={queryClient}>
      <RouterProvider router={router} />
    </Providers>
    <FirstRenderMarks />
  </StrictMode>
)

// The build's list markup (scripts/prerender/plugin.ts): its data seeds the cache either way; it is
// hydrated when it is this reader's first render, else the app renders over it.
const screen = readFirstScreen(document)
// Read once: the block (the whole first shard) goes, so the page holds no script element it does not run.
document.getElementById(FIRST_SCREEN_ID)?.remove()
if (screen) {
  hydrate(queryClient, screen.queries)
  // A page of one article or story holds no manifest to compare: the one it fetches is the current one.
  if (!screen.awaits) void refreshIfStale(queryClient, screen)
}
const reader = { path: location.pathname, search: location.search, locale: intlLocale(), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, storedKeys: keysWithPrefix(STORAGE_PREFIX) }
const own = screen?.awaits ? await ownData() : true
if (screen && own && container.hasAttribute(PRERENDERED_ATTRIBUTE) && !document.documentElement.hasAttribute(MISMATCH_ATTRIBUTE) && matchesReader({ ...screen, queries: dehydrate(queryClient) }, reader)) {
  await loadLazyRoutes(routes)
  const router = createBrowserRouter(routes, { basename: base, hydrationData: { loaderData: screen.loaderData } })
  // In a transition, React hydrates in slices and yields to input between them, instead of one long task.
  startTransition(() => {
    hydrateRoot(container, app(router), {
      // A reader's stored state (bookmarks, read marks, saved searches) can differ from the build's
      // empty one: React then renders the page afresh, which is what the reader needs, so no error.
      onRecoverableError: (error) => console.warn('first screen: rendered afresh:', error),
    })
  })
} else {
  // The same for a first render over the markup (another view, language or stored state).
  const root = createRoot(container)
  startTransition(() => root.render(app(createBrowserRouter(routes, { basename: base }))))
}

/**
 * A page of one article or story: its data files (preloaded by the early script) in the cache, as
 * the markup was rendered from them. False when one cannot be read (offline, gone): the app then
 * renders afresh and shows that its own way.
 */
async function ownData(): Promise<boolean> {
  const own = ownDataOf(location.pathname.slice(import.meta.env.BASE_URL.length), queryClient)
  if (!own) return false
  try {
    await own.load()
    return true
  } catch {
    return false
  }
}

/** The matched routes' code, in place before hydration: a lazy route would render its fallback first. */
async function loadLazyRoutes(table: RouteObject[]): Promise<void> {
  const lazy = (matchRoutes(table, location, base) ?? []).map((match) => match.route).filter((route) => typeof route.lazy === 'function')
  await Promise.all(
    lazy.map(async (route) => {
      const load = route.lazy as () => Promise<Partial<RouteObject>>
      Object.assign(route, await load(), { lazy: undefined })
    }),
  )
}

