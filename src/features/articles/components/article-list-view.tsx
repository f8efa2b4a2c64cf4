import { FilterBar } from '../../../components/filter-bar'
import { ErrorState, NoResults } from '../../../components/states'
import { strings } from '../../../lib/strings'
import type { Manifest } from '../../../types/data'
import { GroupToggle } from '../../stories/components/group-toggle'
import { StoryCard } from '../../stories/components/story-card'
import { collapseStories } from '../../stories/story-facts'
import { LIST_PAGE } from '../filter-entries'
import { usePagedArticleList } from '../use-article-list'
import { ArticleCard, ArticleCardSkeleton } from './article-card'
import { LoadMore } from './load-more'
import { SortControl } from './sort-control'
import { ReadStateControls } from '../../read-state/components/read-state-controls'
import { SavedSearchPanel } from '../../saved-searches/components/saved-search-panel'

const s = strings.list

// How far the reader paged, per filter, for this page session: coming back to the list
// shows as many articles as before, so the restored scroll position lands on the same one.
const pagedTo = new Map<string, number>()

export function ArticleListView({ manifest }: { manifest: Manifest }) {
  const { info, filters, setFilters, list, kept, filterBar, shown, snippets, hasMore, showMore, clear } = usePagedArticleList(manifest, { page: LIST_PAGE, remember: pagedTo, ranked: true })

  return (
    // The saved searches sit beside the list on a wide screen, folded above it on a phone.
    <div className="space-y-6 lg:grid lg:grid-cols-[minmax(0,1fr)_17rem] lg:items-start lg:gap-6 lg:space-y-0">
      <h1 className="sr-only">{s.heading}</h1>
      <SavedSearchPanel manifest={manifest} filters={filters} />
      <div className="space-y-6 lg:col-start-1 lg:row-start-1">
        <FilterBar {...filterBar} actions={<ReadStateControls filters={filters} onChange={setFilters} entries={list.complete ? kept : shown} complete={list.complete} />}>
          <GroupToggle filters={filters} onChange={filterBar.onChange} />
          <SortControl filters={filters} onChange={filterBar.onChange} />
        </FilterBar>
        {list.status === 'error' ? (
          <ErrorState error={list.failure} onRetry={list.retry} />
        ) : list.status === 'pending' ? (
          <div className="space-y-4">
            {Array.from({ length: 4 }, (_, i) => (
              <ArticleCardSkeleton key={i} />
            ))}
          </div>
        ) : shown.length === 0 ? (
          <NoResults onClear={clear} />
        ) : (
          <>
            <ol className="space-y-4">
              {filters.group === 'story'
                ? collapseStories(shown).map((item) => (
                    <li key={item.kind === 'story' ? item.story.id : item.entry.id}>
                      {item.kind === 'story' ? <StoryCard item={item} outlets={info.outlets} filters={filters} /> : <ArticleCard entry={item.entry} outlet={info.outlets.get(item.entry.outlet)} filters={filters} />}
                    </li>
                  ))
                : shown.map((entry) => (
                    <li key={entry.id}>
                      <ArticleCard entry={entry} outlet={info.outlets.get(entry.outlet)} filters={filters} snippet={snippets.get(entry.id)} />
                    </li>
                  ))}
            </ol>
            <LoadMore list={list} hasMore={hasMore} onMore={showMore} label={s.loadMore} />
          </>
        )}
      </div>
    </div>
  )
}
