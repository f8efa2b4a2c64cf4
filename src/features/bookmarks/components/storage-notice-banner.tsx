import { NoticeBar } from '../../../components/notice-bar'
import { strings } from '../../../lib/strings'
import { BACKUP_KEY_PREFIX, useBookmarks, type StorageNotice, type UnreadableReason } from '../store'

const s = strings.storage

/** Tells the reader when bookmarks cannot be kept (storage off, full, or recovered). Polite: it never interrupts. */
export function StorageNoticeBanner() {
  const { notice, dismissNotice } = useBookmarks()
  return <NoticeBar text={notice && noticeText(notice)} onDismiss={dismissNotice} dismissLabel={s.dismiss} />
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
