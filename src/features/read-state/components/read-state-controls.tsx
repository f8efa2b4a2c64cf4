import type { Filters } from '../../../lib/filters'
import { strings } from '../../../lib/strings'
import type { ListEntry } from '../../../types/data'
import { useReadState } from '../store'

const s = strings.readState

/**
 * The filter bar's read-state controls: 只看未读 (`unread=1`, kept in the URL like the other
 * filters) and marking the current filtered list read. While the list is still partial, the
 * button says it marks what is loaded, so it never claims more than it does.
 */
export function ReadStateControls({
  filters,
  onChange,
  entries,
  complete,
}: {
  filters: Filters
  onChange: (next: Filters) => void
  /** The filtered list as far as it is loaded. */
  entries: readonly ListEntry[]
  complete: boolean
}) {
  const { isRead, markAllRead } = useReadState()
  const unread = entries.filter((entry) => !isRead(entry.id))
  const markAll = () => {
    if (unread.length > 0) markAllRead(unread.map((entry) => entry.id))
  }
  const button = 'rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100 aria-disabled:cursor-not-allowed aria-disabled:opacity-60 dark:border-stone-600 dark:hover:bg-stone-800'
  return (
    <div className="flex flex-wrap items-center gap-2 sm:ml-auto">
      <button
        type="button"
        aria-pressed={filters.unread === true}
        onClick={() => onChange({ ...filters, unread: !filters.unread })}
        className={`${button} aria-pressed:border-stone-800 aria-pressed:bg-stone-800 aria-pressed:text-white dark:aria-pressed:border-stone-200 dark:aria-pressed:bg-stone-200 dark:aria-pressed:text-stone-900`}
      >
        {s.unreadOnly}
      </button>
      {/* aria-disabled, not disabled: focus stays on the button, whose name now says 0 篇. No status region here: the filter bar's one is the count. */}
      <button type="button" aria-disabled={unread.length === 0} onClick={markAll} className={button}>
        {complete ? s.markAll(unread.length) : s.markShown(unread.length)}
      </button>
    </div>
  )
}
