// Search exactness against exact-substring truth: which articles hold the query (after Simplified/
// Traditional and case folding) against which articles a search listed.

export interface Exactness {
  /** Articles holding the query. */
  truth: number
  /** Articles the search listed. */
  shown: number
  /** Listed articles that hold the query. */
  correct: number
  /** correct / shown; 1 when nothing was listed (nothing wrong was shown). */
  precision: number
  /** correct / truth; 1 when no article holds the query. */
  recall: number
}

/** Precision and recall of the ids a search listed against the ids that hold the query. */
export function exactness(truth: ReadonlySet<string>, shown: Iterable<string>): Exactness {
  const listed = new Set(shown)
  let correct = 0
  for (const id of listed) if (truth.has(id)) correct++
  return fromCounts(truth.size, listed.size, correct)
}

/**
 * From counts. When only the app's result count is known, pass correct = min(truth, shown): an upper
 * bound on both, since an exact count can still hide a wrong list.
 */
export function fromCounts(truth: number, shown: number, correct: number): Exactness {
  if (correct > truth || correct > shown) throw new Error(`correct results (${correct}) cannot exceed the truth (${truth}) or the results shown (${shown})`)
  return { truth, shown, correct, precision: shown === 0 ? 1 : correct / shown, recall: truth === 0 ? 1 : correct / truth }
}
