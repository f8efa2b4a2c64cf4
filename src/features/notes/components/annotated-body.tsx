// The article body with its highlights: select text to highlight it (and write a note), the
// highlights drawn as <mark>s wherever their passage is now (again after any change to the body:
// a new render, the reading script control), and below the body the article's highlights and notes,
// detached ones included. The script fold is loaded lazily, as search loads it.
import { useQuery } from '@tanstack/react-query'
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { strings } from '../../../lib/strings'
import { scriptFoldQueryOptions } from '../../articles/use-script-fold'
import { describeText, type TextTarget } from '../anchor'
import { isHighlight, type Annotation, type SourceRef } from '../annotation'
import { bodyText, createAnchorCache, drawHighlights, MARK_ATTRIBUTE, rangeOffsets } from '../dom-anchor'
import { useAnnotations } from '../store'
import { AnnotationNotice } from './annotation-notice'
import { NoteEditor } from './note-editor'
import '../notes.css'

const s = strings.notes

interface Pending {
  target: TextTarget
  top: number
  left: number
}

const noteElementId = (base: string, id: string) => `${base}-note-${id}`
const itemId = (base: string, id: string) => `${base}-item-${id}`

export function AnnotatedBody({ source, children }: { source: SourceRef; children: ReactNode }) {
  const base = useId().replace(/:/g, '')
  const container = useRef<HTMLDivElement>(null)
  const anchors = useRef(createAnchorCache())
  const toolbar = useRef<HTMLDivElement>(null)
  const { annotations, addHighlight } = useAnnotations()
  const mine = useMemo(() => annotations.filter((annotation) => annotation.source.id === source.id), [annotations, source.id])
  // Drawn oldest first, so a later highlight nests inside an earlier one it overlaps.
  const highlights = useMemo(() => mine.filter(isHighlight).reverse(), [mine])
  // The same lazily loaded fold as search's query (one chunk, one load), once there is something to draw.
  const fold = useQuery({ ...scriptFoldQueryOptions(), enabled: highlights.length > 0 }).data ?? null
  const [detached, setDetached] = useState<ReadonlySet<string>>(new Set())
  const [pending, setPending] = useState<Pending | null>(null)
  const [editing, setEditing] = useState<string | null>(null)

  const bodyRoot = () => container.current?.querySelector<HTMLElement>('.safe-html') ?? null

  // What is drawn depends on the passages and whether each has a note, not on note text.
  const drawKey = JSON.stringify(highlights.map((h) => [h.id, h.target, h.note.trim() !== '']))
  useLayoutEffect(() => {
    const root = bodyRoot()
    if (!root || !fold) return
    const list = JSON.parse(drawKey) as [string, TextTarget, boolean][]
    let frame = 0
    const observer = new MutationObserver(() => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(draw)
    })
    function draw() {
      observer.disconnect()
      const drawn = drawHighlights(
        root!,
        list.map(([id, target]) => ({ id, target })),
        fold!.fold,
        (id) => {
          const hasNote = list.find(([other]) => other === id)?.[2] ?? false
          return { label: hasNote ? s.markWithNoteLabel : s.markLabel, describedBy: hasNote ? noteElementId(base, id) : undefined, className: hasNote ? 'has-note' : undefined }
        },
        anchors.current,
      )
      setDetached(new Set(drawn.detached))
      observer.takeRecords()
      observer.observe(root!, { childList: true, subtree: true, characterData: true })
    }
    draw()
    return () => {
      cancelAnimationFrame(frame)
      observer.disconnect()
    }
  }, [drawKey, fold, base])

  // The reader's selection inside the body, as a target and a place for the toolbar.
  useEffect(() => {
    const onSelection = () => {
      const root = bodyRoot()
      const selection = document.getSelection()
      if (toolbar.current?.contains(document.activeElement)) return
      if (!root || !selection || selection.rangeCount === 0 || selection.isCollapsed) return setPending(null)
      const range = selection.getRangeAt(0)
      const body = bodyText(root)
      const offsets = rangeOffsets(root, body, range)
      const target = offsets && describeText(body.text, offsets.start, offsets.end)
      if (!target) return setPending(null)
      const rect = range.getBoundingClientRect()
      const frame = container.current!.getBoundingClientRect()
      setPending({ target, top: rect.bottom - frame.top + 8, left: Math.max(0, Math.min(rect.left - frame.left, frame.width - 260)) })
    }
    document.addEventListener('selectionchange', onSelection)
    return () => document.removeEventListener('selectionchange', onSelection)
  }, [])

  // Enter on a highlight in the text goes to its entry below, where its note is.
  useEffect(() => {
    const root = bodyRoot()
    if (!root) return
    const onKey = (event: KeyboardEvent) => {
      const mark = (event.target as Element).closest?.(`mark[${MARK_ATTRIBUTE}]`)
      if (event.key !== 'Enter' || !mark) return
      event.preventDefault()
      document.getElementById(itemId(base, mark.getAttribute(MARK_ATTRIBUTE)!))?.querySelector<HTMLElement>('button')?.focus()
    }
    root.addEventListener('keydown', onKey)
    return () => root.removeEventListener('keydown', onKey)
  }, [base])

  const highlight = (withNote: boolean) => {
    if (!pending) return
    const id = addHighlight(source, pending.target)
    document.getSelection()?.removeAllRanges()
    setPending(null)
    if (withNote) setEditing(id)
    else bodyRoot()?.focus()
  }

  const inTextOrder = [...highlights].sort((a, b) => a.target.start - b.target.start)
  const anchored = inTextOrder.filter((h) => !detached.has(h.id))
  const lost = inTextOrder.filter((h) => detached.has(h.id))

  return (
    <div ref={container} className="relative">
      {children}
      {pending && (
        <div
          ref={toolbar}
          role="toolbar"
          aria-label={s.toolbar}
          style={{ top: pending.top, left: pending.left }}
          className="note-toolbar absolute z-20 flex gap-1 rounded-lg border border-stone-300 bg-white p-1 shadow-lg dark:border-stone-600 dark:bg-stone-900"
          // Keep the selection: a click here must not collapse it before the button acts.
          onMouseDown={(event) => event.preventDefault()}
          // Esc from a toolbar button closes it and lets go of the text (taken here, so it does not go back a page).
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return
            event.preventDefault()
            setPending(null)
            document.getSelection()?.removeAllRanges()
            bodyRoot()?.focus()
          }}
        >
          <button type="button" onClick={() => highlight(false)} className="rounded-md px-3 py-1.5 text-sm font-medium hover:bg-stone-100 dark:hover:bg-stone-800">
            {s.highlight}
          </button>
          <button type="button" onClick={() => highlight(true)} className="rounded-md px-3 py-1.5 text-sm font-medium hover:bg-stone-100 dark:hover:bg-stone-800">
            {s.highlightWithNote}
          </button>
        </div>
      )}
      <section aria-labelledby={`${base}-heading`} className="mt-10 space-y-4 border-t border-stone-200 pt-6 dark:border-stone-800">
        <h2 id={`${base}-heading`} className="text-lg font-semibold">
          {s.panelHeading}
        </h2>
        <p className="text-sm text-stone-600 dark:text-stone-400">{s.panelIntro}</p>
        <AnnotationNotice />
        {anchored.length === 0 && lost.length === 0 && <p className="text-sm text-stone-600 dark:text-stone-400">{s.noHighlights}</p>}
        {anchored.length > 0 && (
          <ol className="space-y-3">
            {anchored.map((h) => (
              <HighlightItem key={h.id} base={base} annotation={h} editing={editing === h.id} onEdit={setEditing} onShow={() => showMark(bodyRoot(), h.id)} />
            ))}
          </ol>
        )}
        {lost.length > 0 && (
          <div className="space-y-2">
            <h3 className="font-semibold">{s.detachedHeading}</h3>
            <p className="text-sm text-stone-600 dark:text-stone-400">{s.detachedHint}</p>
            <ol className="space-y-3">
              {lost.map((h) => (
                <HighlightItem key={h.id} base={base} annotation={h} editing={editing === h.id} onEdit={setEditing} />
              ))}
            </ol>
          </div>
        )}
        <ArticleNote source={source} note={mine.find((annotation) => !annotation.target)} />
      </section>
    </div>
  )
}

function showMark(root: HTMLElement | null, id: string) {
  const mark = root?.querySelector<HTMLElement>(`mark[${MARK_ATTRIBUTE}="${CSS.escape(id)}"]`)
  if (!mark) return
  mark.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' })
  mark.focus({ preventScroll: true })
}

function HighlightItem({ base, annotation, editing, onEdit, onShow }: { base: string; annotation: Annotation & { target: TextTarget }; editing: boolean; onEdit: (id: string | null) => void; onShow?: () => void }) {
  const { setNote, remove } = useAnnotations()
  const quote = annotation.target.exact
  const short = quote.length > 40 ? `${quote.slice(0, 40)}…` : quote
  const button = 'rounded-md border border-stone-300 px-3 py-1 text-sm font-medium hover:bg-stone-100 dark:border-stone-600 dark:hover:bg-stone-800'
  return (
    <li id={itemId(base, annotation.id)} className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
      <blockquote lang={annotation.source.lang} className="border-l-4 border-amber-400 pl-3 whitespace-pre-line dark:border-amber-500">
        {quote}
      </blockquote>
      {editing ? (
        <NoteEditor
          label={s.noteFor(short)}
          initial={annotation.note}
          onSave={(text) => {
            setNote(annotation.id, text)
            onEdit(null)
          }}
          onCancel={() => onEdit(null)}
        />
      ) : (
        annotation.note.trim() && (
          <p id={noteElementId(base, annotation.id)} className="mt-2 text-sm whitespace-pre-line">
            <span className="sr-only">{s.note}{strings.language.colon}</span>
            {annotation.note}
          </p>
        )
      )}
      {!editing && (
        <div className="mt-3 flex flex-wrap gap-2">
          <button type="button" className={button} onClick={() => onEdit(annotation.id)}>
            {annotation.note.trim() ? s.editNote : s.addNote}
          </button>
          {onShow && (
            <button type="button" className={button} aria-label={s.showInTextLabel(short)} onClick={onShow}>
              {s.showInText}
            </button>
          )}
          <button type="button" className={button} aria-label={s.removeHighlight(short)} onClick={() => remove(annotation.id)}>
            {s.remove}
          </button>
        </div>
      )}
    </li>
  )
}

function ArticleNote({ source, note }: { source: SourceRef; note: Annotation | undefined }) {
  const { setArticleNote } = useAnnotations()
  const [saved, setSaved] = useState(false)
  return (
    <div>
      <NoteEditor
        key={note?.id ?? 'new'}
        label={s.articleNote}
        initial={note?.note ?? ''}
        keepOpen
        onSave={(text) => {
          setArticleNote(source, text)
          setSaved(true)
        }}
        onChange={() => setSaved(false)}
      />
      <p role="status" className="mt-1 text-sm text-green-800 empty:hidden dark:text-green-300">
        {saved ? s.articleNoteSaved : ''}
      </p>
    </div>
  )
}
