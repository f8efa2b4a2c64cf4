import { Link } from 'react-router'
import { FilterBar } from '../../../components/filter-bar'
import { OutletBadge } from '../../../components/outlet-badge'
import { ErrorState, NoResults, Skeleton } from '../../../components/states'
import { formatDayKey, formatMonthAlone, formatTime, formatYear } from '../../../lib/dates'
import { strings } from '../../../lib/strings'
import { articleLink } from '../../../lib/urls'
import type { Manifest } from '../../../types/data'
import { LoadMore } from '../../articles/components/load-more'
import { usePagedArticleList } from '../../articles/use-article-list'
import { StoryEntry } from '../../stories/components/story-entry'
import { collapseStories, leadEntries } from '../../stories/story-facts'
import { groupByDay, monthBars } from '../group-by-day'
import { DIM_WHEN_READ, ReadLabel } from '../../read-state/components/read-label'
import { ReadStateControls } from '../../read-state/components/read-state-controls'
import { MonthChart } from './month-chart'
import { SelectableItem } from '../../keyboard/components/selectable-item'

const PAGE = 100
const s = strings.timeline

export function TimelineView({ manifest }: { manifest: Manifest }) {
  // Under a query, only entries whose search text holds it as written, as in the list.
  const { info, filters, setFilters, list, kept, filterBar, shown, hasMore, showMore, clear } = usePagedArticleList(manifest, { page: PAGE })
  const bars = monthBars(manifest.months, info.ids, filters.outlets)
  // A story is one entry, on the day of its newest report shown.
  const { entries, storyByLead } = leadEntries(collapseStories(shown))
  const years = groupByDay(entries)

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{s.heading}</h1>
      <MonthChart bars={bars} outlets={info.outlets} filters={filters} onPick={(range) => setFilters({ ...filters, ...range })} />
      <FilterBar {...filterBar} actions={<ReadStateControls filters={filters} onChange={setFilters} entries={list.complete ? kept : shown} complete={list.complete} />} />
      {list.status === 'error' ? (
        <ErrorState error={list.failure} onRetry={list.retry} />
      ) : list.status === 'pending' ? (
        <div className="space-y-3" aria-busy="true">
          <Skeleton className="h-8 w-32" />
          <Skeleton className="h-16 w-full" />
          <Skeleton className="h-16 w-full" />
        </div>
      ) : shown.length === 0 ? (
        <NoResults onClear={clear} />
      ) : (
        <div className="space-y-8">
          {years.map((year) => (
            <section key={year.year} aria-labelledby={`year-${year.year}`}>
              <h2 id={`year-${year.year}`} className="sticky top-0 z-10 bg-stone-50/95 py-2 text-xl font-bold dark:bg-stone-950/95">
                {formatYear(Number(year.year))}
              </h2>
              {year.months.map((month) => (
                <section key={month.month} aria-labelledby={`month-${month.month}`} className="mt-3">
                  <h3 id={`month-${month.month}`} className="text-lg font-semibold text-stone-800 dark:text-stone-200">
                    {formatMonthAlone(month.month)}
                  </h3>
                  <ol className="mt-2 space-y-4 border-l-2 border-stone-200 pl-4 dark:border-stone-800">
                    {month.days.map((day) => (
                      <li key={day.day}>
                        <h4 className="text-sm font-semibold text-stone-600 dark:text-stone-400">
                          <time dateTime={day.day}>{formatDayKey(day.day)}</time>
                          <span className="ml-2 font-normal">{s.dayCount(day.entries.reduce((sum, entry) => sum + (storyByLead.get(entry.id)?.entries.length ?? 1), 0))}</span>
                        </h4>
                        <ol className="mt-2 space-y-2">
                          {day.entries.map((entry) => {
                            const outlet = info.outlets.get(entry.outlet)
                            const story = storyByLead.get(entry.id)
                            if (story) {
                              return (
                                <li key={entry.id}>
                                  <StoryEntry item={story} outlets={info.outlets} filters={filters} />
                                </li>
                              )
                            }
                            return (
                              <li key={entry.id}>
                                <SelectableItem id={entry.id} title={entry.title} to={articleLink(entry.id, filters)} bookmark={{ id: entry.id, title: entry.title, url: entry.url, outlet: entry.outlet, outletName: outlet?.name ?? entry.outlet, publishedAt: entry.publishedAt }}>
                                <article
                                  className="rounded-md border border-l-4 border-stone-200 bg-white px-3 py-2 dark:border-stone-800 dark:bg-stone-900"
                                  // Through the DOM, not a style attribute: the CSP refuses those in the prerendered HTML.
                                  ref={(card) => void (card && outlet && (card.style.borderLeftColor = outlet.color))}
                                >
                                  <p className="flex flex-wrap items-center gap-x-3 text-sm text-stone-600 dark:text-stone-400">
                                    <time dateTime={entry.publishedAt} className="tabular-nums">
                                      {formatTime(entry.publishedAt)}
                                    </time>
                                    <OutletBadge outlet={outlet} name={outlet?.name ?? entry.outlet} />
                                  </p>
                                  <p lang={entry.lang} className={`mt-1 font-medium ${DIM_WHEN_READ}`}>
                                    <Link to={articleLink(entry.id, filters)} className="hover:underline hover:underline-offset-4">
                                      {entry.title}
                                      <ReadLabel id={entry.id} />
                                    </Link>
                                  </p>
                                </article>
                                </SelectableItem>
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
          <LoadMore list={list} hasMore={hasMore} onMore={showMore} label={s.loadOlder} />
        </div>
      )}
    </div>
  )
}
