import { useState } from 'react'
import { Link } from 'react-router'
import { FilterBar } from '../../../components/filter-bar'
import { OutletBadge } from '../../../components/outlet-badge'
import { ErrorState, NoResults, Skeleton } from '../../../components/states'
import { toSearch, EMPTY_FILTERS, hasFilters } from '../../../lib/filters'
import { formatTime } from '../../../lib/dates'
import { strings } from '../../../lib/strings'
import { useUrlFilters } from '../../articles/use-url-filters'
import type { Manifest } from '../../../types/data'
import { manifestInfo } from '../../articles/manifest-info'
import { countText, useArticleList } from '../../articles/use-article-list'
import { groupByDay, monthBars } from '../group-by-day'
import { MonthChart } from './month-chart'

const PAGE = 100
const s = strings.timeline

const dayFormatter = new Intl.DateTimeFormat('zh-CN', { month: 'long', day: 'numeric', weekday: 'short', timeZone: 'UTC' })

function dayLabel(day: string): string {
  return dayFormatter.format(new Date(`${day}T00:00:00Z`))
}

export function TimelineView({ manifest }: { manifest: Manifest }) {
  const info = manifestInfo(manifest)
  const [filters, setFilters] = useUrlFilters(info.ids)
  const search = toSearch(filters)
  const [paging, setPaging] = useState({ search, limit: PAGE })
  const limit = paging.search === search ? paging.limit : PAGE
  const list = useArticleList(manifest, filters, (entries) => entries.length > limit)
  const shown = list.entries.slice(0, limit)
  const hasMore = list.entries.length > limit || !list.complete
  const bars = monthBars(manifest.months, info.ids, filters.outlets)
  const years = groupByDay(shown)

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{s.heading}</h1>
      <MonthChart bars={bars} outlets={info.outlets} filters={filters} onPick={(range) => setFilters({ ...filters, ...range })} />
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
        <div className="space-y-3" aria-busy="true">
          <Skeleton className="h-8 w-32" />
          <Skeleton className="h-16 w-full" />
          <Skeleton className="h-16 w-full" />
        </div>
      ) : shown.length === 0 ? (
        <NoResults onClear={hasFilters(filters) ? () => setFilters(EMPTY_FILTERS) : undefined} />
      ) : (
        <div className="space-y-8">
          {years.map((year) => (
            <section key={year.year} aria-labelledby={`year-${year.year}`}>
              <h2 id={`year-${year.year}`} className="sticky top-0 z-10 bg-stone-50/95 py-2 text-xl font-bold dark:bg-stone-950/95">
                {year.year}年
              </h2>
              {year.months.map((month) => (
                <section key={month.month} aria-labelledby={`month-${month.month}`} className="mt-3">
                  <h3 id={`month-${month.month}`} className="text-lg font-semibold text-stone-800 dark:text-stone-200">
                    {Number(month.month.slice(5))}月
                  </h3>
                  <ol className="mt-2 space-y-4 border-l-2 border-stone-200 pl-4 dark:border-stone-800">
                    {month.days.map((day) => (
                      <li key={day.day}>
                        <h4 className="text-sm font-semibold text-stone-600 dark:text-stone-400">
                          <time dateTime={day.day}>{dayLabel(day.day)}</time>
                          <span className="ml-2 font-normal">{s.dayCount(day.entries.length)}</span>
                        </h4>
                        <ol className="mt-2 space-y-2">
                          {day.entries.map((entry) => {
                            const outlet = info.outlets.get(entry.outlet)
                            return (
                              <li key={entry.id}>
                                <article
                                  className="rounded-md border border-l-4 border-stone-200 bg-white px-3 py-2 dark:border-stone-800 dark:bg-stone-900"
                                  style={outlet ? { borderLeftColor: outlet.color } : undefined}
                                >
                                  <p className="flex flex-wrap items-center gap-x-3 text-sm text-stone-600 dark:text-stone-400">
                                    <time dateTime={entry.publishedAt} className="tabular-nums">
                                      {formatTime(entry.publishedAt)}
                                    </time>
                                    <OutletBadge outlet={outlet} name={outlet?.name ?? entry.outlet} />
                                  </p>
                                  <p lang={entry.lang} className="mt-1 font-medium">
                                    <Link to={{ pathname: `/articles/${encodeURIComponent(entry.id)}`, search }} className="hover:underline hover:underline-offset-4">
                                      {entry.title}
                                    </Link>
                                  </p>
                                </article>
                              </li>
                            )
                          })}
                        </ol>
                      </li>
                    ))}
                  </ol>
                </section>
              ))}
            </section>
          ))}
          {list.error ? (
            <ErrorState title={strings.list.loadMoreError} onRetry={list.retry} />
          ) : hasMore ? (
            <div className="text-center">
              <button
                type="button"
                disabled={list.fetching}
                onClick={() => setPaging({ search, limit: limit + PAGE })}
                className="rounded-md border border-stone-300 bg-white px-6 py-2.5 font-medium hover:bg-stone-100 disabled:opacity-70 dark:border-stone-600 dark:bg-stone-900 dark:hover:bg-stone-800"
              >
                {list.fetching ? strings.list.loadingMore : s.loadOlder}
              </button>
            </div>
          ) : (
            <p className="text-center text-sm text-stone-600 dark:text-stone-400">{strings.list.endOfList}</p>
          )}
        </div>
      )}
    </div>
  )
}
