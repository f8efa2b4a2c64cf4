import { NoticeBar } from '../../../components/notice-bar'
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
  return <NoticeBar text={notice && noticeText(notice)} onDismiss={dismissNotice} dismissLabel={s.dismiss} shape="box" />
}
