import type { StorageNotice } from '../../../lib/recoverable-store'
import { strings } from '../../../lib/strings'
import { useAnnotations } from '../store'

const s = strings.notes

/** Storage that is off is one fact about the browser: the layout's bookmarks banner says it for every store. */
type ShownNotice = Exclude<StorageNotice, { kind: 'unavailable' }>

function noticeText(notice: ShownNotice): string {
  switch (notice.kind) {
    case 'recovered':
      return s.storageRecovered(notice.backupKey)
    case 'newer-version':
      return s.storageNewer
    case 'backups-full':
      return s.storageBackupsFull
    case 'write-failed':
      return s.storageWriteFailed
    case 'backup-failed':
      return s.storageBackupFailed
  }
}

/** What happened to the stored highlights and notes, where they are shown. Polite: it never interrupts. */
export function AnnotationNotice() {
  const { notice: stored, dismissNotice } = useAnnotations()
  const notice = stored?.kind === 'unavailable' ? null : stored
  return (
    <div role="status" aria-live="polite">
      {notice && (
        <div className="flex items-start gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          <p className="flex-1">{noticeText(notice)}</p>
          <button type="button" onClick={dismissNotice} className="shrink-0 rounded-md border border-amber-700 px-3 py-1 font-medium hover:bg-amber-100 dark:border-amber-300 dark:hover:bg-amber-900">
            {s.dismiss}
          </button>
        </div>
      )}
    </div>
  )
}
