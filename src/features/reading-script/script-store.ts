// The reader's script choice (原文 / 简 / 繁): one value for the whole app, kept in localStorage so
// it survives a reload, shared by every control and article view (and other tabs) through one store.
import { useSyncExternalStore } from 'react'
import { readItem, writeItem, type WriteResult } from '../../lib/storage'

export type ReadingScript = 'original' | 'hans' | 'hant'
export const READING_SCRIPTS: readonly ReadingScript[] = ['original', 'hans', 'hant']
export const SCRIPT_STORAGE_KEY = 'archive-reader:script'

/** A stored value this version does not know (edited by hand, written by a later version) reads as 原文 and is left in place. */
export function parseReadingScript(value: string | null): ReadingScript {
  return READING_SCRIPTS.find((script) => script === value) ?? 'original'
}

let current: ReadingScript | null = null
const listeners = new Set<() => void>()

export function getReadingScript(): ReadingScript {
  if (current === null) {
    const stored = readItem(SCRIPT_STORAGE_KEY)
    current = parseReadingScript(stored.ok ? stored.value : null)
  }
  return current
}

/** Applies the choice at once; storing it may fail (full or disabled storage), then it lasts for this tab only. */
export function setReadingScript(script: ReadingScript): WriteResult {
  current = script
  for (const listener of listeners) listener()
  return writeItem(SCRIPT_STORAGE_KEY, script)
}

function onStorage(event: StorageEvent) {
  if (event.key !== SCRIPT_STORAGE_KEY && event.key !== null) return
  current = null
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  if (listeners.size === 1) window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0) window.removeEventListener('storage', onStorage)
  }
}

export function useReadingScript(): [ReadingScript, (script: ReadingScript) => void] {
  const script = useSyncExternalStore(subscribe, getReadingScript, () => 'original' as const)
  return [script, setReadingScript]
}

/** Only for tests: forget the value read, so the next read goes to storage again. */
export function resetReadingScriptForTests(): void {
  current = null
}
