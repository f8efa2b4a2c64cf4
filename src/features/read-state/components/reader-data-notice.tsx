import type { StorageNotice } from '../../../lib/recoverable-store'
import { strings } from '../../../lib/strings'
import { useSavedSearches, savedSearchStore } from '../../saved-searches/store'
import { readStateStore, useReadState } from '../store'

const s = strings.readState

/** Storage that is off is one fact about the browser: the bookmarks banner says it for every store. */
type ShownNotice = Exclude<StorageNotice, { kind: 'unavailable' }>

function noticeText(notice: ShownNotice): string {
  switch (notice.kind) {
    case 'recovered':
      return s.noticeRecovered(notice.backupKey)
    case 'newer-version':
      return s.noticeNewer(notice.version)
    case 'backups-full':
      return s.noticeBackupsFull(notice.limit)
    case 'write-failed':
      return s.noticeWriteFailed
    case 'backup-failed':
      return s.noticeBackupFailed
  }
}

/** Storage trouble of the read marks or the saved searches, said politely (as the bookmarks banner does for bookmarks). */
export function ReaderDataNotice() {
  const read = useReadState()
  const searches = useSavedSearches()
  const first = read.notice ?? searches.notice
  const notice = first?.kind === 'unavailable' ? null : first
  // Storage that is off says so once, not once per store.
  const dismiss = () => {
    readStateStore.dismissNotice()
    savedSearchStore.dismissNotice()
  }
  return (
    <div role="status" aria-live="polite">
      {notice && (
        <div className="mx-auto flex max-w-5xl items-start gap-3 border-b border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          <p className="flex-1">{noticeText(notice)}</p>
          <button type="button" onClick={dismiss} className="shrink-0 rounded-md border border-amber-700 px-3 py-1 font-medium hover:bg-amber-100 dark:border-amber-300 dark:hover:bg-amber-900">
            {strings.storage.dismiss}
          </button>
        </div>
      )}
    </div>
  )
}
