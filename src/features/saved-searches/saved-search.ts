// Saved searches: a name and the filters' canonical query string (toSearch), so the URL
// rules (parseFilters) read them back and nonsense is ignored piece by piece. Stored beside
// bookmarks by the recoverable store; checked entry by entry, like bookmarks.
import { EMPTY_FILTERS, parseFilters, toSearch, type Filters } from '../../lib/filters'
import type { RecoverableSchema } from '../../lib/recoverable-store'
import { strings } from '../../lib/strings'

export interface SavedSearch {
  id: string
  name: string
  /** '?outlet=bbc&q=…' as toSearch writes it: text, outlets, dates (never unread). */
  query: string
  createdAt: string
  /** The archive's newest publication time when it was saved or last opened in the panel: newer matches are new. */
  seenNewest: string | null
  openedAt: string | null
}

export const SAVED_SEARCHES_KEY = 'archive-reader:saved-searches'
export const SAVED_SEARCHES_VERSION = 1
export const MAX_NAME_LENGTH = 80
export const MAX_SAVED_SEARCHES = 500
const MAX_QUERY_LENGTH = 2000
const MAX_ID_LENGTH = 64

export type SavedSearchResult = { ok: true; search: SavedSearch } | { ok: false; problem: string }

const isDate = (value: unknown): value is string => typeof value === 'string' && value.length <= 64 && !Number.isNaN(Date.parse(value))

/** One stored or imported saved search, checked field by field; extra fields are dropped. */
export function readSavedSearch(value: unknown): SavedSearchResult {
  const s = strings.savedSearches
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: s.entryNotObject }
  const record = value as Record<string, unknown>
  const bad = (field: string): SavedSearchResult => ({ ok: false, problem: s.entryBadField(field) })
  if (typeof record.id !== 'string' || !/^[a-z0-9-]+$/.test(record.id) || record.id.length > MAX_ID_LENGTH) return bad('id')
  if (typeof record.name !== 'string' || record.name.trim() === '' || record.name.length > MAX_NAME_LENGTH) return bad('name')
  if (typeof record.query !== 'string' || record.query.length > MAX_QUERY_LENGTH || (record.query !== '' && !record.query.startsWith('?'))) return bad('query')
  if (!isDate(record.createdAt)) return bad('createdAt')
  if (record.seenNewest !== null && !isDate(record.seenNewest)) return bad('seenNewest')
  if (record.openedAt !== null && !isDate(record.openedAt)) return bad('openedAt')
  return {
    ok: true,
    search: { id: record.id, name: record.name.trim(), query: record.query, createdAt: record.createdAt, seenNewest: record.seenNewest, openedAt: record.openedAt },
  }
}

export function readSavedSearches(entries: unknown[]): { searches: SavedSearch[]; bad: number } {
  const results = entries.slice(0, MAX_SAVED_SEARCHES).map(readSavedSearch)
  const searches = mergeSavedSearches([], results.flatMap((result) => (result.ok ? [result.search] : []))).searches
  return { searches, bad: results.filter((result) => !result.ok).length }
}

export const savedSearchSchema: RecoverableSchema<readonly SavedSearch[]> = {
  key: SAVED_SEARCHES_KEY,
  version: SAVED_SEARCHES_VERSION,
  empty: [],
  read(record) {
    if (!Array.isArray(record.searches)) return null
    const { searches, bad } = readSavedSearches(record.searches)
    return { value: searches, bad }
  },
  write: (searches) => ({ searches }),
}

/** The filters a saved search holds, as the URL would give them (unknown outlets dropped). */
export function savedFilters(search: Pick<SavedSearch, 'query'>, knownOutletIds: readonly string[]): Filters {
  return parseFilters(new URLSearchParams(search.query), knownOutletIds)
}

/** What a saved search keeps of the current filters: text, outlets, dates. */
export function savedQuery(filters: Filters): string {
  return toSearch({ ...EMPTY_FILTERS, q: filters.q, outlets: filters.outlets, from: filters.from, to: filters.to })
}

function later(a: string | null, b: string | null): string | null {
  if (a === null) return b
  if (b === null) return a
  return Date.parse(b) > Date.parse(a) ? b : a
}

/**
 * Union by id, order of the current list then new ones. For an id on both sides the incoming
 * name and query win, and what was seen keeps the later mark, so an old backup never makes
 * articles count as new again.
 */
export function mergeSavedSearches(current: readonly SavedSearch[], incoming: readonly SavedSearch[]): { searches: SavedSearch[]; added: number } {
  const byId = new Map(current.map((search) => [search.id, search]))
  let added = 0
  for (const entry of incoming) {
    const existing = byId.get(entry.id)
    if (!existing) added += 1
    byId.set(
      entry.id,
      existing ? { ...entry, createdAt: existing.createdAt, seenNewest: later(existing.seenNewest, entry.seenNewest), openedAt: later(existing.openedAt, entry.openedAt) } : entry,
    )
  }
  return { searches: [...byId.values()].slice(0, MAX_SAVED_SEARCHES), added }
}

/** A name the reader typed: trimmed; an error text when it is empty or too long. */
export function checkName(name: string): { ok: true; name: string } | { ok: false; error: string } {
  const trimmed = name.trim()
  if (trimmed === '') return { ok: false, error: strings.savedSearches.nameEmpty }
  if (trimmed.length > MAX_NAME_LENGTH) return { ok: false, error: strings.savedSearches.nameTooLong(MAX_NAME_LENGTH) }
  return { ok: true, name: trimmed }
}
