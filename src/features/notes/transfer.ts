// The annotations section of the export file: every highlight and note as stored, each entry
// checked by the store's own reader before anything is merged.
import { strings } from '../../lib/strings'
import type { ExportSection } from '../bookmarks/export-file'
import type { Annotation } from './annotation'
import { annotationStore, readAnnotation } from './store'

const s = strings.notes

/** "annotations": the highlights and notes, newest first, as `archive-reader:annotations` keeps them. */
export const annotationSection: ExportSection = {
  field: 'annotations',
  exportValue: () => annotationStore.getSnapshot().value,
  parse(value) {
    if (!Array.isArray(value)) return { ok: false, error: s.importBadList }
    const annotations: Annotation[] = []
    for (const [index, entry] of value.entries()) {
      const annotation = readAnnotation(entry)
      if (!annotation) return { ok: false, error: s.importBadEntry(index + 1) }
      annotations.push(annotation)
    }
    return { ok: true, apply: () => annotationStore.mergeImported(annotations) }
  },
}
