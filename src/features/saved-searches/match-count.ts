// How many articles a saved search matches, and how many are new since it was last opened:
// pure rules over the filtered list as far as it is loaded (newest first), so the counts use
// exactly the list's own search and filters (useArticleList).
import type { ListEntry } from '../../types/data'

/** Past this many loaded matches a dated search stops loading and says "at least". */
export const COUNT_LOAD_LIMIT = 2000

export interface MatchCounts {
  /** Exact number of matches, or null while only a lower bound (`atLeast`) is known. */
  total: number | null
  atLeast: number
  /** Matches newer than the newest one seen; null until the loaded list reaches what was seen. */
  fresh: number | null
}

function isFresh(entry: ListEntry, seenNewest: string | null): boolean {
  return seenNewest === null || Date.parse(entry.publishedAt) > Date.parse(seenNewest)
}

/** Enough of the list is loaded to answer: it reaches what was seen, and the total is known or capped. */
export function countsAreSettled(entries: readonly ListEntry[], seenNewest: string | null, totalKnown: boolean): boolean {
  const reachedSeen = seenNewest !== null && entries.some((entry) => !isFresh(entry, seenNewest))
  return (reachedSeen || entries.length >= COUNT_LOAD_LIMIT) && (totalKnown || entries.length >= COUNT_LOAD_LIMIT)
}

export function matchCounts(
  list: { entries: readonly ListEntry[]; total: number | null; complete: boolean },
  seenNewest: string | null,
): MatchCounts {
  const fresh = list.entries.filter((entry) => isFresh(entry, seenNewest)).length
  const freshKnown = list.complete || list.entries.some((entry) => !isFresh(entry, seenNewest))
  return {
    total: list.total,
    atLeast: list.entries.length,
    fresh: freshKnown ? fresh : null,
  }
}
