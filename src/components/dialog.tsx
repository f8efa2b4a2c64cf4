import { useEffect, useId, useRef, type ReactNode } from 'react'
import './dialog.css'

/**
 * A native modal <dialog>: showModal() makes the rest of the page inert (the focus stays
 * inside) and Esc closes it; on close the focus goes back to where it was.
 */
export function Dialog({ open, onClose, title, closeLabel, children, className = '' }: { open: boolean; onClose: () => void; title: string; closeLabel: string; children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDialogElement>(null)
  const returnTo = useRef<HTMLElement | null>(null)
  const titleId = useId()
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
      dialog.showModal()
    } else if (!open && dialog.open) dialog.close()
  }, [open])
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={() => {
        onClose()
        const target = returnTo.current
        returnTo.current = null
        if (target?.isConnected) target.focus()
      }}
      // A click on the backdrop lands on the dialog itself (its content fills it): close.
      onClick={(event) => {
        if (event.target === event.currentTarget) event.currentTarget.close()
      }}
      className={`reader-dialog m-auto max-h-[85vh] w-[min(36rem,calc(100vw-2rem))] overflow-y-auto rounded-lg border border-stone-300 bg-white p-0 text-stone-900 shadow-xl dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100 ${className}`}
    >
      {open && (
        <div className="p-5">
          <div className="mb-4 flex items-start justify-between gap-4">
            <h2 id={titleId} className="text-lg font-bold">
              {title}
            </h2>
            <button
              type="button"
              onClick={() => ref.current?.close()}
              className="rounded-md border border-stone-300 px-3 py-1 text-sm font-medium hover:bg-stone-100 dark:border-stone-600 dark:hover:bg-stone-800"
            >
              {closeLabel}
            </button>
          </div>
          {children}
        </div>
      )}
    </dialog>
  )
}
