// Bookmarks: a module-level store read through useSyncExternalStore, persisted in
// localStorage as { version: 1, bookmarks: [...] } by the recoverable store
// (src/lib/recoverable-store.ts: backups, newer versions, memory fallback, other tabs).
// Notices are codes; the banner words them.
import { useMemo, useSyncExternalStore } from 'react'
import { backupKeyPrefix, createRecoverableStore, type RecoverableSchema, type RecoverableState, type RecoverableStoreOptions, type StorageNotice } from '../../lib/recoverable-store'
import type { Bookmark, BookmarkInput } from './bookmark'
import { bookmarkFromInput, mergeBookmarks, parseBookmarksFile, readBookmark, sortBookmarks } from './transfer'

export { MAX_BACKUPS, type StorageNotice, type UnreadableReason } from '../../lib/recoverable-store'

export const STORAGE_KEY = 'archive-reader:bookmarks'
export const BACKUP_KEY_PREFIX = backupKeyPrefix(STORAGE_KEY)
export const STORAGE_VERSION = 1

export interface BookmarkState {
  bookmarks: Bookmark[]
  notice: StorageNotice | null
}

/** `saved: false`: merged into this tab, but storage did not take it (full, off, or a newer version's). */
export type ImportResult = { ok: true; added: number; updated: number; total: number; saved: boolean } | { ok: false; error: string }

export const bookmarkSchema: RecoverableSchema<Bookmark[]> = {
  key: STORAGE_KEY,
  version: STORAGE_VERSION,
  empty: [],
  read(record) {
    if (!Array.isArray(record.bookmarks)) return null
    const results = record.bookmarks.map(readBookmark)
    const bookmarks = mergeBookmarks([], results.flatMap((result) => (result.ok ? [result.bookmark] : []))).bookmarks
    return { value: bookmarks, bad: results.filter((result) => !result.ok).length }
  },
  write: (bookmarks) => ({ bookmarks }),
}

export function createBookmarkStore(options: RecoverableStoreOptions = {}) {
  const now = options.now ?? (() => new Date())
  const inner = createRecoverableStore(bookmarkSchema, options)
  // The snapshot keeps its { bookmarks, notice } shape, and stays the same object between changes.
  let last: { source: RecoverableState<Bookmark[]>; state: BookmarkState } | null = null

  function getSnapshot(): BookmarkState {
    const source = inner.getSnapshot()
    if (last?.source !== source) last = { source, state: { bookmarks: source.value, notice: source.notice } }
    return last.state
  }

  /** Merges already-checked bookmarks (an export file's) into the store. */
  function mergeImported(incoming: readonly Bookmark[]): ImportResult & { ok: true } {
    const merged = mergeBookmarks(getSnapshot().bookmarks, incoming)
    const saved = inner.commit(merged.bookmarks)
    return { ok: true, added: merged.added, updated: merged.updated, total: merged.bookmarks.length, saved }
  }

  return {
    getSnapshot,
    subscribe: inner.subscribe,
    toggle(input: BookmarkInput) {
      const { bookmarks } = getSnapshot()
      if (bookmarks.some((bookmark) => bookmark.id === input.id)) inner.commit(bookmarks.filter((bookmark) => bookmark.id !== input.id))
      else {
        const bookmark = bookmarkFromInput(input, now().toISOString())
        if (bookmark) inner.commit(sortBookmarks([bookmark, ...bookmarks]))
      }
    },
    remove(id: string) {
      const { bookmarks } = getSnapshot()
      if (bookmarks.some((bookmark) => bookmark.id === id)) inner.commit(bookmarks.filter((bookmark) => bookmark.id !== id))
    },
    dismissNotice: inner.dismissNotice,
    importText(text: string): ImportResult {
      const parsed = parseBookmarksFile(text)
      return parsed.ok ? mergeImported(parsed.bookmarks) : parsed
    },
    mergeImported,
  }
}

export type BookmarkStore = ReturnType<typeof createBookmarkStore>

const store = createBookmarkStore()

export function useBookmarks() {
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot)
  return useMemo(() => {
    const ids = new Set(state.bookmarks.map((bookmark) => bookmark.id))
    return {
      bookmarks: state.bookmarks,
      isBookmarked: (id: string) => ids.has(id),
      toggle: store.toggle,
      remove: store.remove,
      notice: state.notice,
      dismissNotice: store.dismissNotice,
    }
  }, [state])
}

/** Merges a bookmarks file into the store (rules: transfer.ts mergeBookmarks); an invalid file changes nothing. */
export function importBookmarksFile(text: string): ImportResult {
  return store.importText(text)
}
