// A page's first screen as the build prerendered it (scripts/prerender/plugin.ts): a JSON block the
// page reads (never runs) names the data files the markup came from, so the strict CSP stays as it is.
import type { QueryClient, QueryKey } from '@tanstack/react-query'
import { useEffect } from 'react'
import { articleQueryOptions } from '../features/articles/api/get-article'
import { manifestQueryOptions } from '../features/articles/api/get-manifest'
import { shardQueryOptions } from '../features/articles/api/get-shard'
import { isShardFile } from '../features/articles/api/validate'
import { storyQueryOptions } from '../features/articles/api/get-story'
import { ARTICLE_DIR, ARTICLE_ID, articlePath, MANIFEST_FILE, STORY_DIR, STORY_ID, storyPath } from '../types/bundle-paths'
import { dataUrl } from '../lib/fetch-json'
import { LANGUAGE_KEY } from '../lib/i18n'
import { clearTypedEarly } from '../lib/typed-early'

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
  /**
   * The queries the markup was rendered from (the manifest, the shards of the first page, an
   * article's or a story's JSON). Their data travel as their own files, never in the page (the early
   * script preloads them: PreloadPlan's `data-awaits`); the app hydrates once they are in.
   */
  awaits: QueryKey[]
}

/** A data file a page may await: its path in the data folder, null for a key that names no data file of the bundle. */
export function awaitedPath(key: QueryKey): string | null {
  const [kind, a, b] = key
  if (kind === 'manifest' && key.length === 1) return MANIFEST_FILE
  if (kind === 'shard' && key.length === 2 && isShardFile(a)) return a
  if (kind === 'articles' && a === 'detail' && typeof b === 'string' && ARTICLE_ID.test(b)) return articlePath(b)
  if (kind === 'stories' && a === 'detail' && typeof b === 'string' && STORY_ID.test(b)) return storyPath(b)
  return null
}

/** An awaited file's path and how the app loads it into the cache (by the same query options as its views). */
export function awaitedFile(key: QueryKey, queryClient: QueryClient): { file: string; load: () => Promise<unknown> } | null {
  const file = awaitedPath(key)
  if (file === null) return null
  const [kind, a, b] = key as [string, string, string]
  if (kind === 'manifest') return { file, load: () => queryClient.fetchQuery(manifestQueryOptions()) }
  if (kind === 'shard') return { file, load: () => queryClient.fetchQuery(shardQueryOptions(a)) }
  if (kind === 'articles') return { file, load: () => queryClient.fetchQuery(articleQueryOptions(b)) }
  return { file, load: () => queryClient.fetchQuery(storyQueryOptions(b)) }
}

/** How long the painted page waits for its files before the app renders afresh (and goes on loading them). */
export const AWAIT_LIMIT_MS = 3000

/**
 * The awaited files in the cache. False when one is not a data file, cannot be read (offline, gone,
 * ingested again since the build) or is not in within `limit`: the app then renders afresh, as it would without the markup.
 */
export async function loadAwaited(queryClient: QueryClient, keys: readonly QueryKey[], limit = AWAIT_LIMIT_MS): Promise<boolean> {
  const files = keys.map((key) => awaitedFile(key, queryClient))
  if (files.some((file) => file === null)) return false
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), limit)))
  const loaded = Promise.all(files.map((file) => file!.load())).then(
    () => true,
    () => false,
  )
  try {
    return await Promise.race([loaded, late])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * A page of one article or story is rendered from the manifest and its own JSON only; whatever else
 * it asks for (the pager's shards, the story section) is rendered loading, as the app's first
 * render has it too, and fills in after. Null for the other pages.
 */
export function ownDataOf(page: string): QueryKey[] | null {
  const [folder, id = '', more] = page.split('/')
  if (more !== undefined) return null
  const own = folder === ARTICLE_DIR ? articleQueryOptions(id).queryKey : folder === STORY_DIR ? storyQueryOptions(id).queryKey : null
  // Only ids as the ingest makes them (awaitedPath's check) have a page; any other path is not one of these.
  return own && awaitedPath(own) !== null ? [manifestQueryOptions().queryKey, own] : null
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
    if (typeof value.loaderData !== 'object' || !Array.isArray(value.awaits) || !value.awaits.every((key) => Array.isArray(key))) return null
    return value as FirstScreen
  } catch {
    console.warn(`#${FIRST_SCREEN_ID}: not valid JSON, the list renders without it`)
    return null
  }
}

/**
 * The markup is what this reader's first render would be: the same view, language and locale, and
 * nothing stored but the language (a stored theme, bookmark, read mark or saved search changes
 * attributes, and hydration would leave the build's in place). The time zone is sameClock's, once the data is in.
 */
export function matchesReader(screen: FirstScreen, reader: Omit<Reader, 'timeZone'>): boolean {
  const firstVisit = reader.storedKeys !== null && reader.storedKeys.every((key) => key === LANGUAGE_KEY)
  return firstVisit && screen.path === reader.path && reader.search === '' && screen.locale === reader.locale
}

export interface Reader {
  path: string
  search: string
  locale: string
  timeZone: string
  storedKeys: readonly string[] | null
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

/**
 * The reader's zone writes every instant of the data the markup came from (`data`: the awaited
 * queries, once in) as the build's did (Taipei, Hong Kong or Singapore beside Shanghai: the same
 * clock on every date shown), so the markup's dates are theirs.
 */
export function sameClock(screen: FirstScreen, timeZone: string, data: unknown): boolean {
  if (screen.timeZone === timeZone) return true
  const instants = new Set<string>()
  JSON.stringify(data, (_key, value: unknown) => {
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
 * The awaited files were fetched before the service worker controlled the page (a first visit):
 * fetched again once it does, so it keeps them for offline.
 */
export async function keepForOffline(keys: readonly QueryKey[]): Promise<void> {
  const worker = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker
  // Already controlled: the files came through the worker, which kept them.
  if (!worker || worker.controller) return
  await new Promise((resolve) => worker.addEventListener('controllerchange', resolve, { once: true }))
  const files = keys.flatMap((key) => awaitedPath(key) ?? [])
  await Promise.allSettled(files.map((file) => fetch(dataUrl(file))))
}

/**
 * The app's first render is in: the early script's marks (busy, another view) come off. Rendered
 * by the prerender too, in the same place, so the tree (and every useId) is the same on both sides.
 */
export function FirstRenderMarks(): null {
  useEffect(() => {
    const html = document.documentElement
    // What was typed into the markup's search box went to the box of this first render, or nowhere.
    clearTypedEarly()
    html.removeAttribute(MISMATCH_ATTRIBUTE)
    html.removeAttribute('aria-busy')
    document.getElementById('root')?.removeAttribute(PRERENDERED_ATTRIBUTE)
  }, [])
  return null
}
