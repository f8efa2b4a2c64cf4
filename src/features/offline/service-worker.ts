// The page's side of the service worker: registers it (through the Trusted Types policy of
// worker-url.ts), notices a new version waiting, reloads into it when the reader asks, and
// tells the worker which articles are bookmarked and what the page loaded before it took over.
import { useSyncExternalStore } from 'react'
import { Workbox } from 'workbox-window'
import type { WorkerMessage } from '../../service-worker/messages'
import { trustedWorkerUrl } from './worker-url'

export interface OfflineState {
  /** The browser says it has no network. */
  offline: boolean
  /** A new version is installed and waits for the reader to reload. */
  updateReady: boolean
}

let state: OfflineState = { offline: typeof navigator !== 'undefined' && navigator.onLine === false, updateReady: false }
const listeners = new Set<() => void>()
let workbox: Workbox | null = null
let reloadRequested = false
// Hourly, beside the browser's own check on each full page load: a tab left open for days still hears of a deployment.
const UPDATE_CHECK_MS = 60 * 60_000

function set(next: Partial<OfflineState>) {
  state = { ...state, ...next }
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useOfflineState(): OfflineState {
  return useSyncExternalStore(subscribe, () => state, () => state)
}

async function post(message: WorkerMessage): Promise<void> {
  const registration = await navigator.serviceWorker.ready
  registration.active?.postMessage(message)
}

/** Data files this page loaded, as the performance timeline lists them. */
function loadedDataUrls(): string[] {
  const prefix = new URL(`${import.meta.env.BASE_URL}data/`, location.href).href
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.startsWith(prefix))
}

/** Call once at start-up; does nothing in development or where service workers are not supported. */
export function startServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  window.addEventListener('online', () => set({ offline: false }))
  window.addEventListener('offline', () => set({ offline: true }))

  const wb = new Workbox(trustedWorkerUrl(), { scope: import.meta.env.BASE_URL })
  workbox = wb
  wb.addEventListener('waiting', () => set({ updateReady: true }))
  wb.addEventListener('controlling', (event) => {
    if (reloadRequested) window.location.reload()
    // Taken over by a version another tab reloaded into: this page's code is the old one.
    else if (event.isUpdate) set({ updateReady: true })
    // First install: the page loaded before the worker existed; what it loaded so far is saved now.
    else void post({ type: 'keep', urls: loadedDataUrls() })
  })
  void wb.register().catch(() => undefined)
  const check = () => void wb.update().catch(() => undefined)
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && check())
  window.addEventListener('online', check)
  setInterval(check, UPDATE_CHECK_MS)
}

/** The reader chose the new version: let it take over, then reload (on `controlling`). */
export function reloadIntoUpdate(): void {
  reloadRequested = true
  if (workbox) workbox.messageSkipWaiting()
  else window.location.reload()
}

let lastBookmarks: string | null = null

/** Every bookmarked id; sent only when the set changed. */
export function tellBookmarks(ids: readonly string[]): void {
  if (!workbox) return
  const key = [...ids].sort().join(' ')
  if (key === lastBookmarks) return
  lastBookmarks = key
  void post({ type: 'bookmarks', ids: [...ids] }).catch(() => undefined)
}
