// Read state: which articles the reader opened, kept beside bookmarks by the recoverable
// store (own key, same rules) and followed across tabs through the storage event.
import { useMemo, useSyncExternalStore } from 'react'
import { createRecoverableStore, type RecoverableStoreOptions } from '../../lib/recoverable-store'
import { readStateSchema, withMarks, type ReadMarks } from './read-marks'

export function createReadStateStore(options: RecoverableStoreOptions = {}) {
  const inner = createRecoverableStore(readStateSchema, options)
  const mark = (ids: Iterable<string>) => {
    const current = inner.getSnapshot().value
    const next = withMarks(current, ids)
    return next === current ? true : inner.commit(next)
  }
  return {
    getSnapshot: inner.getSnapshot,
    subscribe: inner.subscribe,
    dismissNotice: inner.dismissNotice,
    markRead: (id: string) => mark([id]),
    markAllRead: (ids: Iterable<string>) => mark(ids),
    /** Merges imported marks (a union: an import never unmarks). Returns how many were new and whether storage took them. */
    mergeImported(ids: Iterable<string>): { added: number; saved: boolean } {
      const before = inner.getSnapshot().value.size
      const saved = mark(ids)
      return { added: inner.getSnapshot().value.size - before, saved }
    },
    marks: (): ReadMarks => inner.getSnapshot().value,
  }
}

export const readStateStore = createReadStateStore()

export function useReadState() {
  const state = useSyncExternalStore(readStateStore.subscribe, readStateStore.getSnapshot, readStateStore.getSnapshot)
  return useMemo(
    () => ({
      isRead: (id: string) => state.value.has(id),
      count: state.value.size,
      markRead: readStateStore.markRead,
      markAllRead: readStateStore.markAllRead,
      notice: state.notice,
      dismissNotice: readStateStore.dismissNotice,
    }),
    [state],
  )
}

/** The read marks when `wanted` (the list filters them out under `unread=1`), else null; re-renders only when wanted. */
export function useReadMarks(wanted: boolean): ReadMarks | null {
  const subscribe = useMemo(() => (wanted ? readStateStore.subscribe : () => () => {}), [wanted])
  const marks = useSyncExternalStore(subscribe, () => (wanted ? readStateStore.marks() : null), () => (wanted ? readStateStore.marks() : null))
  return marks
}
