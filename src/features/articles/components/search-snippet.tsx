import type { Snippet } from '../../../lib/search-match'
import type { Lang } from '../../../types/data'

/** Where a result matched: its text around the first match, each match in a <mark> (React nodes, never HTML). */
export function SearchSnippet({ snippet, lang }: { snippet: Snippet; lang: Lang }) {
  return (
    <p lang={lang} data-search-snippet="" className="mt-2 line-clamp-3 leading-relaxed text-stone-700 dark:text-stone-300">
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
    </p>
  )
}
