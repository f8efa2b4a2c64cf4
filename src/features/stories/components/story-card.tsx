import { Link } from 'react-router'
import { OutletBadge } from '../../../components/outlet-badge'
import { formatDate } from '../../../lib/dates'
import type { Filters } from '../../../lib/filters'
import { strings } from '../../../lib/strings'
import { articleLink } from '../../../lib/urls'
import type { Outlet } from '../../../types/data'
import { entryBookmark } from '../../bookmarks/bookmark'
import { SelectableItem } from '../../keyboard/components/selectable-item'
import { DIM_WHEN_READ, ReadLabel } from '../../read-state/components/read-label'
import { storyLink, type StoryItem } from '../story-facts'
import { StoryOutlets } from './story-entry'

const s = strings.stories

/** `?group=story`: one card for a story, headed by its newest report in the list, with its outlets and the other reports shown. */
export function StoryCard({ item, outlets, filters }: { item: StoryItem; outlets: ReadonlyMap<string, Outlet>; filters: Filters }) {
  const { lead, story, entries } = item
  const to = articleLink(lead.id, filters)
  return (
    <SelectableItem id={lead.id} title={lead.title} to={to} bookmark={entryBookmark(lead, outlets.get(lead.outlet)?.name ?? lead.outlet)}>
    <article className="rounded-lg border border-l-4 border-stone-200 border-l-stone-500 bg-white p-4 sm:p-5 dark:border-stone-800 dark:border-l-stone-400 dark:bg-stone-900">
      <h2 lang={lead.lang} className={`text-lg leading-snug font-semibold sm:text-xl ${DIM_WHEN_READ}`}>
        <Link to={to} className="hover:underline hover:underline-offset-4">
          {lead.title}
          <ReadLabel id={lead.id} />
        </Link>
      </h2>
      <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-stone-600 dark:text-stone-400">
        <StoryOutlets ids={story.outlets} outlets={outlets} />
        <span className="rounded-sm bg-stone-200 px-1.5 py-0.5 text-xs font-semibold text-stone-800 dark:bg-stone-700 dark:text-stone-100">{s.storyCount(story.size)}</span>
        <time dateTime={lead.publishedAt}>{formatDate(lead.publishedAt)}</time>
      </p>
      {entries.length > 1 && (
        <ul className="mt-3 space-y-1 border-l-2 border-stone-200 pl-3 dark:border-stone-700">
          {entries.slice(1).map((entry) => {
            const outlet = outlets.get(entry.outlet)
            return (
              <li key={entry.id} className={`text-sm ${DIM_WHEN_READ}`}>
                <OutletBadge outlet={outlet} name={outlet?.name ?? entry.outlet} className="mr-2 text-stone-600 dark:text-stone-400" />
                <Link lang={entry.lang} to={articleLink(entry.id, filters)} className="hover:underline hover:underline-offset-4">
                  {entry.title}
                  <ReadLabel id={entry.id} />
                </Link>
              </li>
            )
          })}
        </ul>
      )}
      <p className="mt-3">
        <Link to={storyLink(story.id)} className="text-sm font-medium text-sky-800 underline underline-offset-4 dark:text-sky-300">
          {s.viewStory}
          <span aria-hidden="true"> →</span>
        </Link>
      </p>
    </article>
    </SelectableItem>
  )
}
