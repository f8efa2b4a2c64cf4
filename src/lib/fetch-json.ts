// Every data file comes through here: it checks the status and that the body is JSON of the
// expected shape, so a broken or missing file gives a clear error instead of a crash.

import { MANIFEST_FILE } from '../types/bundle-paths'

export class NotFoundError extends Error {
  constructor(path: string) {
    super(`not found: ${path}`)
    this.name = 'NotFoundError'
  }
}

export class DataError extends Error {
  /** True for a server error (HTTP 5xx and the like): the file may be fine, the host is not. */
  constructor(
    message: string,
    readonly unreachable = false,
  ) {
    super(message)
    this.name = 'DataError'
  }
}

/**
 * The header the service worker puts on its answer when the network failed and it holds no
 * saved copy of the file (src/service-worker/data-handler.ts).
 */
export const NOT_SAVED_HEADER = 'X-Archive-Reader-Not-Saved'

/**
 * The header the service worker puts on a saved copy it answered with because the network failed
 * (src/service-worker/data-handler.ts): the page is offline even where navigator.onLine says not.
 */
export const SAVED_COPY_HEADER = 'X-Archive-Reader-Saved-Copy'

type NetworkListener = (reachable: boolean) => void
const networkListeners = new Set<NetworkListener>()

/**
 * Hears, for every data file, whether the network gave it: false when the fetch failed or the
 * service worker answered from what it saved. navigator.onLine alone misses a network that is
 * connected but reaches nothing, and a browser that reports no change.
 */
export function watchNetwork(listener: NetworkListener): () => void {
  networkListeners.add(listener)
  return () => networkListeners.delete(listener)
}

function reportNetwork(reachable: boolean): void {
  for (const listener of networkListeners) listener(reachable)
}

/**
 * Asks whether the host can be reached (a HEAD of the manifest, past every cache; the service worker
 * lets it through) and reports the answer: a page opened from what the browser saved, whose files all
 * came from a cache, learns it is offline before any data file fails.
 */
export async function probeNetwork(): Promise<void> {
  try {
    await fetch(dataUrl(MANIFEST_FILE), { method: 'HEAD', cache: 'no-store' })
    reportNetwork(true) // any answer, even an error page, came over the network
  } catch {
    reportNetwork(false)
  }
}

/** Offline (or the host unreachable), and this file was never saved for offline reading. */
export class NotSavedOfflineError extends DataError {
  constructor(readonly path: string) {
    super(`${path}: not saved for offline reading`, true)
    this.name = 'NotSavedOfflineError'
  }
}

/** A bundle written for another version of the reader: rebuilding it (or updating the app) helps, retrying does not. */
export class BundleVersionError extends DataError {
  constructor(
    readonly bundle: 'newer' | 'older',
    message: string,
  ) {
    super(message)
    this.name = 'BundleVersionError'
  }
}

/**
 * What went wrong with a data file, as the reader needs to hear it: the data could not be reached
 * (offline, a missing file, the server), the file is damaged or not of the shape this reader
 * reads, or the bundle is of another version.
 */
export type DataProblem = 'unreachable' | 'damaged' | 'newer' | 'older' | 'not-saved'

export function dataProblemOf(error: unknown): DataProblem {
  if (error instanceof BundleVersionError) return error.bundle
  if (error instanceof NotSavedOfflineError) return 'not-saved'
  if (error instanceof DataError) return error.unreachable ? 'unreachable' : 'damaged'
  // fetch rejects with a TypeError when the network fails; a missing file is a NotFoundError.
  if (error instanceof NotFoundError || error instanceof TypeError || error === undefined || error === null) return 'unreachable'
  return 'damaged' // anything else came from reading what did arrive
}

export function dataUrl(path: string): string {
  return `${import.meta.env.BASE_URL}data/${path}`
}

/** Early responses, by path, with when each was started. */
const early = new Map<string, { response: Promise<Response>; at: number }>()
/** An early response not taken by then is dropped: the app's fetch is what asked, not a load long ago. */
const EARLY_LIFETIME_MS = 30_000

/**
 * Starts fetching a data file before the app asks for it (early-search.ts, while the app's code is
 * still loading); the app's first fetch of the file takes this response, so it is fetched once.
 * Asked again before that, it gives the same response: read it through `clone()`.
 */
export function fetchEarly(path: string): Promise<Response> {
  let entry = early.get(path)
  if (!entry) {
    entry = { response: fetch(dataUrl(path)), at: performance.now() }
    // Whoever takes it handles its failure; until then it is not an unhandled rejection.
    entry.response.catch(() => undefined)
    early.set(path, entry)
  }
  return entry.response
}

/** Paths fetched early that no fetch of the app has taken (for tests: what was loaded for nothing). */
export function untakenEarly(): string[] {
  return [...early.keys()]
}

function takeEarly(path: string): Promise<Response> | undefined {
  const entry = early.get(path)
  early.delete(path)
  return entry && performance.now() - entry.at < EARLY_LIFETIME_MS ? entry.response : undefined
}

/** A data file's response once it is known to be the file: not missing, not an error page, not the app's HTML. */
async function fetchData(path: string, signal?: AbortSignal): Promise<Response> {
  let response: Response
  try {
    response = await (takeEarly(path) ?? fetch(dataUrl(path), { signal }))
  } catch (error) {
    if (!signal?.aborted) reportNetwork(false)
    throw error
  }
  const notSaved = response.headers.has(NOT_SAVED_HEADER)
  reportNetwork(!notSaved && !response.headers.has(SAVED_COPY_HEADER))
  if (notSaved) throw new NotSavedOfflineError(path)
  if (response.status === 404) throw new NotFoundError(path)
  if (!response.ok) throw new DataError(`${path}: HTTP ${response.status}`, true)
  // A static host that serves index.html for every unknown path answers 200 with HTML.
  if ((response.headers.get('content-type') ?? '').includes('text/html')) throw new NotFoundError(path)
  return response
}

/** Fetches a plain text data file (a search text). */
export async function fetchText(path: string, signal?: AbortSignal): Promise<string> {
  return (await fetchData(path, signal)).text()
}

/** Fetches a data file and returns what `parse` makes of it; `parse` returns null for content of the wrong shape. */
export async function fetchJson<T>(path: string, parse: (value: unknown) => T | null, signal?: AbortSignal): Promise<T> {
  const response = await fetchData(path, signal)
  let value: unknown
  try {
    value = await response.json()
  } catch {
    throw new DataError(`${path}: not valid JSON`)
  }
  const parsed = parse(value)
  if (parsed === null) throw new DataError(`${path}: unexpected content`)
  return parsed
}
