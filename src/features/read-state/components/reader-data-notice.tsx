import { NoticeBar } from '../../../components/notice-bar'
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
  return <NoticeBar text={notice && noticeText(notice)} onDismiss={dismiss} dismissLabel={strings.storage.dismiss} />
}
