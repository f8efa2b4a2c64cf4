import { storageNoticeText, useBookmarks } from '../store'
import { strings } from '../../../lib/strings'

/** Tells the reader when bookmarks cannot be kept (storage off, full, or recovered). Polite: it never interrupts. */
export function StorageNoticeBanner() {
  const { notice, dismissNotice } = useBookmarks()
  return (
    <div role="status" aria-live="polite">
      {notice && (
        <div className="mx-auto flex max-w-5xl items-start gap-3 border-b border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          <p className="flex-1">{storageNoticeText(notice)}</p>
          <button type="button" onClick={dismissNotice} className="shrink-0 rounded-md border border-amber-700 px-3 py-1 font-medium hover:bg-amber-100 dark:border-amber-300 dark:hover:bg-amber-900">
            {strings.storage.dismiss}
          </button>
        </div>
      )}
    </div>
  )
}
