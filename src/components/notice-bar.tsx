import type { ReactNode } from 'react'

const SHAPES = {
  // Under the header, the page's width.
  bar: 'mx-auto max-w-5xl border-b',
  // Inside a view (the notes of an article, /notes).
  box: 'rounded-md border',
}

/**
 * A polite notice the reader can dismiss (the stores' storage troubles): a live region that is always
 * there, so a notice arriving is announced, and never interrupts. Nothing shows while `text` is null.
 */
export function NoticeBar({ text, onDismiss, dismissLabel, shape = 'bar' }: { text: ReactNode; onDismiss: () => void; dismissLabel: string; shape?: keyof typeof SHAPES }) {
  return (
    <div role="status" aria-live="polite">
      {text !== null && (
        <div className={`${SHAPES[shape]} flex items-start gap-3 border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100`}>
          <p className="flex-1">{text}</p>
          <button type="button" onClick={onDismiss} className="shrink-0 rounded-md border border-amber-700 px-3 py-1 font-medium hover:bg-amber-100 dark:border-amber-300 dark:hover:bg-amber-900">
            {dismissLabel}
          </button>
        </div>
      )}
    </div>
  )
}
