// Articles saved for offline reading: every one the reader opened, and every bookmarked one.
// Storage is bounded: beyond `limit` opened articles, the ones read longest ago go first;
// a bookmarked article is never evicted and does not count toward the limit.
import { articleUrl } from './data-files'

export const ARTICLE_LIMIT = 2_000

/** readAt: when the reader last opened it (ms); 0 when it was saved for a bookmark and never opened here. */
export interface ReadRecord {
  id: string
  readAt: number
}

/** The ids to evict: the oldest-read beyond `limit`, never a bookmarked one. */
export function articlesToEvict(records: readonly ReadRecord[], bookmarked: ReadonlySet<string>, limit: number): string[] {
  const evictable = records.filter((record) => !bookmarked.has(record.id)).sort((a, b) => a.readAt - b.readAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return evictable.slice(0, Math.max(0, evictable.length - limit)).map((record) => record.id)
}

/** Where read times and the bookmarked ids are kept (IndexedDB in the worker: read-index.ts). */
export interface ReadIndex {
  all(): Promise<ReadRecord[]>
  get(id: string): Promise<ReadRecord | undefined>
  put(record: ReadRecord): Promise<void>
  delete(ids: readonly string[]): Promise<void>
  bookmarks(): Promise<string[] | null>
  setBookmarks(ids: readonly string[]): Promise<void>
}

export type ArticleCache = Pick<Cache, 'match' | 'put' | 'delete'>

export interface KeeperOptions {
  cache: () => Promise<ArticleCache>
  index: ReadIndex
  /** The worker's scope: article URLs are built under it. */
  scope: string
  /** An article's file from the network, for a bookmark never opened here; null when it cannot be had now. */
  fetchArticle: (url: string) => Promise<Response | null>
  limit?: number
  now?: () => number
}

export function createArticleKeeper({ cache, index, scope, fetchArticle, limit = ARTICLE_LIMIT, now = Date.now }: KeeperOptions) {
  // One change at a time: a read and an eviction must not interleave.
  let queue: Promise<unknown> = Promise.resolve()
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task)
    queue = run.catch(() => undefined)
    return run
  }
  let bookmarked: Set<string> | null = null
  let bookmarkRun = 0

  async function bookmarkSet(): Promise<Set<string>> {
    bookmarked ??= new Set((await index.bookmarks()) ?? [])
    return bookmarked
  }

  async function evict(): Promise<void> {
    const ids = articlesToEvict(await index.all(), await bookmarkSet(), limit)
    if (ids.length === 0) return
    const articles = await cache()
    await Promise.all(ids.map((id) => articles.delete(articleUrl(id, scope))))
    await index.delete(ids)
  }

  return {
    /** The reader opened `id` now: keep `response` (a fresh copy from the network), or the saved copy. */
    read(id: string, response?: Response): Promise<void> {
      return serial(async () => {
        if (response) await (await cache()).put(articleUrl(id, scope), response)
        await index.put({ id, readAt: now() })
        await evict()
      })
    },

    /** The bookmarked ids, all of them: save the ones not yet saved, then evict what no bookmark holds any more. */
    async setBookmarks(ids: readonly string[]): Promise<void> {
      const run = ++bookmarkRun
      const next = new Set(ids)
      await serial(async () => {
        bookmarked = next
        await index.setBookmarks([...next])
      })
      // One at a time, outside the queue: importing thousands of bookmarks must not flood the host or hold up reading.
      for (const id of next) {
        if (run !== bookmarkRun) return // a newer list arrived; it takes over
        const url = articleUrl(id, scope)
        if (await (await cache()).match(url)) continue
        const response = await fetchArticle(url)
        if (!response) continue
        await serial(async () => {
          await (await cache()).put(url, response)
          if (!(await index.get(id))) await index.put({ id, readAt: 0 })
        })
      }
      await serial(evict)
    },
  }
}

export type ArticleKeeper = ReturnType<typeof createArticleKeeper>
