// A versioned, recoverable localStorage store, shared by everything the reader keeps
// (bookmarks, read state, saved searches, highlights). Storage is never trusted:
//
// - One key holds `{ version, ...payload }`. A value that cannot be read (not JSON, wrong
//   shape, an older or missing version, some bad entries) is copied aside to
//   `<key>:backup:<ISO time>` before the key is written again: never deleted, one copy per
//   distinct value, at most MAX_BACKUPS (beyond that the value stays put and the tab works
//   in memory).
// - A value a newer app version saved is shown as far as it reads and never written over.
// - Storage that is off or full leaves the store working in memory, with a notice.
// - Other tabs' writes arrive through the `storage` event and are read again.
//
// API:
//   const store = createRecoverableStore(schema, { storage?, now?, eventTarget? })
//   schema: { key, version, empty, read(record) -> { value, bad } | null, write(value) -> payload }
//   store.getSnapshot() -> { value, notice }   (stable between changes: fit for useSyncExternalStore)
//   store.subscribe(listener) -> unsubscribe   (listens to the storage event while subscribed)
//   store.commit(value) -> saved?              (the value always shows; trouble becomes a notice)
//   store.update(change) -> saved?             (commit(change(current value)))
//   store.dismissNotice()
//   readStoredValue(schema, raw)               (pure: the stored text -> what it holds)
// Notices are codes (StorageNotice); a view words them.
import { getLocalStorage, keysWithPrefix, readItem, writeItem, type StorageFailure } from './storage'

/** Why the stored value could not be read (wholly, or in part). */
export type UnreadableReason =
  | { kind: 'not-json' }
  | { kind: 'wrong-shape' }
  | { kind: 'old-version'; version: string | null } // the stored version as JSON text, null when there is none
  | { kind: 'bad-entries'; count: number } // the other entries were kept

export type StorageNotice =
  | { kind: 'unavailable' } // localStorage disabled / private mode: kept for this tab only
  | { kind: 'recovered'; backupKey: string; reason: UnreadableReason } // a corrupt/old value was moved aside to backupKey
  | { kind: 'newer-version'; version: string } // saved by a newer app version: read-only here, changes kept for this tab
  | { kind: 'backups-full'; reason: UnreadableReason; limit: number } // unreadable, but `limit` backups exist: left in place, changes kept for this tab
  | { kind: 'write-failed'; reason: StorageFailure } // the reader's last change was not saved
  | { kind: 'backup-failed'; reason: UnreadableReason; failure: StorageFailure } // unreadable, and no backup could be written: left in place

/**
 * Backups are never deleted by the app, so their number is capped instead: with this many
 * present, an unreadable value stays where it is (not overwritten) and the tab works in memory.
 */
export const MAX_BACKUPS = 5

export interface RecoverableSchema<T> {
  /** The localStorage key. */
  key: string
  /** The version this app writes; a stored number above it is a newer app's. */
  version: number
  /** What an empty (never written) key holds. */
  empty: T
  /** The payload of a stored record of this version (or a newer one, as far as it reads); null when its shape is wrong. `bad`: entries dropped. */
  read(record: Record<string, unknown>): { value: T; bad: number } | null
  /** The fields stored beside `version`. */
  write(value: T): Record<string, unknown>
}

export interface RecoverableState<T> {
  value: T
  notice: StorageNotice | null
}

export interface RecoverableStoreOptions {
  storage?: () => Storage | null
  now?: () => Date
  /** Where the `storage` event of other tabs arrives; null in tests that drive it by hand. */
  eventTarget?: Pick<Window, 'addEventListener' | 'removeEventListener'> | null
}

export type StoredValue<T> =
  | { kind: 'empty' }
  | { kind: 'ok'; value: T }
  | { kind: 'partial'; value: T; reason: UnreadableReason } // readable, but some entries were not
  | { kind: 'unreadable'; reason: UnreadableReason }
  | { kind: 'newer'; version: string; value: T } // a newer schema: shown as far as it reads, never rewritten

export function backupKeyPrefix(key: string): string {
  return `${key}:backup:`
}

/** The stored text -> its value, or why it cannot be read. No older schemas exist yet (every store starts at its v1). */
export function readStoredValue<T>(schema: RecoverableSchema<T>, raw: string | null): StoredValue<T> {
  if (raw === null) return { kind: 'empty' }
  let data: unknown
  try {
    data = JSON.parse(raw)
  } catch {
    return { kind: 'unreadable', reason: { kind: 'not-json' } }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { kind: 'unreadable', reason: { kind: 'wrong-shape' } }
  const record = data as Record<string, unknown>
  if (typeof record.version === 'number' && record.version > schema.version) {
    return { kind: 'newer', version: String(record.version), value: schema.read(record)?.value ?? schema.empty }
  }
  if (record.version !== schema.version) return { kind: 'unreadable', reason: { kind: 'old-version', version: JSON.stringify(record.version) ?? null } }
  const read = schema.read(record)
  if (!read) return { kind: 'unreadable', reason: { kind: 'wrong-shape' } }
  return read.bad === 0 ? { kind: 'ok', value: read.value } : { kind: 'partial', value: read.value, reason: { kind: 'bad-entries', count: read.bad } }
}

/** Notices of a tab that does not write to storage at all; they last until a read says otherwise. */
function isReadOnlyNotice(notice: StorageNotice | null): boolean {
  return notice?.kind === 'unavailable' || notice?.kind === 'newer-version' || notice?.kind === 'backups-full'
}

export function createRecoverableStore<T>(
  schema: RecoverableSchema<T>,
  { storage = getLocalStorage, now = () => new Date(), eventTarget = typeof window === 'undefined' ? null : window }: RecoverableStoreOptions = {},
) {
  const backupPrefix = backupKeyPrefix(schema.key)
  let state: RecoverableState<T> | null = null
  // Storage could not be read, holds a newer schema, or has no room for another backup:
  // never write over what we could not read or keep.
  let memoryOnly = false
  // A value that must be copied aside before the key may be overwritten (its first copy failed).
  let pendingBackup: { key: string; raw: string; reason: UnreadableReason } | null = null
  const listeners = new Set<() => void>()

  function emit(next: RecoverableState<T>) {
    state = next
    for (const listener of listeners) listener()
  }

  function backupKeyFor(store: Storage | null): string {
    const base = `${backupPrefix}${now().toISOString()}`
    const taken = (key: string) => {
      const read = readItem(key, store)
      return read.ok && read.value !== null
    }
    let key = base
    for (let n = 2; taken(key); n++) key = `${base}-${n}`
    return key
  }

  /**
   * Reads the key. A newer schema is left alone (read-only tab); anything unreadable is
   * moved aside first: reusing an identical backup, and never beyond MAX_BACKUPS.
   */
  function load(): RecoverableState<T> {
    const store = storage()
    pendingBackup = null
    memoryOnly = true
    const read = readItem(schema.key, store)
    if (!read.ok) return { value: schema.empty, notice: { kind: 'unavailable' } }
    const stored = readStoredValue(schema, read.value)
    if (stored.kind === 'newer') return { value: stored.value, notice: { kind: 'newer-version', version: stored.version } }
    if (stored.kind === 'empty' || stored.kind === 'ok') {
      memoryOnly = false
      return { value: stored.kind === 'ok' ? stored.value : schema.empty, notice: null }
    }
    const raw = read.value!
    const kept = stored.kind === 'partial' ? stored.value : schema.empty
    const backups = keysWithPrefix(backupPrefix, store)
    if (backups === null) return { value: kept, notice: { kind: 'unavailable' } }
    // Another tab of an older version may keep writing the same value back: one copy is enough.
    const copy = backups.find((key) => {
      const backup = readItem(key, store)
      return backup.ok && backup.value === raw
    })
    if (!copy && backups.length >= MAX_BACKUPS) return { value: kept, notice: { kind: 'backups-full', reason: stored.reason, limit: MAX_BACKUPS } }
    memoryOnly = false
    if (!copy) pendingBackup = { key: backupKeyFor(store), raw, reason: stored.reason }
    const result = persist(kept)
    // No change of the reader's is at stake here: say what happened to the stored value.
    if (pendingBackup && result.failure?.kind === 'write-failed') {
      return { value: kept, notice: { kind: 'backup-failed', reason: stored.reason, failure: result.failure.reason } }
    }
    const recovered: StorageNotice | null = copy ? { kind: 'recovered', backupKey: copy, reason: stored.reason } : result.recovered
    return { value: kept, notice: recovered ?? result.failure }
  }

  /** Writes the value, after copying aside a pending unreadable one; never overwrites an uncopied one. */
  function persist(value: T): { failure: StorageNotice | null; recovered: StorageNotice | null } {
    if (memoryOnly) return { failure: null, recovered: null }
    const store = storage()
    let recovered: StorageNotice | null = null
    if (pendingBackup) {
      const copied = writeItem(pendingBackup.key, pendingBackup.raw, store)
      if (!copied.ok) return { failure: { kind: 'write-failed', reason: copied.reason }, recovered: null }
      recovered = { kind: 'recovered', backupKey: pendingBackup.key, reason: pendingBackup.reason }
      pendingBackup = null
    }
    const written = writeItem(schema.key, JSON.stringify({ version: schema.version, ...schema.write(value) }), store)
    return { failure: written.ok ? null : { kind: 'write-failed', reason: written.reason }, recovered }
  }

  function getSnapshot(): RecoverableState<T> {
    state ??= load()
    return state
  }

  /** The reader's change always shows; storage trouble becomes a notice, a later good write clears it. True if saved. */
  function commit(value: T): boolean {
    const current = getSnapshot()
    const { failure, recovered } = persist(value)
    const notice = failure ?? recovered ?? (current.notice?.kind === 'write-failed' ? null : current.notice)
    emit({ value, notice })
    return !memoryOnly && failure === null
  }

  function onStorage(event: StorageEvent) {
    if (event.key !== schema.key && event.key !== null) return
    const current = getSnapshot()
    const next = load()
    emit({ value: next.value, notice: next.notice ?? (isReadOnlyNotice(current.notice) ? null : current.notice) })
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
    commit,
    update(change: (value: T) => T): boolean {
      return commit(change(getSnapshot().value))
    },
    dismissNotice() {
      const current = getSnapshot()
      if (current.notice) emit({ ...current, notice: null })
    },
  }
}

export type RecoverableStore<T> = ReturnType<typeof createRecoverableStore<T>>
