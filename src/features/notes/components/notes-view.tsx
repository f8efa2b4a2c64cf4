import { useMemo, useState } from 'react'
import { Link } from 'react-router'
import { FilterBar } from '../../../components/filter-bar'
import { OutletBadge } from '../../../components/outlet-badge'
import { EmptyState, NoResults } from '../../../components/states'
import { formatDate } from '../../../lib/dates'
import { EMPTY_FILTERS, hasFilters } from '../../../lib/filters'
import { strings } from '../../../lib/strings'
import { articleLink } from '../../../lib/urls'
import type { Manifest, Outlet } from '../../../types/data'
import { NEUTRAL, useCollectionFilters } from '../../bookmarks/collection-filters'
import type { Annotation } from '../annotation'
import { groupBySource } from '../export-formats'
import { filterAnnotations } from '../filter-annotations'
import { useAnnotations } from '../store'
import { AnnotationNotice } from './annotation-notice'
import { toggled } from './bookmark-export'
import { ExportPanel } from './export-panel'

const s = strings.notes

/** /notes: every highlight and note, newest first, with its article; the archive's filters; export. */
export function NotesView({ manifest }: { manifest: Manifest | undefined }) {
  const { annotations, remove } = useAnnotations()
  const sources = useMemo(() => annotations.map((a) => a.source), [annotations])
  const { archive, outlets, filters, setFilters, fold, years, newestDay } = useCollectionFilters(sources, manifest)
  const shown = filterAnnotations(annotations, filters, undefined, fold)
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const chosen = shown.filter((a) => selected.has(a.id))
  const toggle = (id: string, on: boolean) => setSelected(toggled(selected, id, on))
  const scopes = [
    { label: s.exportSelected(chosen.length), entries: groupBySource([], chosen) },
    ...(hasFilters(filters) ? [{ label: s.exportShown(shown.length), entries: groupBySource([], shown) }] : []),
    { label: s.exportAll(annotations.length), entries: groupBySource([], annotations) },
  ]

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{s.heading}</h1>
        <p className="mt-1 text-stone-600 dark:text-stone-400">{s.intro}</p>
      </div>
      <AnnotationNotice />
      <FilterBar
        filters={filters}
        onChange={setFilters}
        outlets={outlets}
        newestDay={newestDay}
        years={years}
        status={hasFilters(filters) ? s.countFiltered(shown.length, annotations.length) : s.count(annotations.length)}
        searchLabel={s.search}
      />
      <ExportPanel scopes={scopes} name="notes" />
      {annotations.length === 0 ? (
        <EmptyState title={s.empty} hint={s.emptyHint} />
      ) : shown.length === 0 ? (
        <NoResults title={s.emptyFiltered} onClear={() => setFilters(EMPTY_FILTERS)} />
      ) : (
        <>
          <label className="flex items-center gap-2 text-sm font-medium">
            <input
              type="checkbox"
              checked={chosen.length === shown.length}
              onChange={(event) => setSelected(event.target.checked ? new Set(shown.map((a) => a.id)) : new Set())}
              className="size-4 accent-stone-800 dark:accent-stone-200"
            />
            {s.selectAll}
          </label>
          <ol className="space-y-3">
            {shown.map((annotation) => (
              <NoteCard key={annotation.id} annotation={annotation} outlet={archive.get(annotation.source.outlet)} checked={selected.has(annotation.id)} onCheck={toggle} onRemove={remove} />
            ))}
          </ol>
        </>
      )}
    </div>
  )
}

function NoteCard({ annotation, outlet, checked, onCheck, onRemove }: { annotation: Annotation; outlet: Outlet | undefined; checked: boolean; onCheck: (id: string, on: boolean) => void; onRemove: (id: string) => void }) {
  const { source, target } = annotation
  const label = target ? (target.exact.length > 40 ? `${target.exact.slice(0, 40)}…` : target.exact) : source.title
  return (
    <li>
      <article className="flex gap-3 rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
        <input type="checkbox" aria-label={s.select(label)} checked={checked} onChange={(event) => onCheck(annotation.id, event.target.checked)} className="mt-1 size-4 shrink-0 accent-stone-800 dark:accent-stone-200" />
        <div className="min-w-0 flex-1">
          <p className="text-xs font-semibold tracking-wide text-stone-600 uppercase dark:text-stone-400">{target ? s.kindHighlight : s.kindNote}</p>
          {target && (
            <blockquote lang={source.lang} className="mt-1 border-l-4 border-amber-400 pl-3 whitespace-pre-line dark:border-amber-500">
              {target.exact}
            </blockquote>
          )}
          {annotation.note.trim() && (
            <p className="mt-2 whitespace-pre-line">
              <span className="sr-only">{s.note}{strings.language.colon}</span>
              {annotation.note}
            </p>
          )}
          <h2 lang={source.lang} className="mt-3 leading-snug font-semibold">
            <Link to={articleLink(source.id, EMPTY_FILTERS)} className="hover:underline hover:underline-offset-4">
              {source.title}
            </Link>
          </h2>
          <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-stone-600 dark:text-stone-400">
            <OutletBadge outlet={outlet ?? { id: source.outlet, color: NEUTRAL }} name={outlet?.name ?? source.outletName} className="text-stone-800 dark:text-stone-200" />
            <time dateTime={source.publishedAt}>{formatDate(source.publishedAt)}</time>
            <span>{s.created(formatDate(annotation.createdAt))}</span>
          </p>
          <div className="mt-3">
            <button
              type="button"
              aria-label={target ? s.removeHighlight(label) : s.removeNote(source.title)}
              onClick={() => onRemove(annotation.id)}
              className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100 dark:border-stone-600 dark:hover:bg-stone-800"
            >
              {s.remove}
            </button>
          </div>
        </div>
      </article>
    </li>
  )
}
