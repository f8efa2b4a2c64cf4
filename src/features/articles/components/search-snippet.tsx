import type { Snippet } from '../../../lib/search-match'
import type { Lang } from '../../../types/data'

const TEXT_CLASS = 'mt-2 line-clamp-3 leading-relaxed text-stone-700 dark:text-stone-300'

/**
 * A card's text: where a result matched (its text around the first match, each match in a <mark>:
 * React nodes, never HTML), or its excerpt until that is known. One paragraph either way, kept when
 * the snippet comes in: the card does not move, and the excerpt's paint stays the page's largest one.
 */
export function CardText({ snippet, excerpt, lang }: { snippet: Snippet | undefined; excerpt: string | undefined; lang: Lang }) {
  if (!snippet && !excerpt) return null
  return (
    <p lang={lang} data-search-snippet={snippet ? '' : undefined} className={TEXT_CLASS}>
      {snippet ? <SnippetParts snippet={snippet} /> : excerpt}
    </p>
  )
}

function SnippetParts({ snippet }: { snippet: Snippet }) {
  return (
    <>
      {snippet.cutStart && '…'}
      {snippet.parts.map((part, i) =>
        part.mark ? (
          <mark key={i} className="rounded-sm bg-amber-200 px-0.5 text-stone-950 dark:bg-amber-300 dark:text-stone-950">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
      {snippet.cutEnd && '…'}
    </>
  )
}
