// The page's side of the service worker: registers it (through the Trusted Types policy of
// worker-url.ts), notices a new version waiting, reloads into it when the reader asks, and
// tells the worker which articles are bookmarked and what the page loaded before it took over.
// Loaded after start-up (app/start.tsx), so workbox-window stays out of the first screen's code.
import { Workbox } from 'workbox-window'
import type { WorkerMessage } from '../../service-worker/messages'
import { probeNetwork } from '../../lib/fetch-json'
import { connectWorker, setOfflineState } from './offline-state'
import { trustedWorkerUrl } from './worker-url'

// Hourly, beside the browser's own check on each full page load: a tab left open for days still hears of a deployment.
const UPDATE_CHECK_MS = 60 * 60_000

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

/** Call once; does nothing where service workers are not supported. */
export function startServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return
  window.addEventListener('offline', () => setOfflineState({ offline: true }))
  setOfflineState({ offline: navigator.onLine === false })
  // navigator.onLine says true on a network that reaches nothing (and some browsers never change it).
  if (navigator.onLine !== false) void probeNetwork()

  const wb = new Workbox(trustedWorkerUrl(), { scope: import.meta.env.BASE_URL })
  let reloadRequested = false
  // A new version is installed and not yet in charge (then reloading must first let it take over).
  let waiting = false
  wb.addEventListener('waiting', () => {
    waiting = true
    setOfflineState({ updateReady: true })
  })
  wb.addEventListener('controlling', (event) => {
    waiting = false
    if (reloadRequested) window.location.reload()
    // Taken over by a version another tab reloaded into: this page's code is the old one.
    else if (event.isUpdate) setOfflineState({ updateReady: true })
    // First install: the page loaded before the worker existed; what it loaded so far is saved now.
    else void post({ type: 'keep', urls: loadedDataUrls() })
  })
  void wb.register().catch(() => undefined)
  const check = () => void wb.update().catch(() => undefined)
  // Back in view or back online: is the network really there, and is there a new version?
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible') return
    void probeNetwork()
    check()
  })
  window.addEventListener('online', () => {
    setOfflineState({ offline: false })
    void probeNetwork()
    check()
  })
  setInterval(check, UPDATE_CHECK_MS)

  let sent: string | null = null
  connectWorker({
    reload: () => {
      if (!waiting) return window.location.reload() // already in charge: this page only needs the new code
      reloadRequested = true
      wb.messageSkipWaiting()
    },
    bookmarks: (ids) => {
      const key = [...ids].sort().join(' ')
      if (key === sent) return
      sent = key
      void post({ type: 'bookmarks', ids: [...ids] }).catch(() => undefined)
    },
  })
}
