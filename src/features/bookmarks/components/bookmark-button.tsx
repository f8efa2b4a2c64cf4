import type { BookmarkInput } from '../bookmark'
import { useBookmarks } from '../store'
import { strings } from '../../../lib/strings'

const s = strings.bookmarkUi

/** A toggle: aria-pressed tells the state, the name (收藏：title) stays the same. */
export function BookmarkButton({ input, className = '' }: { input: BookmarkInput; className?: string }) {
  const { isBookmarked, toggle } = useBookmarks()
  const pressed = isBookmarked(input.id)
  return (
    <button
      type="button"
      aria-pressed={pressed}
      aria-label={s.toggle(input.title)}
      onClick={() => toggle(input)}
      className={`inline-flex min-h-9 items-center gap-1.5 rounded-md border px-3 py-1.5 text-sm font-medium ${
        pressed
          ? 'border-amber-600 bg-amber-100 text-amber-950 dark:border-amber-400 dark:bg-amber-900/60 dark:text-amber-50'
          : 'border-stone-300 text-stone-700 hover:bg-stone-100 dark:border-stone-600 dark:text-stone-200 dark:hover:bg-stone-800'
      } ${className}`}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill={pressed ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth="1.6">
        <path strokeLinejoin="round" d="M10 2.5l2.3 4.9 5.2.6-3.9 3.6 1.1 5.2L10 14.2l-4.7 2.6 1.1-5.2L2.5 8l5.2-.6L10 2.5z" />
      </svg>
      {s.label}
    </button>
  )
}
