// The read-state and saved-search sections of the export file (version 2): plain lists a
// person or another tool can read, checked in full before anything is merged.
import { strings } from '../../lib/strings'
import type { ExportSection } from '../bookmarks/export-file'
import { readSavedSearch, type SavedSearch } from '../saved-searches/saved-search'
import { savedSearchStore } from '../saved-searches/store'
import { MAX_READ_MARKS, isMarkableId } from './read-marks'
import { readStateStore } from './store'

const s = strings.readState

/** "read": every read article id, in the order they were read. */
export const readStateSection: ExportSection = {
  field: 'read',
  exportValue: () => [...readStateStore.marks()],
  parse(value) {
    if (!Array.isArray(value) || !value.every((id) => typeof id === 'string' && isMarkableId(id))) return { ok: false, error: s.importBadRead }
    if (value.length > MAX_READ_MARKS) return { ok: false, error: s.importTooManyRead(value.length, MAX_READ_MARKS) }
    const ids = value as string[]
    return { ok: true, apply: () => readStateStore.mergeImported(ids) }
  },
}

/** "savedSearches": each search with its name, filters (query string) and what was seen. */
export const savedSearchSection: ExportSection = {
  field: 'savedSearches',
  exportValue: () => savedSearchStore.getSnapshot().value,
  parse(value) {
    if (!Array.isArray(value)) return { ok: false, error: s.importBadSearchList }
    const searches: SavedSearch[] = []
    for (const [index, entry] of value.entries()) {
      const result = readSavedSearch(entry)
      if (!result.ok) return { ok: false, error: s.importBadSearches(index + 1, result.problem) }
      searches.push(result.search)
    }
    return { ok: true, apply: () => savedSearchStore.mergeImported(searches) }
  },
}
