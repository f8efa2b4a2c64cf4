// The export file as a whole: the bookmarks (transfer.ts) plus sections other features keep
// beside them, each under its own field. A section checks its value before anything is
// merged, so an import never half-happens; a file without a section (version 1, or a version 2
// file from before annotations) skips it. A section is optional, so adding one keeps the version:
// an app that does not know a field ignores it and still imports the rest.
import { strings } from '../../lib/strings'
import { annotationSection } from '../notes/transfer'
import { readStateSection, savedSearchSection } from '../read-state/transfer'
import type { Bookmark } from './bookmark'
import type { ImportResult } from './store'
import { importBookmarks } from './store'
import { bookmarksFileText, parseBookmarksFile } from './transfer'

export interface ExportSection {
  /** The file's field. */
  field: string
  /** The section's current value, as written into the file. */
  exportValue(): unknown
  /** Checks the field's value; on success, the step that merges it (how many were new, whether storage took them). */
  parse(value: unknown): { ok: true; apply: () => { added: number; saved: boolean } } | { ok: false; error: string }
}

/** Sections written after the bookmarks, in this order. */
export const EXPORT_SECTIONS: readonly ExportSection[] = [readStateSection, savedSearchSection, annotationSection]

export function exportFileText(bookmarks: readonly Bookmark[], exportedAt: Date = new Date()): string {
  return bookmarksFileText(bookmarks, exportedAt, Object.fromEntries(EXPORT_SECTIONS.map((section) => [section.field, section.exportValue()])))
}

/** Imports a whole export file (or a bookmarks-only one); `sections`: what each section added, by field. */
export function importExportFile(text: string): ImportResult & { sections?: Record<string, number> } {
  const parsed = parseBookmarksFile(text)
  if (!parsed.ok) return parsed
  const file = JSON.parse(text) as Record<string, unknown>
  const steps: { field: string; apply: () => { added: number; saved: boolean } }[] = []
  for (const section of EXPORT_SECTIONS) {
    if (!(section.field in file)) continue
    const checked = section.parse(file[section.field])
    if (!checked.ok) return checked
    steps.push({ field: section.field, apply: checked.apply })
  }
  const result = importBookmarks(parsed.bookmarks)
  const sections: Record<string, number> = {}
  let saved = result.saved
  for (const step of steps) {
    const outcome = step.apply()
    sections[step.field] = outcome.added
    saved &&= outcome.saved
  }
  return { ...result, saved, sections }
}

/** What an import did, as one or two sentences for the reader. */
export function importResultText(result: ReturnType<typeof importExportFile>): string {
  if (!result.ok) return result.error
  const bookmarks = (result.saved ? strings.bookmarks.importDone : strings.bookmarks.importNotSaved)(result.added, result.updated, result.total)
  const sections = result.sections ?? {}
  const readAndSearches = 'read' in sections || 'savedSearches' in sections ? strings.readState.importSummary(sections.read ?? 0, sections.savedSearches ?? 0) : ''
  const annotations = 'annotations' in sections ? strings.notes.importSummary(sections.annotations ?? 0) : ''
  return `${bookmarks}${readAndSearches}${annotations}`
}
