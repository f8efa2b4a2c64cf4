import { memo } from 'react'
import { Link } from 'react-router'
import { OutletBadge } from '../../../components/outlet-badge'
import { formatDate } from '../../../lib/dates'
import type { Filters } from '../../../lib/filters'
import { strings } from '../../../lib/strings'
import { articleLink } from '../../../lib/urls'
import type { ListEntry, Outlet } from '../../../types/data'
import { BookmarkButton } from '../../bookmarks/components/bookmark-button'
import { DIM_WHEN_READ, ReadLabel } from '../../read-state/components/read-label'
import { SelectableItem } from '../../keyboard/components/selectable-item'
import type { Snippet } from '../../../lib/search-match'
import { CardText } from './search-snippet'

// Memoised: a results page renders again as each search text arrives, and only the card whose snippet
// came in needs to (entry, outlet, filters and a text's snippet keep their identity; the bookmark
// button and read label hear their own stores; a language change remounts everything: LanguageBoundary).
export const ArticleCard = memo(function ArticleCard({ entry, outlet, filters, snippet }: { entry: ListEntry; outlet: Outlet | undefined; filters: Filters; snippet?: Snippet }) {
  const outletName = outlet?.name ?? entry.outlet
  const bookmark = { id: entry.id, title: entry.title, url: entry.url, outlet: entry.outlet, outletName, publishedAt: entry.publishedAt }
  return (
    <SelectableItem id={entry.id} title={entry.title} to={articleLink(entry.id, filters)} bookmark={bookmark}>
    <article className="rounded-lg border border-stone-200 bg-white p-4 sm:p-5 dark:border-stone-800 dark:bg-stone-900">
      <h2 lang={entry.lang} className={`text-lg leading-snug font-semibold sm:text-xl ${DIM_WHEN_READ}`}>
        <Link to={articleLink(entry.id, filters)} className="hover:underline hover:underline-offset-4">
          {entry.title}
          <ReadLabel id={entry.id} />
        </Link>
      </h2>
      <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-stone-600 dark:text-stone-400">
        <OutletBadge outlet={outlet} name={outletName} className="text-stone-800 dark:text-stone-200" />
        <time dateTime={entry.publishedAt}>{formatDate(entry.publishedAt)}</time>
        <span>{strings.list.readingTime(entry.readingMinutes)}</span>
      </p>
      <CardText snippet={snippet} excerpt={entry.excerpt} lang={entry.lang} />
      <div className="mt-3">
        <BookmarkButton input={bookmark} />
      </div>
    </article>
    </SelectableItem>
  )
})

/** The card's shape in grey, same height, while shards load. */
export function ArticleCardSkeleton() {
  return (
    <div aria-hidden="true" className="rounded-lg border border-stone-200 bg-white p-4 sm:p-5 dark:border-stone-800 dark:bg-stone-900">
      <div className="h-7 w-3/4 animate-pulse rounded bg-stone-200 dark:bg-stone-800" />
      <div className="mt-2 h-5 w-1/2 animate-pulse rounded bg-stone-200 dark:bg-stone-800" />
      <div className="mt-2 h-[4.875rem] animate-pulse rounded bg-stone-200 dark:bg-stone-800" />
      <div className="mt-3 h-9 w-20 animate-pulse rounded bg-stone-200 dark:bg-stone-800" />
    </div>
  )
}
