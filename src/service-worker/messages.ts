// What the page tells its service worker (src/features/offline/service-worker.ts sends them,
// sw.ts reads them). The worker checks every message: it trusts no more than the page does.
import { ARTICLE_ID } from '../types/bundle-paths'

/** As many as a bookmarks file may hold (src/features/bookmarks/transfer.ts). */
export const MAX_MESSAGE_IDS = 10_000
/** The performance buffer of one page holds at most this many entries by default. */
export const MAX_MESSAGE_URLS = 1_000

export type WorkerMessage =
  /** Every bookmarked article id: these are saved for offline reading and never evicted. */
  | { type: 'bookmarks'; ids: string[] }
  /** Data files the page loaded before the worker controlled it: save them as if they had passed through. */
  | { type: 'keep'; urls: string[] }
  /** workbox-window's messageSkipWaiting: the reader chose to reload into the new version. */
  | { type: 'SKIP_WAITING' }

export function readWorkerMessage(data: unknown): WorkerMessage | null {
  if (typeof data !== 'object' || data === null) return null
  const message = data as Record<string, unknown>
  if (message.type === 'SKIP_WAITING') return { type: 'SKIP_WAITING' }
  if (message.type === 'bookmarks' && Array.isArray(message.ids) && message.ids.length <= MAX_MESSAGE_IDS) {
    const ids = message.ids.filter((id): id is string => typeof id === 'string' && ARTICLE_ID.test(id))
    return { type: 'bookmarks', ids }
  }
  if (message.type === 'keep' && Array.isArray(message.urls)) {
    const urls = message.urls.slice(0, MAX_MESSAGE_URLS).filter((url): url is string => typeof url === 'string')
    return { type: 'keep', urls }
  }
  return null
}
