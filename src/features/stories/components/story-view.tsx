import { Link } from 'react-router'
import { OutletBadge } from '../../../components/outlet-badge'
import { formatDateTime } from '../../../lib/dates'
import { EMPTY_FILTERS } from '../../../lib/filters'
import { strings } from '../../../lib/strings'
import { articleLink } from '../../../lib/urls'
import type { Manifest, Outlet, Story } from '../../../types/data'
import { manifestInfo } from '../../articles/manifest-info'
import { DIM_WHEN_READ, ReadAwareLink, ReadLabel } from '../../read-state/components/read-label'
import { axisPositions, coverageByOutlet, formatSpan, type OutletCoverage } from '../story-facts'
import { FirstReportMark } from './story-section'

const s = strings.stories

type OutletOf = (id: string) => { outlet: Outlet | undefined; name: string }

/** /stories/:id — who covered one event, when, with which headline, and who in the archive did not. */
export function StoryView({ story, manifest }: { story: Story; manifest: Manifest | undefined }) {
  const known = manifest ? manifestInfo(manifest).outlets : undefined
  const outletOf: OutletOf = (id) => {
    const outlet = known?.get(id)
    return { outlet, name: outlet?.name ?? id }
  }
  const first = story.members[0]!
  const last = story.members.at(-1)!
  const coverage = coverageByOutlet(story.members)
  const span = formatSpan(Date.parse(last.publishedAt) - Date.parse(first.publishedAt))
  return (
    <article className="space-y-10">
      <title>{`${first.title} · ${s.pageHeading} · ${strings.app.title}`}</title>
      <header className="space-y-3">
        <p>
          <Link to="/timeline" className="inline-flex items-center gap-1 text-sm font-medium text-sky-800 hover:underline dark:text-sky-300">
            <span aria-hidden="true">←</span> {strings.timeline.heading}
          </Link>
        </p>
        <p className="text-sm font-semibold tracking-wide text-stone-600 dark:text-stone-400">{s.pageHeading}</p>
        <h1 lang={first.lang} className="text-2xl leading-snug font-bold sm:text-3xl sm:leading-snug">
          {first.title}
        </h1>
        <p className="text-stone-700 dark:text-stone-300">
          {s.pageSummary(story.members.length, coverage.length, span)}
          {' · '}
          <time dateTime={first.publishedAt}>{formatDateTime(first.publishedAt)}</time>
        </p>
      </header>
      <OutletStrip coverage={coverage} total={story.members.length} outletOf={outletOf} />
      <StoryTimeline story={story} outletOf={outletOf} />
      <Headlines coverage={coverage} outletOf={outletOf} />
      <Absent absent={story.absent} outletOf={outletOf} />
    </article>
  )
}

/** Each outlet's share of the strip, in percent, left to right. */
function stripSegments(coverage: OutletCoverage[], total: number): { outlet: string; x: number; width: number }[] {
  let x = 0
  return coverage.map(({ outlet, members }) => {
    const width = (members.length / total) * 100
    const segment = { outlet, x, width }
    x += width
    return segment
  })
}

function OutletStrip({ coverage, total, outletOf }: { coverage: OutletCoverage[]; total: number; outletOf: OutletOf }) {
  return (
    <section aria-labelledby="story-outlets">
      <h2 id="story-outlets" className="text-xl font-bold">
        {s.outletsHeading}
      </h2>
      {/* SVG: sizes and colours are attributes, so the build's markup holds them under the CSP (no style attribute). */}
      <svg aria-hidden="true" className="mt-3 block h-3 w-full overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800">
        {stripSegments(coverage, total).map(({ outlet, x, width }, index) => {
          const color = outletOf(outlet).outlet?.color
          return (
            <g key={outlet}>
              <rect x={`${x}%`} width={`${width}%`} height="100%" fill={color} className={color ? undefined : 'fill-stone-400'} />
              {index > 0 && <line x1={`${x}%`} x2={`${x}%`} y1="0" y2="100%" strokeWidth="2" className="stroke-stone-50 dark:stroke-stone-950" />}
            </g>
          )
        })}
      </svg>
      <ul className="mt-3 flex flex-wrap gap-2">
        {coverage.map(({ outlet, members }) => {
          const { outlet: known, name } = outletOf(outlet)
          return (
            <li key={outlet} className="inline-flex items-center gap-2 rounded-full border border-stone-300 px-3 py-1.5 text-sm dark:border-stone-700">
              <OutletBadge outlet={known} name={name} className="font-medium" />
              <span className="text-stone-600 dark:text-stone-400">{s.outletArticles(members.length)}</span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}

function StoryTimeline({ story, outletOf }: { story: Story; outletOf: OutletOf }) {
  const positions = axisPositions(story.members)
  const first = story.members[0]!
  const last = story.members.at(-1)!
  return (
    <section aria-labelledby="story-timeline">
      <h2 id="story-timeline" className="text-xl font-bold">
        {s.timelineHeading}
      </h2>
      {/* The axis is a picture of the list below it, which says the same in words. */}
      <div aria-hidden="true" className="mt-4 hidden sm:block">
        <div className="relative mx-2 h-8">
          <div className="absolute top-1/2 right-0 left-0 h-0.5 -translate-y-1/2 bg-stone-300 dark:bg-stone-700" />
          <svg className="absolute inset-0 h-full w-full overflow-visible">
            {story.members.map((member, index) => {
              const color = outletOf(member.outlet).outlet?.color
              return (
                <circle key={member.id} cx={`${positions[index]! * 100}%`} cy="50%" r="7" fill={color} strokeWidth="2" className={`stroke-stone-50 dark:stroke-stone-950${color ? '' : ' fill-stone-400'}`}>
                  <title>{`${outletOf(member.outlet).name} ${formatDateTime(member.publishedAt)}`}</title>
                </circle>
              )
            })}
          </svg>
        </div>
        <div className="flex justify-between text-xs text-stone-600 tabular-nums dark:text-stone-400">
          <span>{formatDateTime(first.publishedAt)}</span>
          {last !== first && <span>{formatDateTime(last.publishedAt)}</span>}
        </div>
      </div>
      <ol aria-label={s.timelineAxis} className="mt-4 space-y-3 border-l-2 border-stone-200 pl-4 dark:border-stone-800">
        {story.members.map((member, index) => {
          const { outlet, name } = outletOf(member.outlet)
          return (
            <li key={member.id} className="relative">
              <span aria-hidden="true" className="absolute top-1.5 -left-[1.4rem] size-2.5 rounded-full bg-stone-400" ref={(dot) => void (dot && outlet && (dot.style.backgroundColor = outlet.color))} />
              <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-stone-600 dark:text-stone-400">
                <time dateTime={member.publishedAt} className="font-medium text-stone-800 tabular-nums dark:text-stone-200">
                  {formatDateTime(member.publishedAt)}
                </time>
                {index === 0 ? <FirstReportMark /> : <span>{s.sinceFirst(formatSpan(Date.parse(member.publishedAt) - Date.parse(first.publishedAt)))}</span>}
                <OutletBadge outlet={outlet} name={name} />
              </p>
              <p lang={member.lang} className="mt-1 font-medium">
                <ReadAwareLink id={member.id} to={articleLink(member.id, EMPTY_FILTERS)} className="text-sky-800 hover:underline hover:underline-offset-4 dark:text-sky-300">
                  {member.title}
                </ReadAwareLink>
              </p>
            </li>
          )
        })}
      </ol>
    </section>
  )
}

/** One column per outlet on a wide screen, stacked on a phone: the headlines read side by side. */
function Headlines({ coverage, outletOf }: { coverage: OutletCoverage[]; outletOf: OutletOf }) {
  return (
    <section aria-labelledby="story-headlines">
      <h2 id="story-headlines" className="text-xl font-bold">
        {s.headlinesHeading}
      </h2>
      <div className="mt-4 grid gap-4 sm:grid-cols-[repeat(auto-fit,minmax(14rem,1fr))]">
        {coverage.map(({ outlet, members }) => {
          const { outlet: known, name } = outletOf(outlet)
          return (
            <section key={outlet} aria-label={name} className="rounded-lg border border-t-4 border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900" ref={(column) => void (column && known && (column.style.borderTopColor = known.color))}>
              <h3 className="text-sm font-semibold">
                <OutletBadge outlet={known} name={name} />
              </h3>
              <ol className="mt-2 space-y-3">
                {members.map((member) => (
                  <li key={member.id}>
                    <p lang={member.lang} className={`text-lg leading-snug font-semibold ${DIM_WHEN_READ}`}>
                      <Link to={articleLink(member.id, EMPTY_FILTERS)} className="hover:underline hover:underline-offset-4">
                        {member.title}
                        <ReadLabel id={member.id} />
                      </Link>
                    </p>
                    <time dateTime={member.publishedAt} className="text-sm text-stone-600 dark:text-stone-400">
                      {formatDateTime(member.publishedAt)}
                    </time>
                  </li>
                ))}
              </ol>
            </section>
          )
        })}
      </div>
    </section>
  )
}

function Absent({ absent, outletOf }: { absent: string[]; outletOf: OutletOf }) {
  return (
    <section aria-labelledby="story-absent">
      <h2 id="story-absent" className="text-xl font-bold">
        {s.absentHeading}
      </h2>
      {absent.length === 0 ? (
        <p className="mt-2 text-stone-700 dark:text-stone-300">{s.absentNone}</p>
      ) : (
        <>
          <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">{s.absentHint}</p>
          <ul className="mt-3 flex flex-wrap gap-2">
            {absent.map((id) => {
              const { outlet, name } = outletOf(id)
              return (
                <li key={id} className="rounded-full border border-dashed border-stone-400 px-3 py-1.5 text-sm text-stone-700 dark:border-stone-600 dark:text-stone-300">
                  <OutletBadge outlet={outlet} name={name} />
                </li>
              )
            })}
          </ul>
        </>
      )}
    </section>
  )
}
