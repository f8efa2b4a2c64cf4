// Search over the static bundle: an article matches a query when it contains every gram of
// it (queryGrams: for Chinese, every overlapping bigram; for other scripts, every word). The index
// holds grams of script-folded text, so `q` here is the query folded the same way (useFoldedQuery).
import { decodePostings, gramBucket, queryGrams } from '../../lib/search-grams'
import type { SearchBucket } from '../../types/data'

export function bucketsForQuery(q: string, buckets: number): { grams: string[]; buckets: number[] } {
  const grams = queryGrams(q)
  return { grams, buckets: [...new Set(grams.map((gram) => gramBucket(gram, buckets)))] }
}

/** Article numbers (ascending) holding every gram; empty when any gram is absent. */
export function matchingNumbers(grams: readonly string[], bucketCount: number, bucketOf: (bucket: number) => SearchBucket): number[] {
  const lists: number[][] = []
  for (const gram of grams) {
    const bucket = bucketOf(gramBucket(gram, bucketCount))
    const deltas = Object.hasOwn(bucket, gram) ? bucket[gram] : undefined
    // A malformed posting list (tampered file) reads as no match rather than NaN numbers.
    if (!Array.isArray(deltas) || deltas.length === 0 || !deltas.every(Number.isSafeInteger)) return []
    lists.push(decodePostings(deltas))
  }
  return intersectSorted(lists)
}

/** Intersection of ascending lists, ascending. */
export function intersectSorted(lists: readonly (readonly number[])[]): number[] {
  if (lists.length === 0) return []
  const ordered = [...lists].sort((a, b) => a.length - b.length)
  let result = [...ordered[0]!]
  for (const list of ordered.slice(1)) {
    const next: number[] = []
    let j = 0
    for (const n of result) {
      while (j < list.length && list[j]! < n) j++
      if (j < list.length && list[j] === n) next.push(n)
    }
    result = next
    if (result.length === 0) break
  }
  return result
}
