import { ErrorState } from '../../../components/states'
import { strings } from '../../../lib/strings'
import type { ArticleListResult } from '../use-article-list'

const s = strings.list

/** The foot of a paged list: a button for more, the failed load with a retry, or the end of the results. */
export function LoadMore({ list, hasMore, onMore, label }: { list: Pick<ArticleListResult, 'error' | 'failure' | 'fetching' | 'retry'>; hasMore: boolean; onMore: () => void; label: string }) {
  if (list.error) return <ErrorState error={list.failure} title={s.loadMoreError} onRetry={list.retry} />
  if (!hasMore) return <p className="text-center text-sm text-stone-600 dark:text-stone-400">{s.endOfList}</p>
  return (
    <div className="text-center">
      <button
        type="button"
        onClick={onMore}
        disabled={list.fetching}
        className="rounded-md border border-stone-300 bg-white px-6 py-2.5 font-medium hover:bg-stone-100 disabled:opacity-70 dark:border-stone-600 dark:bg-stone-900 dark:hover:bg-stone-800"
      >
        {list.fetching ? s.loadingMore : label}
      </button>
    </div>
  )
}
