// What the page shows about being offline and about a new version, as a small store; the
// service worker side (service-worker.ts, loaded after start-up) connects to it.
import { useSyncExternalStore } from 'react'
import { watchNetwork } from '../../lib/fetch-json'

export interface OfflineState {
  /** No network: the browser says so, or the last data file or probe did not come over it. */
  offline: boolean
  /** A new version is installed and waits for the reader to reload. */
  updateReady: boolean
}

/** What the registered worker does for the page; null until it is registered (never in development). */
export interface WorkerConnection {
  reload(): void
  bookmarks(ids: readonly string[]): void
}

let state: OfflineState = { offline: typeof navigator !== 'undefined' && navigator.onLine === false, updateReady: false }
const listeners = new Set<() => void>()
let connection: WorkerConnection | null = null
let bookmarked: readonly string[] | null = null

export function setOfflineState(next: Partial<OfflineState>): void {
  if (Object.entries(next).every(([key, value]) => state[key as keyof OfflineState] === value)) return
  state = { ...state, ...next }
  for (const listener of listeners) listener()
}

// The latest word wins: the browser's online and offline events (service-worker.ts) and whether the
// network gave the last data file (a saved copy or a failed fetch means it did not).
watchNetwork((reachable) => setOfflineState({ offline: !reachable }))

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useOfflineState(): OfflineState {
  return useSyncExternalStore(subscribe, () => state, () => state)
}

export function connectWorker(worker: WorkerConnection): void {
  connection = worker
  if (bookmarked) worker.bookmarks(bookmarked)
}

/** The reader chose the new version. */
export function reloadIntoUpdate(): void {
  if (connection) connection.reload()
  else window.location.reload()
}

/** Every bookmarked id, whenever the list changes; held until the worker is connected. */
export function tellBookmarks(ids: readonly string[]): void {
  bookmarked = ids
  connection?.bookmarks(ids)
}
