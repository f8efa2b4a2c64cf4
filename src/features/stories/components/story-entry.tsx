import { useId, useState } from 'react'
import { Link } from 'react-router'
import { OutletBadge } from '../../../components/outlet-badge'
import { ErrorState } from '../../../components/states'
import { formatDateTime, formatTime } from '../../../lib/dates'
import type { Filters } from '../../../lib/filters'
import { strings } from '../../../lib/strings'
import { articleLink } from '../../../lib/urls'
import type { Outlet } from '../../../types/data'
import { useStory } from '../../articles/api/get-story'
import { entryBookmark } from '../../bookmarks/bookmark'
import { SelectableItem } from '../../keyboard/components/selectable-item'
import { DIM_WHEN_READ, ReadLabel } from '../../read-state/components/read-label'
import { storyLink, type StoryItem } from '../story-facts'
import { FirstReportMark } from './story-section'

const s = strings.stories

/** The outlets of a story as badges, in order of each one's first report. */
export function StoryOutlets({ ids, outlets }: { ids: readonly string[]; outlets: ReadonlyMap<string, Outlet> }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-x-3 gap-y-1">
      <span className="sr-only">{s.storyOutlets}</span>
      {ids.map((id) => (
        <OutletBadge key={id} outlet={outlets.get(id)} name={outlets.get(id)?.name ?? id} />
      ))}
    </span>
  )
}

/** A story on the timeline: one entry with its outlets and count; the disclosure shows every member in place. */
export function StoryEntry({ item, outlets, filters }: { item: StoryItem; outlets: ReadonlyMap<string, Outlet>; filters: Filters }) {
  const id = useId()
  const [open, setOpen] = useState(false)
  const { lead, story } = item
  const to = articleLink(lead.id, filters)
  return (
    <SelectableItem id={lead.id} title={lead.title} to={to} bookmark={entryBookmark(lead, outlets.get(lead.outlet)?.name ?? lead.outlet)}>
    <article className="rounded-md border border-l-4 border-stone-200 border-l-stone-500 bg-white px-3 py-2 dark:border-stone-800 dark:border-l-stone-400 dark:bg-stone-900">
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-stone-600 dark:text-stone-400">
        <time dateTime={lead.publishedAt} className="tabular-nums">
          {formatTime(lead.publishedAt)}
        </time>
        <StoryOutlets ids={story.outlets} outlets={outlets} />
        <span className="rounded-sm bg-stone-200 px-1.5 py-0.5 text-xs font-semibold text-stone-800 dark:bg-stone-700 dark:text-stone-100">{s.storyCount(story.size)}</span>
      </p>
      <p lang={lead.lang} className={`mt-1 font-medium ${DIM_WHEN_READ}`}>
        <Link to={to} className="hover:underline hover:underline-offset-4">
          {lead.title}
          <ReadLabel id={lead.id} />
        </Link>
      </p>
      <p className="mt-1 flex flex-wrap items-center gap-x-4 text-sm">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={`${id}-members`}
          onClick={() => setOpen(!open)}
          className="inline-flex min-h-9 items-center gap-1 font-medium text-sky-800 dark:text-sky-300"
        >
          <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          {open ? s.hideMembers : s.showMembers(story.size)}
        </button>
        <Link to={storyLink(story.id)} className="font-medium text-sky-800 underline underline-offset-4 dark:text-sky-300">
          {s.viewStory}
        </Link>
      </p>
      <div id={`${id}-members`} hidden={!open}>
        {open && <Members storyId={story.id} outlets={outlets} filters={filters} label={s.membersLabel(lead.title)} />}
      </div>
    </article>
    </SelectableItem>
  )
}

function Members({ storyId, outlets, filters, label }: { storyId: string; outlets: ReadonlyMap<string, Outlet>; filters: Filters; label: string }) {
  const story = useStory(storyId)
  if (story.isError) return <ErrorState error={story.error} onRetry={() => void story.refetch()} />
  if (story.isPending) return <p aria-busy="true" className="py-2 text-sm text-stone-600 dark:text-stone-400">{s.loading}</p>
  return (
    <ol aria-label={label} className="mt-2 space-y-2 border-t border-stone-200 pt-2 dark:border-stone-800">
      {story.data.members.map((member, index) => {
        const outlet = outlets.get(member.outlet)
        return (
          <li key={member.id}>
            <p className="flex flex-wrap items-center gap-x-3 text-sm text-stone-600 dark:text-stone-400">
              <time dateTime={member.publishedAt} className="tabular-nums">
                {formatDateTime(member.publishedAt)}
              </time>
              <OutletBadge outlet={outlet} name={outlet?.name ?? member.outlet} />
              {index === 0 && <FirstReportMark />}
            </p>
            <p lang={member.lang} className={DIM_WHEN_READ}>
              <Link to={articleLink(member.id, filters)} className="hover:underline hover:underline-offset-4">
                {member.title}
                <ReadLabel id={member.id} />
              </Link>
            </p>
          </li>
        )
      })}
    </ol>
  )
}
