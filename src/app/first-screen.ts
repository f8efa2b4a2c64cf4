// The list's first screen as the build prerendered it (scripts/prerender/plugin.ts): its data
// travels in a JSON block the page reads (never runs), so the strict CSP stays as it is.
import type { DehydratedState, QueryClient, QueryKey } from '@tanstack/react-query'
import { useEffect } from 'react'
import { articleQueryOptions } from '../features/articles/api/get-article'
import { getManifest, manifestQueryOptions } from '../features/articles/api/get-manifest'
import { storyQueryOptions } from '../features/articles/api/get-story'
import { ARTICLE_DIR, ARTICLE_ID, STORY_DIR, STORY_ID } from '../types/bundle-paths'
import { dataUrl } from '../lib/fetch-json'
import { LANGUAGE_KEY } from '../lib/i18n'

export const FIRST_SCREEN_ID = 'first-screen'
/** On #root when it holds the build's markup; the early script and index.css read it with the next one. */
export const PRERENDERED_ATTRIBUTE = 'data-prerendered'
/** On <html>, set by the early script before the first paint when the markup is not this reader's view. */
export const MISMATCH_ATTRIBUTE = 'data-first-screen'

export interface FirstScreen {
  /** The path the markup shows (the base path's list), without a query. */
  path: string
  /** The Intl locale and time zone the dates were written in: another reader's would differ. */
  locale: string
  timeZone: string
  /** The router's loader data for the matched routes (every loader returns null). */
  loaderData: Record<string, unknown>
  /** The query cache the markup was rendered from: the manifest and the shards of the first page. */
  queries: DehydratedState
  /**
   * A page of one article or story: the queries it was also rendered from, whose data travel as
   * their own files (the manifest, the article's or story's JSON); the app hydrates once they are in.
   */
  awaits?: QueryKey[]
}

/**
 * The data files a page of one article or story is rendered from: it travels as those files (the
 * early script preloads them), not in the page, and the app hydrates once they are in. Whatever
 * else the page asks for (the pager's shards, the story section) is rendered loading, as the
 * app's first render has it too. Null for the other pages, whose whole first screen is embedded.
 */
export function ownDataOf(page: string, queryClient: QueryClient): { keys: QueryKey[]; load: () => Promise<unknown> } | null {
  const [folder, id = '', more] = page.split('/')
  // Only ids as the ingest makes them have a page; any other path is not one of these.
  const isArticle = folder === ARTICLE_DIR && ARTICLE_ID.test(id)
  if (more !== undefined || (!isArticle && !(folder === STORY_DIR && STORY_ID.test(id)))) return null
  const manifest = manifestQueryOptions()
  const own = isArticle ? articleQueryOptions(id) : storyQueryOptions(id)
  return {
    keys: [manifest.queryKey, own.queryKey],
    // Rejects when one cannot be read.
    load: () => Promise.all([queryClient.fetchQuery(manifest), isArticle ? queryClient.fetchQuery(articleQueryOptions(id)) : queryClient.fetchQuery(storyQueryOptions(id))]),
  }
}

export function basename(base: string): string {
  return base.replace(/\/$/, '') || '/'
}

/** The embedded block, or null when there is none or it cannot be read (then the app renders as without one). */
export function readFirstScreen(doc: Document): FirstScreen | null {
  const text = doc.getElementById(FIRST_SCREEN_ID)?.textContent
  if (!text) return null
  try {
    const value = JSON.parse(text) as Partial<FirstScreen> | null
    if (!value || typeof value.path !== 'string' || typeof value.locale !== 'string' || typeof value.timeZone !== 'string') return null
    if (typeof value.loaderData !== 'object' || !value.queries || !Array.isArray(value.queries.queries)) return null
    return value as FirstScreen
  } catch {
    console.warn(`#${FIRST_SCREEN_ID}: not valid JSON, the list renders without it`)
    return null
  }
}

/**
 * The markup is what this reader's first render would be: the same view, language, locale and time
 * zone, and nothing stored but the language (a stored theme, bookmark, read mark or saved search
 * changes attributes, and hydration would leave the build's in place).
 */
export function matchesReader(screen: FirstScreen, reader: { path: string; search: string; locale: string; timeZone: string; storedKeys: readonly string[] | null }): boolean {
  const firstVisit = reader.storedKeys !== null && reader.storedKeys.every((key) => key === LANGUAGE_KEY)
  return firstVisit && screen.path === reader.path && reader.search === '' && screen.locale === reader.locale && sameClock(screen, reader.timeZone)
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

/**
 * The reader's zone writes every instant of the embedded data as the build's did (Taipei, Hong Kong
 * or Singapore beside Shanghai: the same clock on every date shown), so the markup's dates are theirs.
 */
export function sameClock(screen: FirstScreen, timeZone: string): boolean {
  if (screen.timeZone === timeZone) return true
  const instants = new Set<string>()
  JSON.stringify(screen.queries, (_key, value: unknown) => {
    if (typeof value === 'string' && INSTANT.test(value)) instants.add(value)
    return value
  })
  let built: Intl.DateTimeFormat
  let theirs: Intl.DateTimeFormat
  try {
    const clock: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
    built = new Intl.DateTimeFormat('en-US', { ...clock, timeZone: screen.timeZone })
    theirs = new Intl.DateTimeFormat('en-US', { ...clock, timeZone })
  } catch {
    return false // a zone this browser does not know
  }
  for (const instant of instants) {
    const time = Date.parse(instant)
    if (Number.isNaN(time)) continue
    if (built.format(time) !== theirs.format(time)) return false
  }
  // And the two clocks agree today (nothing in the markup shows today's date: a cautious extra check,
  // which only a zone whose offset changed since the newest article can fail).
  return built.format(Date.now()) === theirs.format(Date.now())
}

/**
 * The data folder may be ingested again without a new build: once the manifest arrives (the HTML
 * preloads it), a different one drops what the markup was rendered from and every view loads afresh.
 */
export async function refreshIfStale(queryClient: QueryClient, screen: FirstScreen): Promise<void> {
  const key = manifestQueryOptions().queryKey
  const built = screen.queries.queries.find((query) => JSON.stringify(query.queryKey) === JSON.stringify(key))?.state.data
  let current
  try {
    current = await getManifest()
  } catch {
    return // offline or unreachable: what the build holds is the best there is, and the views report their own failures
  }
  if (JSON.stringify(current) !== JSON.stringify(built)) {
    await queryClient.resetQueries()
    return
  }
  // The embedded shards never went through the service worker: fetched once it controls the page, so it keeps them for offline.
  const worker = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker
  if (!worker) return
  if (!worker.controller) await new Promise((resolve) => worker.addEventListener('controllerchange', resolve, { once: true }))
  const shards = screen.queries.queries.flatMap((query) => (query.queryKey[0] === 'shard' && typeof query.queryKey[1] === 'string' ? [query.queryKey[1]] : []))
  await Promise.allSettled(shards.map((file) => fetch(dataUrl(file))))
}

/**
 * The app's first render is in: the early script's marks (busy, another view) come off. Rendered
 * by the prerender too, in the same place, so the tree (and every useId) is the same on both sides.
 */
export function FirstRenderMarks(): null {
  useEffect(() => {
    const html = document.documentElement
    html.removeAttribute(MISMATCH_ATTRIBUTE)
    html.removeAttribute('aria-busy')
    document.getElementById('root')?.removeAttribute(PRERENDERED_ATTRIBUTE)
  }, [])
  return null
}
