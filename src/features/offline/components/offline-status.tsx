import { useEffect } from 'react'
import { strings } from '../../../lib/strings'
import { useBookmarks } from '../../bookmarks/store'
import { reloadIntoUpdate, tellBookmarks, useOfflineState } from '../offline-state'

const s = strings.offline

/** A quiet "offline" mark and the new-version notice, under the header; also keeps the worker's bookmark list current. */
export function OfflineStatus() {
  const { offline, updateReady } = useOfflineState()
  const { bookmarks } = useBookmarks()
  useEffect(() => tellBookmarks(bookmarks.map((bookmark) => bookmark.id)), [bookmarks])
  return (
    <div role="status" aria-live="polite">
      {(offline || updateReady) && (
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 text-sm">
          {offline && (
            <p className="flex items-center gap-2 text-stone-700 dark:text-stone-300">
              <span aria-hidden="true" className="inline-block size-2 rounded-full bg-stone-500 dark:bg-stone-400" />
              <span className="font-medium">{s.indicator}</span>
              <span className="text-stone-600 dark:text-stone-400">{s.indicatorHint}</span>
            </p>
          )}
          {updateReady && (
            <p className="flex items-center gap-3 text-sky-950 dark:text-sky-100">
              <span>{s.updateReady}</span>
              <button type="button" onClick={reloadIntoUpdate} className="rounded-md bg-sky-800 px-3 py-1 font-medium text-white hover:bg-sky-900 dark:bg-sky-200 dark:text-sky-950 dark:hover:bg-sky-100">
                {s.updateReload}
              </button>
            </p>
          )}
        </div>
      )}
    </div>
  )
}
