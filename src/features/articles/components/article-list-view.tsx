import { useState } from 'react'
import { FilterBar } from '../../../components/filter-bar'
import { ErrorState, NoResults } from '../../../components/states'
import { hasFilters, toSearch, EMPTY_FILTERS } from '../../../lib/filters'
import { strings } from '../../../lib/strings'
import { useUrlFilters } from '../use-url-filters'
import type { Manifest } from '../../../types/data'
import { manifestInfo } from '../manifest-info'
import { countText, useArticleList } from '../use-article-list'
import { ArticleCard, ArticleCardSkeleton } from './article-card'

const PAGE = 30
const s = strings.list

// How far the reader paged, per filter, for this page session: coming back to the list
// shows as many articles as before, so the restored scroll position lands on the same one.
const pagedTo = new Map<string, number>()

export function ArticleListView({ manifest }: { manifest: Manifest }) {
  const info = manifestInfo(manifest)
  const [filters, setFilters] = useUrlFilters(info.ids)
  const search = toSearch(filters)
  const [paging, setPaging] = useState({ search, limit: pagedTo.get(search) ?? PAGE })
  const limit = paging.search === search ? paging.limit : (pagedTo.get(search) ?? PAGE)
  const list = useArticleList(manifest, filters, (entries) => entries.length > limit)
  const shown = list.entries.slice(0, limit)
  const hasMore = list.entries.length > limit || !list.complete
  const showMore = () => {
    const next = limit + PAGE
    pagedTo.set(search, next)
    setPaging({ search, limit: next })
  }

  return (
    <div className="space-y-6">
      <h1 className="sr-only">{s.heading}</h1>
      <FilterBar
        filters={filters}
        onChange={setFilters}
        outlets={manifest.outlets}
        newestDay={info.newestDay}
        years={info.years}
        status={countText(list)}
      />
      {list.status === 'error' ? (
        <ErrorState onRetry={list.retry} />
      ) : list.status === 'pending' ? (
        <div className="space-y-4">
          {Array.from({ length: 4 }, (_, i) => (
            <ArticleCardSkeleton key={i} />
          ))}
        </div>
      ) : shown.length === 0 ? (
        <NoResults onClear={hasFilters(filters) ? () => setFilters(EMPTY_FILTERS) : undefined} />
      ) : (
        <>
          <ol className="space-y-4">
            {shown.map((entry) => (
              <li key={entry.id}>
                <ArticleCard entry={entry} outlet={info.outlets.get(entry.outlet)} search={search} />
              </li>
            ))}
          </ol>
          {list.error ? (
            <ErrorState title={s.loadMoreError} onRetry={list.retry} />
          ) : hasMore ? (
            <div className="text-center">
              <button
                type="button"
                onClick={showMore}
                disabled={list.fetching}
                className="rounded-md border border-stone-300 bg-white px-6 py-2.5 font-medium hover:bg-stone-100 disabled:opacity-70 dark:border-stone-600 dark:bg-stone-900 dark:hover:bg-stone-800"
              >
                {list.fetching ? s.loadingMore : s.loadMore}
              </button>
            </div>
          ) : (
            <p className="text-center text-sm text-stone-600 dark:text-stone-400">{s.endOfList}</p>
          )}
        </>
      )}
    </div>
  )
}
