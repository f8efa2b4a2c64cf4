import { dayRangeInstants, parseDay } from '../../lib/dates'
import type { Filters } from '../../lib/filters'
import { indexGrams, normalizeForSearch, queryGrams } from '../../lib/search-grams'
import type { Annotation } from './annotation'

/**
 * The archive's filters over highlights and notes: outlet, local-day range on the article's
 * publication date, and q with the archive's rule (every gram of the query) over the quote, the
 * note, the article's title and its outlet. `fold` is the archive's script fold, applied to the query
 * and the texts alike (as filterBookmarks does), so 會見 finds 会见.
 */
export function filterAnnotations(annotations: readonly Annotation[], filters: Filters, timeZone?: string, fold: (text: string) => string = normalizeForSearch): Annotation[] {
  const outlets = filters.outlets.length > 0 ? new Set(filters.outlets) : null
  const { start, end } = dayRangeInstants(parseDay(filters.from), parseDay(filters.to), timeZone)
  const grams = queryGrams(fold(filters.q))
  return annotations.filter((annotation) => {
    const { source } = annotation
    if (outlets && !outlets.has(source.outlet)) return false
    const time = Date.parse(source.publishedAt)
    if ((start !== -Infinity || end !== Infinity) && !(time >= start && time < end)) return false
    if (grams.length > 0) {
      const text = indexGrams(fold(`${annotation.target?.exact ?? ''} ${annotation.note} ${source.title} ${source.outletName}`))
      if (!grams.every((gram) => text.has(gram))) return false
    }
    return true
  })
}
