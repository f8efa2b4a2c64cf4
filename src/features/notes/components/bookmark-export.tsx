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

/** A set with id added (on) or taken out. */
export function toggled(set: ReadonlySet<string>, id: string, on: boolean): ReadonlySet<string> {
  const next = new Set(set)
  if (on) next.add(id)
  else next.delete(id)
  return next
}

/** A bookmark's box to choose it for 导出所选. */
export function ExportSelect({ title, checked, onChange }: { title: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <label className="inline-flex items-center gap-2 text-sm">
      <input type="checkbox" aria-label={s.select(title)} checked={checked} onChange={(event) => onChange(event.target.checked)} className="size-4 accent-stone-800 dark:accent-stone-200" />
      <span aria-hidden="true">{s.selectForExport}</span>
    </label>
  )
}

/** The bookmarks view's export: the bookmarks chosen, those shown (under a filter) or all of them, with their highlights. */
export function BookmarkExport({ selected, shown, all, filters }: { selected: readonly Bookmark[]; shown: readonly Bookmark[]; all: readonly Bookmark[]; filters: Filters }) {
  const { annotations } = useAnnotations()
  const scopes = [
    { label: s.exportSelected(selected.length), entries: bookmarkEntries(selected, annotations) },
    ...(hasFilters(filters) ? [{ label: s.exportShown(shown.length), entries: bookmarkEntries(shown, annotations) }] : []),
    { label: s.exportAll(all.length), entries: bookmarkEntries(all, annotations) },
  ]
  return <ExportPanel scopes={scopes} name="bookmarks" />
}
