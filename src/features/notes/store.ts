// Highlights and notes: kept beside bookmarks under the same versioned, recoverable schema
// (src/lib/recoverable-store.ts), as { version: 1, annotations: [...] }. A stored entry that
// does not read is set aside with the rest of the value in a backup, never deleted; the others stay.
import { useMemo, useSyncExternalStore } from 'react'
import { backupKeyPrefix, createRecoverableStore, type RecoverableSchema, type RecoverableStoreOptions } from '../../lib/recoverable-store'
import { webUrl } from '../../lib/urls'
import type { Lang } from '../../types/data'
import { CONTEXT_CHARS, MAX_QUOTE_CHARS, type TextTarget } from './anchor'
import type { Annotation, SourceRef } from './annotation'

export const ANNOTATIONS_KEY = 'archive-reader:annotations'
export const ANNOTATIONS_BACKUP_PREFIX = backupKeyPrefix(ANNOTATIONS_KEY)
export const ANNOTATIONS_VERSION = 1
export const MAX_NOTE_CHARS = 10_000

const LANGS: readonly Lang[] = ['zh-Hans', 'zh-Hant', 'en']
// An id ends up in a route (/articles/:id): no separators, whitespace or control characters.
// eslint-disable-next-line no-control-regex
const ID_PATTERN = /^[^\s/\\?#%\u0000-\u001f\u007f]{1,200}$/

const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max
const isTime = (value: unknown): value is string => isText(value, 64) && !Number.isNaN(Date.parse(value))

function readSource(value: unknown): SourceRef | null {
  if (typeof value !== 'object' || value === null) return null
  const v = value as Record<string, unknown>
  if (!isText(v.id, 200) || !ID_PATTERN.test(v.id) || !isText(v.outlet, 200) || !ID_PATTERN.test(v.outlet)) return null
  if (!isText(v.title, 2000) || !isText(v.outletName, 200) || !isTime(v.publishedAt)) return null
  if (!isText(v.url, 4096) || (v.url !== '' && webUrl(v.url) === null)) return null
  if (v.lang !== undefined && !LANGS.includes(v.lang as Lang)) return null
  if (v.author !== undefined && !isText(v.author, 500)) return null
  const source: SourceRef = { id: v.id, title: v.title, url: v.url, outlet: v.outlet, outletName: v.outletName, publishedAt: v.publishedAt }
  if (v.lang !== undefined) source.lang = v.lang as Lang
  if (typeof v.author === 'string' && v.author.trim()) source.author = v.author
  return source
}

function readTarget(value: unknown): TextTarget | null {
  if (typeof value !== 'object' || value === null) return null
  const v = value as Record<string, unknown>
  if (!isText(v.exact, MAX_QUOTE_CHARS) || v.exact.trim() === '' || !isText(v.prefix, 2 * CONTEXT_CHARS) || !isText(v.suffix, 2 * CONTEXT_CHARS)) return null
  if (!Number.isSafeInteger(v.start) || !Number.isSafeInteger(v.end) || (v.start as number) < 0 || (v.end as number) <= (v.start as number)) return null
  return { exact: v.exact, prefix: v.prefix, suffix: v.suffix, start: v.start as number, end: v.end as number }
}

/** One stored entry, checked field by field (extra fields dropped), or null. */
export function readAnnotation(value: unknown): Annotation | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const v = value as Record<string, unknown>
  const source = readSource(v.source)
  if (!source || !isText(v.id, 100) || v.id === '' || !isText(v.note, MAX_NOTE_CHARS) || !isTime(v.createdAt) || !isTime(v.updatedAt)) return null
  const annotation: Annotation = { id: v.id, source, note: v.note, createdAt: v.createdAt, updatedAt: v.updatedAt }
  if (v.target !== undefined) {
    const target = readTarget(v.target)
    if (!target) return null
    annotation.target = target
  } else if (v.note.trim() === '') return null
  return annotation
}

/** Newest first; ties by id so every tab lists them alike. */
export function sortAnnotations(annotations: readonly Annotation[]): Annotation[] {
  return [...annotations].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

export const annotationSchema: RecoverableSchema<Annotation[]> = {
  key: ANNOTATIONS_KEY,
  version: ANNOTATIONS_VERSION,
  empty: [],
  read(record) {
    if (!Array.isArray(record.annotations)) return null
    const read = record.annotations.map(readAnnotation)
    const seen = new Set<string>()
    const kept = read.filter((annotation): annotation is Annotation => annotation !== null && !seen.has(annotation.id) && Boolean(seen.add(annotation.id)))
    return { value: sortAnnotations(kept), bad: read.filter((annotation) => annotation === null).length }
  },
  write: (annotations) => ({ annotations }),
}

const newId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`

export function createAnnotationStore(options: RecoverableStoreOptions & { id?: () => string } = {}) {
  const now = () => (options.now ?? (() => new Date()))().toISOString()
  const makeId = options.id ?? newId
  const inner = createRecoverableStore(annotationSchema, options)
  const change = (next: (annotations: Annotation[]) => Annotation[]) => inner.update((annotations) => sortAnnotations(next(annotations)))

  /** The note of a highlight, or of an article note (an empty one is removed: it holds nothing). */
  function setNote(id: string, note: string) {
    const text = note.slice(0, MAX_NOTE_CHARS)
    change((annotations) =>
      annotations.flatMap((annotation) => {
        if (annotation.id !== id) return [annotation]
        if (!annotation.target && text.trim() === '') return []
        return [{ ...annotation, note: text, updatedAt: now() }]
      }),
    )
  }

  return {
    getSnapshot: inner.getSnapshot,
    subscribe: inner.subscribe,
    dismissNotice: inner.dismissNotice,
    /** A new highlight of target in source's body; its id. */
    addHighlight(source: SourceRef, target: TextTarget, note = ''): string {
      const id = makeId()
      const time = now()
      change((annotations) => [{ id, source, target, note: note.slice(0, MAX_NOTE_CHARS), createdAt: time, updatedAt: time }, ...annotations])
      return id
    },
    setNote,
    /** The one note on a whole article: created, changed, or removed when emptied. */
    setArticleNote(source: SourceRef, note: string) {
      const text = note.slice(0, MAX_NOTE_CHARS)
      const existing = inner.getSnapshot().value.find((annotation) => annotation.source.id === source.id && !annotation.target)
      if (existing) return setNote(existing.id, text)
      if (text.trim() === '') return
      const time = now()
      change((annotations) => [{ id: makeId(), source, note: text, createdAt: time, updatedAt: time }, ...annotations])
    },
    remove(id: string) {
      change((annotations) => annotations.filter((annotation) => annotation.id !== id))
    },
    /** Annotations from an export file, merged by id: a new id is added, a known one takes the later edit. */
    mergeImported(incoming: readonly Annotation[]): { added: number; saved: boolean } {
      const merged = mergeAnnotations(inner.getSnapshot().value, incoming)
      return { added: merged.added, saved: inner.commit(sortAnnotations(merged.annotations)) }
    },
  }
}

/** Merged by id; of two with the same id the one edited later wins (the kept one on a tie). */
export function mergeAnnotations(current: readonly Annotation[], incoming: readonly Annotation[]): { annotations: Annotation[]; added: number } {
  const byId = new Map(current.map((annotation) => [annotation.id, annotation]))
  let added = 0
  for (const annotation of incoming) {
    const kept = byId.get(annotation.id)
    if (!kept) added += 1
    if (!kept || annotation.updatedAt > kept.updatedAt) byId.set(annotation.id, annotation)
  }
  return { annotations: [...byId.values()], added }
}

export type AnnotationStore = ReturnType<typeof createAnnotationStore>

/** The app's one annotation store (the hook below and the export file's section read it). */
export const annotationStore = createAnnotationStore()
const store = annotationStore

export function useAnnotations() {
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot)
  return useMemo(
    () => ({
      annotations: state.value,
      notice: state.notice,
      addHighlight: store.addHighlight,
      setNote: store.setNote,
      setArticleNote: store.setArticleNote,
      remove: store.remove,
      dismissNotice: store.dismissNotice,
    }),
    [state],
  )
}
