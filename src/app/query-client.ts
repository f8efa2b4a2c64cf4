import { notifyManager, QueryClient } from '@tanstack/react-query'
import { NotFoundError, NotSavedOfflineError } from '../lib/fetch-json'

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A missing file stays missing, and so does one not saved for offline reading; a network failure gets one more try, then the reader decides.
      retry: (failures, error) => !(error instanceof NotFoundError) && !(error instanceof NotSavedOfflineError) && failures < 1,
      // Fetch even when the browser says it is offline: the service worker answers from what it saved.
      networkMode: 'always',
      refetchOnWindowFocus: false,
    },
  },
})

/** Longest a notification waits for its frame: a page hidden after one was asked for gets none. */
export const FRAME_FALLBACK_MS = 100

/**
 * A scheduler for the query cache's notifications: whatever is scheduled before the next frame runs
 * in that frame, in one call, so React renders the burst once (each observer's update is a sync render,
 * flushed in the microtask after each call: one call per notification would be one render each). A
 * hidden page has no frames: it gets the next turn instead, and a page hidden while it waits, the fallback.
 */
export function frameScheduler(): (callback: () => void) => void {
  let queue: (() => void)[] = []
  let frame: number | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  const run = () => {
    if (frame !== undefined) cancelAnimationFrame(frame)
    clearTimeout(timer)
    frame = timer = undefined
    const callbacks = queue
    queue = []
    for (const callback of callbacks) {
      try {
        callback()
      } catch (error) {
        // One observer's failure is its own: the others still hear of their data.
        console.error('query notification failed:', error)
      }
    }
  }
  return (callback) => {
    queue.push(callback)
    if (timer !== undefined) return
    const visible = document.visibilityState === 'visible'
    if (visible) frame = requestAnimationFrame(run)
    timer = setTimeout(run, visible ? FRAME_FALLBACK_MS : 0)
  }
}

// Results arrive in bursts (a page's shards, its 30 search texts): one render for each, not one per file.
notifyManager.setScheduler(frameScheduler())
