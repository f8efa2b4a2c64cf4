import { Link } from 'react-router'
import { OutletBadge } from '../../../components/outlet-badge'
import { ErrorState, Skeleton } from '../../../components/states'
import { formatDateTime } from '../../../lib/dates'
import type { Filters } from '../../../lib/filters'
import { strings } from '../../../lib/strings'
import { articleLink } from '../../../lib/urls'
import type { Article, Manifest } from '../../../types/data'
import { useStory } from '../../articles/api/get-story'
import { manifestInfo } from '../../articles/manifest-info'
import { ReadAwareLink } from '../../read-state/components/read-label'
import { storyLink } from '../story-facts'

const s = strings.stories

/** On the detail: every other report of the article's story, oldest first, the first one marked 首发. */
export function StorySection({ article, manifest, filters }: { article: Article; manifest: Manifest | undefined; filters: Filters }) {
  const ref = article.story
  const story = useStory(ref?.id ?? '', { enabled: ref !== undefined })
  if (!ref) return null
  const outlets = manifest ? manifestInfo(manifest).outlets : new Map()
  return (
    <section aria-labelledby="story-section-heading" className="mt-10 border-t border-stone-200 pt-6 dark:border-stone-800">
      <h2 id="story-section-heading" className="text-xl font-bold">
        {s.sectionHeading}
      </h2>
      {story.isError ? (
        <div className="mt-4">
          <ErrorState error={story.error} onRetry={() => void story.refetch()} />
        </div>
      ) : story.isPending ? (
        <div className="mt-4 space-y-3" aria-busy="true">
          <span className="sr-only">{s.loading}</span>
          {Array.from({ length: Math.min(ref.size - 1, 3) }, (_, i) => (
            <Skeleton key={i} className="h-12 w-full" />
          ))}
        </div>
      ) : (
        <>
          {story.data.members[0]?.id === article.id && <p className="mt-3 text-stone-700 dark:text-stone-300">{s.thisIsFirst}</p>}
          <ol className="mt-4 space-y-3">
            {story.data.members.map((member, index) => {
              if (member.id === article.id) return null
              const outlet = outlets.get(member.outlet)
              return (
                <li key={member.id} className="rounded-md border border-stone-200 px-3 py-2 dark:border-stone-800">
                  <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-stone-600 dark:text-stone-400">
                    <OutletBadge outlet={outlet} name={outlet?.name ?? member.outlet} className="font-medium text-stone-800 dark:text-stone-200" />
                    <time dateTime={member.publishedAt}>{formatDateTime(member.publishedAt)}</time>
                    {index === 0 && <FirstReportMark />}
                  </p>
                  <p lang={member.lang} className="mt-1 font-medium">
                    <ReadAwareLink id={member.id} to={articleLink(member.id, filters)} className="text-sky-800 hover:underline hover:underline-offset-4 dark:text-sky-300">
                      {member.title}
                    </ReadAwareLink>
                  </p>
                </li>
              )
            })}
          </ol>
          <p className="mt-4">
            <Link to={storyLink(ref.id)} className="font-medium text-sky-800 underline underline-offset-4 dark:text-sky-300">
              {s.viewStoryCount(story.data.members.length, new Set(story.data.members.map((member) => member.outlet)).size)}
              <span aria-hidden="true"> →</span>
            </Link>
          </p>
        </>
      )}
    </section>
  )
}

export function FirstReportMark() {
  return <span className="rounded-sm bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-900/50 dark:text-amber-100">{s.firstReport}</span>
}
