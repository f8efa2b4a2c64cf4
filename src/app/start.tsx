// The app proper, started by main.tsx once the first screen has painted.
import { startTransition, StrictMode } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { RouterProvider } from 'react-router/dom'
import { createBrowserRouter, matchRoutes, type RouteObject } from 'react-router'
import { Providers } from './providers'
import { queryClient } from './query-client'
import { createRoutes } from './router'
import { basename, FIRST_SCREEN_ID, FirstRenderMarks, keepForOffline, loadAwaited, matchesReader, MISMATCH_ATTRIBUTE, PRERENDERED_ATTRIBUTE, readFirstScreen, sameClock } from './first-screen'
import { applyStoredTheme } from '../lib/theme'
import { keepTypedEarly } from '../lib/typed-early'
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

// The build's markup (scripts/prerender/plugin.ts) is hydrated when it is this reader's first render,
// once the data files it came from are in the cache (the early script preloaded them); else the app renders over it.
const screen = readFirstScreen(document)
// Read once, then gone, so the page holds no script element it does not run.
document.getElementById(FIRST_SCREEN_ID)?.remove()
const reader = { path: location.pathname, search: location.search, locale: intlLocale(), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, storedKeys: keysWithPrefix(STORAGE_PREFIX) }
const ownView = screen !== null && container.hasAttribute(PRERENDERED_ATTRIBUTE) && !document.documentElement.hasAttribute(MISMATCH_ATTRIBUTE)
// On the page's own view the files its markup came from go into the cache first: hydration needs
// them, and a fresh render over the markup (another language, stored state) then shows the page at
// once instead of a loading state. Another view or a query needs its own data, and does not wait.
const loaded = ownView && (await loadAwaited(queryClient, screen.awaits))
if (loaded) void keepForOffline(screen.awaits)
// The matched routes' code in place, and (on the page's own view) the router given the loader data:
// the first render is the page, never the router's fallback (an empty shell) in between.
await loadLazyRoutes(routes)
const router = createBrowserRouter(routes, { basename: base, ...(loaded && { hydrationData: { loaderData: screen.loaderData } }) })
if (loaded && matchesReader(screen, reader) && sameClock(screen, reader.timeZone, screen.awaits.map((key) => queryClient.getQueryData(key)))) {
  keepTypedEarly(container)
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
  keepTypedEarly(container)
  startTransition(() => root.render(app(router)))
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

