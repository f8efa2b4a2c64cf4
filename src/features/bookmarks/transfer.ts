// Bookmark files: what export writes, what import accepts, and how an import merges.
// Pure functions; the store (store.ts) applies them. A file is untrusted input: every
// entry is checked, and one bad entry rejects the whole file so an import never half-happens.
import { strings } from '../../lib/strings'
import { webUrl } from '../../lib/urls'
import type { Bookmark, BookmarkInput } from './bookmark'

export const BOOKMARKS_FILE_FORMAT = 'archive-reader-bookmarks'
/** 2 adds the sections of export-file.ts (read marks, saved searches) beside the bookmarks; 1 still imports. */
export const BOOKMARKS_FILE_VERSION = 2
const READABLE_FILE_VERSIONS: readonly unknown[] = [1, 2]
/** Far above any real export (a bookmark is ~400 bytes): 5 MB is ~12,000 bookmarks. */
export const MAX_IMPORT_CHARS = 5 * 1024 * 1024
export const MAX_BOOKMARKS = 10_000

const FIELD_LIMITS: Record<keyof Bookmark, number> = {
  id: 200,
  title: 2000,
  url: 4096,
  outlet: 200,
  outletName: 200,
  publishedAt: 64,
  addedAt: 64,
}
const FIELDS = Object.keys(FIELD_LIMITS) as (keyof Bookmark)[]
// An id ends up in a route (/articles/:id): no separators, whitespace or control characters.
// eslint-disable-next-line no-control-regex
const ID_PATTERN = /^[^\s/\\?#%\u0000-\u001f\u007f]+$/

export type EntryResult = { ok: true; bookmark: Bookmark } | { ok: false; problem: string }

/** One stored or imported entry, checked field by field; extra fields are dropped. */
export function readBookmark(value: unknown): EntryResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: strings.bookmarks.entryNotObject }
  const record = value as Record<string, unknown>
  const bookmark = {} as Bookmark
  for (const field of FIELDS) {
    const fieldValue = record[field]
    if (typeof fieldValue !== 'string' || (fieldValue.trim() === '' && field !== 'url')) return { ok: false, problem: strings.bookmarks.entryMissingField(field) }
    if (fieldValue.length > FIELD_LIMITS[field]) return { ok: false, problem: strings.bookmarks.entryTooLong(field) }
    bookmark[field] = fieldValue
  }
  if (!ID_PATTERN.test(bookmark.id) || !ID_PATTERN.test(bookmark.outlet)) return { ok: false, problem: strings.bookmarks.entryBadId(ID_PATTERN.test(bookmark.id) ? 'outlet' : 'id') }
  // '' means no usable original link (the article's own URL was not http/https).
  if (bookmark.url !== '' && webUrl(bookmark.url) === null) return { ok: false, problem: strings.bookmarks.entryBadUrl }
  for (const field of ['publishedAt', 'addedAt'] as const) {
    if (Number.isNaN(Date.parse(bookmark[field]))) return { ok: false, problem: strings.bookmarks.entryBadDate(field) }
  }
  return { ok: true, bookmark }
}

/**
 * What the store keeps when the reader bookmarks an article: its data file is untrusted too,
 * so overlong fields are cut and a non-http URL is dropped rather than stored and later
 * rejected as corrupt. Null for an id no route could carry.
 */
export function bookmarkFromInput(input: BookmarkInput, addedAt: string): Bookmark | null {
  const text = (value: unknown, field: keyof Bookmark) => (typeof value === 'string' ? value : '').slice(0, FIELD_LIMITS[field])
  const candidate: Bookmark = {
    id: text(input.id, 'id'),
    title: text(input.title, 'title') || input.id,
    url: webUrl(text(input.url, 'url')) ? text(input.url, 'url') : '',
    outlet: text(input.outlet, 'outlet'),
    outletName: text(input.outletName, 'outletName') || text(input.outlet, 'outlet'),
    publishedAt: Number.isNaN(Date.parse(text(input.publishedAt, 'publishedAt'))) ? addedAt : text(input.publishedAt, 'publishedAt'),
    addedAt,
  }
  const result = readBookmark(candidate)
  return result.ok ? result.bookmark : null
}

export type ParseResult = { ok: true; bookmarks: Bookmark[] } | { ok: false; error: string }

/** A bookmarks file (our export, or the raw stored value) -> its bookmarks, or a Chinese error naming the problem. */
export function parseBookmarksFile(text: string): ParseResult {
  if (text.length > MAX_IMPORT_CHARS) return { ok: false, error: strings.bookmarks.importTooLarge('5 MB') }
  if (text.trim() === '') return { ok: false, error: strings.bookmarks.importEmpty }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return { ok: false, error: strings.bookmarks.importNotJson }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, error: strings.bookmarks.importWrongShape }
  const file = data as Record<string, unknown>
  if ('format' in file && file.format !== BOOKMARKS_FILE_FORMAT) return { ok: false, error: strings.bookmarks.importWrongFormat }
  if (!('version' in file) || !Array.isArray(file.bookmarks)) return { ok: false, error: strings.bookmarks.importWrongShape }
  if (!READABLE_FILE_VERSIONS.includes(file.version)) return { ok: false, error: strings.bookmarks.importWrongVersion(JSON.stringify(file.version) ?? '?') }
  if (file.bookmarks.length > MAX_BOOKMARKS) return { ok: false, error: strings.bookmarks.importTooMany(file.bookmarks.length, MAX_BOOKMARKS) }
  const bookmarks: Bookmark[] = []
  for (const [index, entry] of file.bookmarks.entries()) {
    const result = readBookmark(entry)
    if (!result.ok) return { ok: false, error: strings.bookmarks.importBadEntry(index + 1, result.problem) }
    bookmarks.push(result.bookmark)
  }
  return { ok: true, bookmarks: mergeBookmarks([], bookmarks).bookmarks }
}

/** The text of an export file: versioned, pretty, newest bookmark first, then any other sections. */
export function bookmarksFileText(bookmarks: readonly Bookmark[], exportedAt: Date = new Date(), sections: Record<string, unknown> = {}): string {
  const file = {
    format: BOOKMARKS_FILE_FORMAT,
    version: BOOKMARKS_FILE_VERSION,
    exportedAt: exportedAt.toISOString(),
    bookmarks: sortBookmarks(bookmarks),
    ...sections,
  }
  return `${JSON.stringify(file, null, 2)}\n`
}

export interface MergeResult {
  bookmarks: Bookmark[]
  added: number
  updated: number
}

/**
 * Union by id. For an id on both sides the incoming snapshot (title, url, outlet, date)
 * replaces the current one, and addedAt keeps the earlier of the two, so importing an old
 * backup never makes a bookmark look newer. `updated` counts current bookmarks that changed.
 */
export function mergeBookmarks(current: readonly Bookmark[], incoming: readonly Bookmark[]): MergeResult {
  const byId = new Map(current.map((bookmark) => [bookmark.id, bookmark]))
  const fresh = new Set<string>()
  const changed = new Set<string>()
  for (const entry of incoming) {
    const existing = byId.get(entry.id)
    if (!existing) {
      byId.set(entry.id, entry)
      fresh.add(entry.id)
      continue
    }
    const merged = { ...entry, addedAt: earlier(existing.addedAt, entry.addedAt) }
    byId.set(entry.id, merged)
    if (!fresh.has(entry.id) && !sameBookmark(existing, merged)) changed.add(entry.id)
  }
  // A bookmark changed and then changed back by a later duplicate counts as unchanged.
  const original = new Map(current.map((bookmark) => [bookmark.id, bookmark]))
  const updated = [...changed].filter((id) => !sameBookmark(original.get(id)!, byId.get(id)!)).length
  return { bookmarks: sortBookmarks([...byId.values()]), added: fresh.size, updated }
}

function earlier(a: string, b: string): string {
  return Date.parse(b) < Date.parse(a) ? b : a
}

function sameBookmark(a: Bookmark, b: Bookmark): boolean {
  return FIELDS.every((field) => a[field] === b[field])
}

/** Newest bookmark first; ties by id so the order is stable across tabs. */
export function sortBookmarks(bookmarks: readonly Bookmark[]): Bookmark[] {
  return [...bookmarks].sort((a, b) => Date.parse(b.addedAt) - Date.parse(a.addedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}
