import { hasFilters, type Filters } from '../../../lib/filters'
import { strings } from '../../../lib/strings'
import type { Bookmark } from '../../bookmarks/bookmark'
import type { Annotation, SourceRef } from '../annotation'
import { groupBySource, type ExportEntry } from '../export-formats'
import { useAnnotations } from '../store'
import { ExportPanel } from './export-panel'

const s = strings.notes

/** Bookmarked articles as references, each with the highlights and notes made on it. */
export function bookmarkEntries(bookmarks: readonly Bookmark[], annotations: readonly Annotation[]): ExportEntry[] {
  const known = new Map(annotations.map((annotation) => [annotation.source.id, annotation.source]))
  const ids = new Set(bookmarks.map((bookmark) => bookmark.id))
  const sources = bookmarks.map(
    (bookmark): SourceRef => known.get(bookmark.id) ?? { id: bookmark.id, title: bookmark.title, url: bookmark.url, outlet: bookmark.outlet, outletName: bookmark.outletName, publishedAt: bookmark.publishedAt },
  )
  return groupBySource(
    sources,
    annotations.filter((annotation) => ids.has(annotation.source.id)),
  )
}

/** The bookmarks view's export: the bookmarks shown (under a filter) or all of them, with their highlights. */
export function BookmarkExport({ shown, all, filters }: { shown: readonly Bookmark[]; all: readonly Bookmark[]; filters: Filters }) {
  const { annotations } = useAnnotations()
  const scopes = [
    ...(hasFilters(filters) ? [{ label: s.exportShown(shown.length), entries: bookmarkEntries(shown, annotations) }] : []),
    { label: s.exportAll(all.length), entries: bookmarkEntries(all, annotations) },
  ]
  return <ExportPanel scopes={scopes} name="bookmarks" />
}
