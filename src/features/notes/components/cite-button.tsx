import { useId, useRef, useState } from 'react'
import { strings } from '../../../lib/strings'
import type { SourceRef } from '../annotation'
import { CITATION_STYLES, formatCitation, type CitationStyle } from '../citation'

const s = strings.notes

/** 引用: a dialog with the article's citation in each style, each copyable; the text stays visible to copy by hand. */
export function CiteButton({ source }: { source: SourceRef }) {
  const id = useId()
  const dialog = useRef<HTMLDialogElement>(null)
  const [accessed, setAccessed] = useState(() => new Date())
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null)

  const copy = async (style: CitationStyle, text: string, element: HTMLElement | null) => {
    try {
      await navigator.clipboard.writeText(text)
      setStatus({ ok: true, text: s.copied(s.styles[style]) })
    } catch {
      // No clipboard (permissions, an insecure origin): select the text for Ctrl+C instead.
      if (element) document.getSelection()?.selectAllChildren(element)
      setStatus({ ok: false, text: s.copyFailed })
    }
  }

  return (
    <>
      <button
        type="button"
        onClick={() => {
          setAccessed(new Date())
          setStatus(null)
          dialog.current?.showModal()
        }}
        className="inline-flex min-h-9 items-center rounded-md border border-stone-300 px-3 text-sm font-medium hover:bg-stone-100 dark:border-stone-600 dark:hover:bg-stone-800"
      >
        {s.cite}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        className="m-auto w-[min(40rem,calc(100%-2rem))] rounded-lg border border-stone-300 bg-white p-0 text-stone-900 shadow-xl backdrop:bg-stone-950/50 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100"
      >
        <div className="space-y-4 p-5">
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            {s.citeHeading}
          </h2>
          <p className="text-sm text-stone-600 dark:text-stone-400">{s.citeIntro}</p>
          {CITATION_STYLES.map((style) => (
            <Citation key={style} id={`${id}-${style}`} style={style} text={formatCitation(style, source, { accessed })} onCopy={copy} />
          ))}
          <p role="status" aria-live="polite" className={`text-sm font-medium empty:hidden ${status?.ok === false ? 'text-red-800 dark:text-red-300' : 'text-green-800 dark:text-green-300'}`}>
            {status?.text ?? ''}
          </p>
          <div className="flex justify-end">
            <button type="button" onClick={() => dialog.current?.close()} className="rounded-md bg-stone-800 px-4 py-2 text-sm font-medium text-white hover:bg-stone-900 dark:bg-stone-200 dark:text-stone-900 dark:hover:bg-white">
              {s.close}
            </button>
          </div>
        </div>
      </dialog>
    </>
  )
}

function Citation({ id, style, text, onCopy }: { id: string; style: CitationStyle; text: string; onCopy: (style: CitationStyle, text: string, element: HTMLElement | null) => Promise<void> }) {
  const name = s.styles[style]
  return (
    <section aria-labelledby={`${id}-name`} className="rounded-md border border-stone-200 p-3 dark:border-stone-700">
      <div className="flex items-center justify-between gap-3">
        <h3 id={`${id}-name`} className="font-semibold">
          {name}
        </h3>
        <button
          type="button"
          aria-label={s.copyStyle(name)}
          onClick={() => void onCopy(style, text, document.getElementById(`${id}-text`))}
          className="rounded-md border border-stone-300 px-3 py-1 text-sm font-medium hover:bg-stone-100 dark:border-stone-600 dark:hover:bg-stone-800"
        >
          {s.copy}
        </button>
      </div>
      <p id={`${id}-text`} data-citation={style} className="mt-2 text-sm break-words select-all">
        {text}
      </p>
    </section>
  )
}
