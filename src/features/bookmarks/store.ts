// Bookmarks: a module-level store read through useSyncExternalStore, persisted in
// localStorage as { version: 1, bookmarks: [...] }. Storage is never trusted: a value we
// cannot read is moved aside to a backup key (never deleted) and the reader is told; a value
// a newer app version saved is never written over; storage that is off or full leaves the
// app working in memory, with a notice. Notices are codes; the banner words them.
import { useMemo, useSyncExternalStore } from 'react'
import { getLocalStorage, keysWithPrefix, readItem, writeItem, type StorageFailure } from '../../lib/storage'
import type { Bookmark, BookmarkInput } from './bookmark'
import { bookmarkFromInput, mergeBookmarks, parseBookmarksFile, readBookmark, sortBookmarks } from './transfer'

/** Why the stored value could not be read (wholly, or in part). */
export type UnreadableReason =
  | { kind: 'not-json' }
  | { kind: 'wrong-shape' }
  | { kind: 'old-version'; version: string | null } // the stored version as JSON text, null when there is none
  | { kind: 'bad-entries'; count: number } // the other entries were kept

export type StorageNotice =
  | { kind: 'unavailable' } // localStorage disabled / private mode: bookmarks kept for this tab only
  | { kind: 'recovered'; backupKey: string; reason: UnreadableReason } // a corrupt/old value was moved aside to backupKey
  | { kind: 'newer-version'; version: string } // saved by a newer app version: read-only here, changes kept for this tab
  | { kind: 'backups-full'; reason: UnreadableReason; limit: number } // unreadable, but `limit` backups exist: left in place, changes kept for this tab
  | { kind: 'write-failed'; reason: StorageFailure } // the reader's last change was not saved
  | { kind: 'backup-failed'; reason: UnreadableReason; failure: StorageFailure } // unreadable, and no backup could be written: left in place

export const STORAGE_KEY = 'archive-reader:bookmarks'
export const BACKUP_KEY_PREFIX = `${STORAGE_KEY}:backup:`
export const STORAGE_VERSION = 1
/**
 * Backups are never deleted by the app, so their number is capped instead: with this many
 * present, an unreadable value stays where it is (not overwritten) and the tab works in memory.
 */
export const MAX_BACKUPS = 5

export interface BookmarkState {
  bookmarks: Bookmark[]
  notice: StorageNotice | null
}

/** `saved: false`: merged into this tab, but storage did not take it (full, off, or a newer version's). */
export type ImportResult = { ok: true; added: number; updated: number; total: number; saved: boolean } | { ok: false; error: string }

interface StoreOptions {
  storage?: () => Storage | null
  now?: () => Date
  /** Where the `storage` event of other tabs arrives; null in tests that drive it by hand. */
  eventTarget?: Pick<Window, 'addEventListener' | 'removeEventListener'> | null
}

type StoredValue =
  | { kind: 'empty' }
  | { kind: 'ok'; bookmarks: Bookmark[] }
  | { kind: 'partial'; bookmarks: Bookmark[]; reason: UnreadableReason } // readable, but some entries were not
  | { kind: 'unreadable'; reason: UnreadableReason }
  | { kind: 'newer'; version: string; bookmarks: Bookmark[] } // a newer schema: shown as far as it reads, never rewritten

/** The stored text -> bookmarks, or why it cannot be read. Older schemas: none exist yet (v1 is the first). */
export function readStoredValue(raw: string | null): StoredValue {
  if (raw === null) return { kind: 'empty' }
  let data: unknown
  try {
    data = JSON.parse(raw)
  } catch {
    return { kind: 'unreadable', reason: { kind: 'not-json' } }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { kind: 'unreadable', reason: { kind: 'wrong-shape' } }
  const value = data as Record<string, unknown>
  if (typeof value.version === 'number' && value.version > STORAGE_VERSION) {
    const entries = Array.isArray(value.bookmarks) ? value.bookmarks : []
    return { kind: 'newer', version: String(value.version), bookmarks: readableBookmarks(entries).bookmarks }
  }
  if (value.version !== STORAGE_VERSION) return { kind: 'unreadable', reason: { kind: 'old-version', version: JSON.stringify(value.version) ?? null } }
  if (!Array.isArray(value.bookmarks)) return { kind: 'unreadable', reason: { kind: 'wrong-shape' } }
  const { bookmarks, bad } = readableBookmarks(value.bookmarks)
  return bad === 0 ? { kind: 'ok', bookmarks } : { kind: 'partial', bookmarks, reason: { kind: 'bad-entries', count: bad } }
}

function readableBookmarks(entries: unknown[]): { bookmarks: Bookmark[]; bad: number } {
  const results = entries.map(readBookmark)
  const bookmarks = mergeBookmarks([], results.flatMap((result) => (result.ok ? [result.bookmark] : []))).bookmarks
  return { bookmarks, bad: results.filter((result) => !result.ok).length }
}

/** Notices of a tab that does not write to storage at all; they last until a read says otherwise. */
function isReadOnlyNotice(notice: StorageNotice | null): boolean {
  return notice?.kind === 'unavailable' || notice?.kind === 'newer-version' || notice?.kind === 'backups-full'
}

export function createBookmarkStore({ storage = getLocalStorage, now = () => new Date(), eventTarget = typeof window === 'undefined' ? null : window }: StoreOptions = {}) {
  let state: BookmarkState | null = null
  // Storage could not be read, holds a newer schema, or has no room for another backup:
  // never write over what we could not read or keep.
  let memoryOnly = false
  // A value that must be copied aside before STORAGE_KEY may be overwritten (its first copy failed).
  let pendingBackup: { key: string; raw: string; reason: UnreadableReason } | null = null
  const listeners = new Set<() => void>()

  function emit(next: BookmarkState) {
    state = next
    for (const listener of listeners) listener()
  }

  function backupKeyFor(store: Storage | null): string {
    const base = `${BACKUP_KEY_PREFIX}${now().toISOString()}`
    const taken = (key: string) => {
      const read = readItem(key, store)
      return read.ok && read.value !== null
    }
    let key = base
    for (let n = 2; taken(key); n++) key = `${base}-${n}`
    return key
  }

  /**
   * Reads STORAGE_KEY. A newer schema is left alone (read-only tab); anything unreadable is
   * moved aside first: reusing an identical backup, and never beyond MAX_BACKUPS.
   */
  function load(): BookmarkState {
    const store = storage()
    pendingBackup = null
    memoryOnly = true
    const read = readItem(STORAGE_KEY, store)
    if (!read.ok) return { bookmarks: [], notice: { kind: 'unavailable' } }
    const stored = readStoredValue(read.value)
    if (stored.kind === 'newer') return { bookmarks: stored.bookmarks, notice: { kind: 'newer-version', version: stored.version } }
    if (stored.kind === 'empty' || stored.kind === 'ok') {
      memoryOnly = false
      return { bookmarks: stored.kind === 'ok' ? stored.bookmarks : [], notice: null }
    }
    const raw = read.value!
    const kept = stored.kind === 'partial' ? stored.bookmarks : []
    const backups = keysWithPrefix(BACKUP_KEY_PREFIX, store)
    if (backups === null) return { bookmarks: kept, notice: { kind: 'unavailable' } }
    // Another tab of an older version may keep writing the same value back: one copy is enough.
    const copy = backups.find((key) => {
      const backup = readItem(key, store)
      return backup.ok && backup.value === raw
    })
    if (!copy && backups.length >= MAX_BACKUPS) return { bookmarks: kept, notice: { kind: 'backups-full', reason: stored.reason, limit: MAX_BACKUPS } }
    memoryOnly = false
    if (!copy) pendingBackup = { key: backupKeyFor(store), raw, reason: stored.reason }
    const result = persist(kept)
    // No change of the reader's is at stake here: say what happened to the stored value.
    if (pendingBackup && result.failure?.kind === 'write-failed') {
      return { bookmarks: kept, notice: { kind: 'backup-failed', reason: stored.reason, failure: result.failure.reason } }
    }
    const recovered: StorageNotice | null = copy ? { kind: 'recovered', backupKey: copy, reason: stored.reason } : result.recovered
    return { bookmarks: kept, notice: recovered ?? result.failure }
  }

  /** Writes the list, after copying aside a pending unreadable value; never overwrites an uncopied one. */
  function persist(bookmarks: Bookmark[]): { failure: StorageNotice | null; recovered: StorageNotice | null } {
    if (memoryOnly) return { failure: null, recovered: null }
    const store = storage()
    let recovered: StorageNotice | null = null
    if (pendingBackup) {
      const copied = writeItem(pendingBackup.key, pendingBackup.raw, store)
      if (!copied.ok) return { failure: { kind: 'write-failed', reason: copied.reason }, recovered: null }
      recovered = { kind: 'recovered', backupKey: pendingBackup.key, reason: pendingBackup.reason }
      pendingBackup = null
    }
    const written = writeItem(STORAGE_KEY, JSON.stringify({ version: STORAGE_VERSION, bookmarks }), store)
    return { failure: written.ok ? null : { kind: 'write-failed', reason: written.reason }, recovered }
  }

  function getSnapshot(): BookmarkState {
    state ??= load()
    return state
  }

  /** The reader's change always shows; storage trouble becomes a notice, a later good write clears it. True if saved. */
  function commit(bookmarks: Bookmark[]): boolean {
    const current = getSnapshot()
    const { failure, recovered } = persist(bookmarks)
    const notice = failure ?? recovered ?? (current.notice?.kind === 'write-failed' ? null : current.notice)
    emit({ bookmarks, notice })
    return !memoryOnly && failure === null
  }

  function onStorage(event: StorageEvent) {
    if (event.key !== STORAGE_KEY && event.key !== null) return
    const current = getSnapshot()
    const next = load()
    emit({ bookmarks: next.bookmarks, notice: next.notice ?? (isReadOnlyNotice(current.notice) ? null : current.notice) })
  }

  return {
    getSnapshot,
    subscribe(listener: () => void): () => void {
      if (listeners.size === 0) eventTarget?.addEventListener('storage', onStorage)
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0) eventTarget?.removeEventListener('storage', onStorage)
      }
    },
    toggle(input: BookmarkInput) {
      const { bookmarks } = getSnapshot()
      if (bookmarks.some((bookmark) => bookmark.id === input.id)) commit(bookmarks.filter((bookmark) => bookmark.id !== input.id))
      else {
        const bookmark = bookmarkFromInput(input, now().toISOString())
        if (bookmark) commit(sortBookmarks([bookmark, ...bookmarks]))
      }
    },
    remove(id: string) {
      const { bookmarks } = getSnapshot()
      if (bookmarks.some((bookmark) => bookmark.id === id)) commit(bookmarks.filter((bookmark) => bookmark.id !== id))
    },
    dismissNotice() {
      const current = getSnapshot()
      if (current.notice) emit({ ...current, notice: null })
    },
    importText(text: string): ImportResult {
      const parsed = parseBookmarksFile(text)
      if (!parsed.ok) return parsed
      const merged = mergeBookmarks(getSnapshot().bookmarks, parsed.bookmarks)
      const saved = commit(merged.bookmarks)
      return { ok: true, added: merged.added, updated: merged.updated, total: merged.bookmarks.length, saved }
    },
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
