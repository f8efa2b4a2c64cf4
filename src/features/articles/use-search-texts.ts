// The exact check and the snippets of a results page: the search texts of the entries shown (never
// the article bodies), each checked against the folded query. An entry whose text does not hold the
// query (the index over-matched) is left out; one whose text could not be loaded stays, unchecked.
import { useQueries } from '@tanstack/react-query'
import { useMemo } from 'react'
import { checkText, type Snippet } from '../../lib/search-match'
import type { ListEntry } from '../../types/data'
import { searchTextQueryOptions } from './api/get-search-text'
import type { ListSearch } from './use-article-list'

export interface CheckedResults {
  /** The entries to show: every one when there is no search, else those not disproved by their text. */
  entries: ListEntry[]
  /** Snippet by entry id, once its text is in and its body holds a match. */
  snippets: ReadonlyMap<string, Snippet>
  /** Ids of the entries their text disproved (left out of `entries`). */
  disproved: string[]
  /** Every entry's text is in (or could not be loaded): nothing is still unchecked. */
  settled: boolean
}

/** A text's check against the search: whether it holds the query, and the snippet around its first match. */
interface Checked {
  holds: boolean
  snippet: Snippet | null
}

// Each text is folded and checked once per search (the list keeps one search object per query and
// fold): the texts arrive one by one, and every arrival would otherwise fold again all those already in.
const checks = new WeakMap<ListSearch, Map<string, Checked>>()
function checksOf(search: ListSearch): Map<string, Checked> {
  let checked = checks.get(search)
  if (!checked) checks.set(search, (checked = new Map()))
  return checked
}

const dataOf = (results: { data?: string; isError: boolean }[]) => ({ texts: results.map((result) => result.data), settled: results.every((result) => result.data !== undefined || result.isError) })

export function useSearchTexts(entries: readonly ListEntry[], search: ListSearch | null): CheckedResults {
  const { texts, settled } = useQueries({
    queries: search ? entries.map((entry) => searchTextQueryOptions(entry.id)) : [],
    combine: dataOf,
  })
  return useMemo(() => {
    if (!search) return { entries: [...entries], snippets: new Map(), disproved: [], settled: true }
    const snippets = new Map<string, Snippet>()
    const disproved: string[] = []
    const checked = checksOf(search)
    const kept = entries.filter((entry, i) => {
      const text = texts[i]
      if (text === undefined) return true
      let check = checked.get(text)
      if (!check) {
        check = checkText(text, search.query, search.fold)
        checked.set(text, check)
      }
      if (!check.holds) {
        disproved.push(entry.id)
        return false
      }
      if (check.snippet) snippets.set(entry.id, check.snippet)
      return true
    })
    return { entries: kept, snippets, disproved, settled }
  }, [entries, texts, settled, search])
}
