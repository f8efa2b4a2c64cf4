import { strings } from '../../../lib/strings'
import { BACKUP_KEY_PREFIX, useBookmarks, type StorageNotice, type UnreadableReason } from '../store'

const s = strings.storage

/** Tells the reader when bookmarks cannot be kept (storage off, full, or recovered). Polite: it never interrupts. */
export function StorageNoticeBanner() {
  const { notice, dismissNotice } = useBookmarks()
  return (
    <div role="status" aria-live="polite">
      {notice && (
        <div className="mx-auto flex max-w-5xl items-start gap-3 border-b border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          <p className="flex-1">{noticeText(notice)}</p>
          <button type="button" onClick={dismissNotice} className="shrink-0 rounded-md border border-amber-700 px-3 py-1 font-medium hover:bg-amber-100 dark:border-amber-300 dark:hover:bg-amber-900">
            {s.dismiss}
          </button>
        </div>
      )}
    </div>
  )
}

function noticeText(notice: StorageNotice): string {
  switch (notice.kind) {
    case 'unavailable':
      return s.unavailable
    case 'recovered':
      return s.recovered(reasonText(notice.reason), notice.backupKey)
    case 'newer-version':
      return s.newerVersion(notice.version)
    case 'backups-full':
      return s.backupsFull(reasonText(notice.reason), notice.limit, BACKUP_KEY_PREFIX)
    case 'write-failed':
      return notice.reason === 'quota' ? s.writeFailedQuota : notice.reason === 'unavailable' ? s.writeFailedUnavailable : s.writeFailedUnknown
    case 'backup-failed':
      return s.backupFailed(reasonText(notice.reason), notice.failure === 'quota' ? s.failureQuota : notice.failure === 'unavailable' ? s.failureUnavailable : s.failureUnknown)
  }
}

function reasonText(reason: UnreadableReason): string {
  switch (reason.kind) {
    case 'not-json':
      return s.reasonNotJson
    case 'wrong-shape':
      return s.reasonWrongShape
    case 'old-version':
      return s.reasonOldVersion(reason.version ?? s.noVersion)
    case 'bad-entries':
      return s.reasonBadEntries(reason.count)
  }
}
