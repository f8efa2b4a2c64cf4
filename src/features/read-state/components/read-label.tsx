import type { ReactNode } from 'react'
import { Link, type To } from 'react-router'
import { currentLanguage, HTML_LANG } from '../../../lib/locale'
import { strings } from '../../../lib/strings'
import { useReadState } from '../store'

/**
 * Placed inside an article's link: once read, a quiet 已读 tag that joins the link's name
 * ("标题（已读）"), in the interface's language inside a title of any. Its `data-read` lets the title around it dim (has-[[data-read]]).
 */
export function ReadLabel({ id }: { id: string }) {
  const { isRead } = useReadState()
  if (!isRead(id)) return null
  return (
    <span data-read="" lang={HTML_LANG[currentLanguage()]} className="ml-2 inline-block rounded border border-stone-300 px-1.5 align-middle text-xs font-medium text-stone-600 no-underline dark:border-stone-600 dark:text-stone-400">
      <span className="sr-only">{strings.language.parenthetical(strings.readState.read)}</span>
      <span aria-hidden="true">{strings.readState.read}</span>
    </span>
  )
}

/** For the element around the link: dims a title once its ReadLabel shows (contrast stays above 4.5:1 in both themes). */
export const DIM_WHEN_READ = 'has-[[data-read]]:font-normal has-[[data-read]]:text-stone-500 dark:has-[[data-read]]:text-stone-400'

/** A link to an article whose title dims and is tagged 已读 once read: the title link of the story views. */
export function ReadAwareLink({ id, to, className, children }: { id: string; to: To; className: string; children: ReactNode }) {
  return (
    <Link to={to} className={`${className} ${DIM_WHEN_READ}`}>
      {children}
      <ReadLabel id={id} />
    </Link>
  )
}
