// Saved searches, kept beside bookmarks by the recoverable store and followed across tabs.
import { useSyncExternalStore } from 'react'
import { createRecoverableStore, type RecoverableStoreOptions } from '../../lib/recoverable-store'
import { mergeSavedSearches, savedSearchSchema, type SavedSearch } from './saved-search'

export function createSavedSearchStore(options: RecoverableStoreOptions = {}) {
  const now = options.now ?? (() => new Date())
  const inner = createRecoverableStore(savedSearchSchema, options)
  const change = (id: string, edit: (search: SavedSearch) => SavedSearch) =>
    inner.update((searches) => searches.map((search) => (search.id === id ? edit(search) : search)))
  return {
    getSnapshot: inner.getSnapshot,
    subscribe: inner.subscribe,
    dismissNotice: inner.dismissNotice,
    /** Saves the filters (query) under name; newest (the archive's newest publication time) marks what counts as seen. */
    save(name: string, query: string, newest: string | null): SavedSearch {
      const at = now().toISOString()
      const search: SavedSearch = { id: `s${now().getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`, name, query, createdAt: at, seenNewest: newest, openedAt: null }
      inner.update((searches) => [...searches, search])
      return search
    },
    rename: (id: string, name: string) => change(id, (search) => ({ ...search, name })),
    remove: (id: string) => inner.update((searches) => searches.filter((search) => search.id !== id)),
    /** Opened from the panel: every article up to `newest` counts as seen (never moved back). */
    open: (id: string, newest: string | null) =>
      change(id, (search) => ({ ...search, openedAt: now().toISOString(), seenNewest: newest !== null && (search.seenNewest === null || Date.parse(newest) > Date.parse(search.seenNewest)) ? newest : search.seenNewest })),
    mergeImported(incoming: readonly SavedSearch[]): { added: number; saved: boolean } {
      const merged = mergeSavedSearches(inner.getSnapshot().value, incoming)
      return { added: merged.added, saved: inner.commit(merged.searches) }
    },
  }
}

export const savedSearchStore = createSavedSearchStore()

export function useSavedSearches() {
  return useSyncExternalStore(savedSearchStore.subscribe, savedSearchStore.getSnapshot, savedSearchStore.getSnapshot)
}
