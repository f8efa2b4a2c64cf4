// localStorage that never throws: disabled storage, private mode and a full quota come back
// as values the caller can show the reader, instead of exceptions that blank the app.

/** Every key this app stores starts so (theme.ts, i18n.ts, the stores). */
export const STORAGE_PREFIX = 'archive-reader:'

export type StorageFailure = 'quota' | 'unavailable' | 'unknown'

export type ReadResult = { ok: true; value: string | null } | { ok: false; reason: 'unavailable' }
export type WriteResult = { ok: true } | { ok: false; reason: StorageFailure }

/** The page's localStorage, or null where touching it throws (disabled cookies, sandboxed frames). */
export function getLocalStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : (localStorage ?? null)
  } catch {
    return null
  }
}

export function readItem(key: string, storage: Storage | null = getLocalStorage()): ReadResult {
  if (!storage) return { ok: false, reason: 'unavailable' }
  try {
    return { ok: true, value: storage.getItem(key) }
  } catch {
    return { ok: false, reason: 'unavailable' }
  }
}

/** Every key that starts with prefix, sorted, or null where storage cannot be listed. */
export function keysWithPrefix(prefix: string, storage: Storage | null = getLocalStorage()): string[] | null {
  if (!storage) return null
  try {
    const keys: string[] = []
    for (let index = 0; index < storage.length; index++) {
      const key = storage.key(index)
      if (key !== null && key.startsWith(prefix)) keys.push(key)
    }
    return keys.sort()
  } catch {
    return null
  }
}

export function writeItem(key: string, value: string, storage: Storage | null = getLocalStorage()): WriteResult {
  if (!storage) return { ok: false, reason: 'unavailable' }
  try {
    storage.setItem(key, value)
    return { ok: true }
  } catch (error) {
    return { ok: false, reason: storageFailureOf(error) }
  }
}

/** Names the failure behind a storage exception; browsers disagree on names and codes. */
export function storageFailureOf(error: unknown): StorageFailure {
  if (!(error instanceof Error) && !(typeof DOMException !== 'undefined' && error instanceof DOMException)) return 'unknown'
  const { name } = error as Error
  const code = (error as { code?: unknown }).code
  // 22: QuotaExceededError (Chromium, WebKit); 1014: NS_ERROR_DOM_QUOTA_REACHED (old Firefox).
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014) return 'quota'
  if (name === 'SecurityError' || name === 'InvalidAccessError') return 'unavailable'
  return 'unknown'
}
