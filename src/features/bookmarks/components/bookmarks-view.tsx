import { useQueries, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Link } from 'react-router'
import { FilterBar } from '../../../components/filter-bar'
import { OutletBadge } from '../../../components/outlet-badge'
import { EmptyState, NoResults } from '../../../components/states'
import { formatDate } from '../../../lib/dates'
import { EMPTY_FILTERS, hasFilters } from '../../../lib/filters'
import { strings } from '../../../lib/strings'
import { articleLink, webUrl } from '../../../lib/urls'
import type { IndexShard, Manifest } from '../../../types/data'
import { shardQueryOptions } from '../../articles/api/get-shard'
import type { Bookmark } from '../bookmark'
import { useBookmarks } from '../store'
import { BookmarkTransfer } from './bookmark-transfer'
import { BookmarkExport, ExportSelect, toggled } from '../../notes/components/bookmark-export'
import { SelectableItem } from '../../keyboard/components/selectable-item'
import { DIM_WHEN_READ, ReadLabel } from '../../read-state/components/read-label'
import { FROM_BOOKMARKS } from '../../keyboard/use-article-shortcuts'
import { NEUTRAL, useCollectionFilters } from '../collection-filters'
import { archiveStatus, filterBookmarks, shardsCovering } from '../filter-bookmarks'

const s = strings.bookmarkUi
export function BookmarksView({ manifest }: { manifest: Manifest | undefined }) {
  const { bookmarks, remove } = useBookmarks()
  const { archive, outlets, filters, setFilters, fold, years, newestDay } = useCollectionFilters(bookmarks, manifest)
  const shown = filterBookmarks(bookmarks, filters, undefined, fold)
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())

  // Which shown bookmarks are still in the archive: load the shards covering their dates.
  const queryClient = useQueryClient()
  const shards = manifest?.shards ?? []
  const files = [...new Set(shown.flatMap((b) => shardsCovering(shards, b.publishedAt).map((ref) => ref.file)))]
  useQueries({ queries: files.map((file) => shardQueryOptions(file)) })
  const statusOf = (bookmark: Bookmark) =>
    manifest ? archiveStatus(shards, (file) => queryClient.getQueryData<IndexShard>(shardQueryOptions(file).queryKey), bookmark) : 'unknown'

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{s.heading}</h1>
        <p className="mt-1 text-stone-600 dark:text-stone-400">{s.intro}</p>
      </div>
      <FilterBar
        filters={filters}
        onChange={setFilters}
        outlets={outlets}
        newestDay={newestDay}
        years={years}
        status={hasFilters(filters) ? s.countFiltered(shown.length, bookmarks.length) : s.count(bookmarks.length)}
        searchLabel={s.search}
      />
      <BookmarkTransfer bookmarks={bookmarks} />
      <BookmarkExport selected={shown.filter((b) => selected.has(b.id))} shown={shown} all={bookmarks} filters={filters} />
      {bookmarks.length === 0 ? (
        <EmptyState title={s.empty} hint={s.emptyHint} />
      ) : shown.length === 0 ? (
        <NoResults title={s.emptyFiltered} onClear={() => setFilters(EMPTY_FILTERS)} />
      ) : (
        <ol className="space-y-3">
          {shown.map((bookmark) => {
            const status = statusOf(bookmark)
            const outlet = archive.get(bookmark.outlet)
            const original = webUrl(bookmark.url)
            return (
              <li key={bookmark.id}>
                <SelectableItem id={bookmark.id} title={bookmark.title} to={status === 'missing' ? undefined : articleLink(bookmark.id, filters)} bookmark={bookmark} state={FROM_BOOKMARKS}>
                <article data-status={status} className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
                  <h2 className={`text-lg leading-snug font-semibold ${DIM_WHEN_READ}`}>
                    {status === 'missing' ? (
                      original ? (
                        <a href={original} target="_blank" rel="noopener noreferrer" className="hover:underline hover:underline-offset-4">
                          {bookmark.title}
                        </a>
                      ) : (
                        bookmark.title
                      )
                    ) : (
                      <Link to={articleLink(bookmark.id, filters)} state={FROM_BOOKMARKS} className="hover:underline hover:underline-offset-4">
                        {bookmark.title}
                        <ReadLabel id={bookmark.id} />
                      </Link>
                    )}
                  </h2>
                  <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-stone-600 dark:text-stone-400">
                    <OutletBadge outlet={outlet ?? { id: bookmark.outlet, color: NEUTRAL }} name={outlet?.name ?? bookmark.outletName} className="text-stone-800 dark:text-stone-200" />
                    <time dateTime={bookmark.publishedAt}>{formatDate(bookmark.publishedAt)}</time>
                    <span>{s.added(formatDate(bookmark.addedAt))}</span>
                  </p>
                  {status === 'missing' && (
                    <p className="mt-2 text-sm">
                      <span className="mr-2 inline-block rounded bg-amber-100 px-2 py-0.5 font-medium text-amber-950 dark:bg-amber-900/60 dark:text-amber-50">{s.missing}</span>
                      <span className="text-stone-600 dark:text-stone-400">{s.missingHint}</span>
                      {original && <span className="mt-1 block break-all text-stone-600 dark:text-stone-400">{original}</span>}
                    </p>
                  )}
                  <div className="mt-3 flex flex-wrap items-center gap-4">
                    <ExportSelect title={bookmark.title} checked={selected.has(bookmark.id)} onChange={(on) => setSelected(toggled(selected, bookmark.id, on))} />
                    <button
                      type="button"
                      aria-label={s.remove(bookmark.title)}
                      onClick={() => remove(bookmark.id)}
                      className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100 dark:border-stone-600 dark:hover:bg-stone-800"
                    >
                      {s.removeLabel}
                    </button>
                  </div>
                </article>
                </SelectableItem>
              </li>
            )
          })}
        </ol>
      )}
    </div>
  )
}
