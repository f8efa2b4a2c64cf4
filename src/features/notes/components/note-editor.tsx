import { useEffect, useId, useRef, useState } from 'react'
import { strings } from '../../../lib/strings'
import { MAX_NOTE_CHARS } from '../store'

const s = strings.notes

/** A labelled note field with save (and cancel); it takes focus when it opens for a highlight. */
export function NoteEditor({
  label,
  initial,
  onSave,
  onCancel,
  onChange,
  keepOpen = false,
}: {
  label: string
  initial: string
  onSave: (text: string) => void
  onCancel?: () => void
  onChange?: () => void
  /** The article's note: always shown, never focused on its own. */
  keepOpen?: boolean
}) {
  const id = useId()
  const [text, setText] = useState(initial)
  const field = useRef<HTMLTextAreaElement>(null)
  useEffect(() => {
    if (!keepOpen) field.current?.focus()
  }, [keepOpen])
  return (
    <form
      className="mt-3 space-y-2"
      onSubmit={(event) => {
        event.preventDefault()
        onSave(text)
      }}
    >
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      <textarea
        id={id}
        ref={field}
        value={text}
        maxLength={MAX_NOTE_CHARS}
        rows={3}
        onChange={(event) => {
          setText(event.target.value)
          onChange?.()
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && onCancel) {
            event.stopPropagation()
            onCancel()
          }
        }}
        className="w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base dark:border-stone-600 dark:bg-stone-950"
      />
      <div className="flex gap-2">
        <button type="submit" className="rounded-md bg-stone-800 px-4 py-1.5 text-sm font-medium text-white hover:bg-stone-900 dark:bg-stone-200 dark:text-stone-900 dark:hover:bg-white">
          {s.save}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel} className="rounded-md border border-stone-300 px-4 py-1.5 text-sm font-medium hover:bg-stone-100 dark:border-stone-600 dark:hover:bg-stone-800">
            {s.cancel}
          </button>
        )}
      </div>
    </form>
  )
}
