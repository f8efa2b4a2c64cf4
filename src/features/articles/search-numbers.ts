// Search over the static bundle: which article numbers can hold a query (search-query.ts). A term is
// found through its index keys (lookupKeys: trigrams of a CJK run, pairs of words), a group is the union
// of its terms, the query the intersection of its groups without the excluded terms' articles. The index
// holds keys of script-folded text, so the query here is folded the same way (useFoldedQuery).
import { decodePostings, gramBucket } from '../../lib/search-grams'
import { lookupKeys, queryKeys, type SearchQuery } from '../../lib/search-query'
import type { SearchBucket } from '../../types/data'

export function bucketsForQuery(query: SearchQuery, buckets: number): { keys: string[]; buckets: number[] } {
  const keys = queryKeys(query)
  return { keys, buckets: [...new Set(keys.map((key) => gramBucket(key, buckets)))] }
}

/** The ascending article numbers holding `key`; empty when absent or malformed (a tampered file reads as no match, not NaN). */
function postingsOf(key: string, bucketCount: number, bucketOf: (bucket: number) => SearchBucket): number[] {
  const bucket = bucketOf(gramBucket(key, bucketCount))
  const deltas = Object.hasOwn(bucket, key) ? bucket[key] : undefined
  if (!Array.isArray(deltas) || !deltas.every(Number.isSafeInteger)) return []
  return decodePostings(deltas)
}

/**
 * Article numbers (ascending) that can match the folded query, or null when it asks for nothing (no
 * term has letters). `articleCount` numbers the whole bundle, for a query of exclusions only.
 */
export function matchingNumbers(query: SearchQuery, bucketCount: number, bucketOf: (bucket: number) => SearchBucket, articleCount: number): number[] | null {
  const cache = new Map<string, number[]>()
  const termNumbers = (keys: readonly string[]) =>
    intersectSorted(
      keys.map((key) => {
        if (!cache.has(key)) cache.set(key, postingsOf(key, bucketCount, bucketOf))
        return cache.get(key)!
      }),
    )
  const groups: number[][] = []
  for (const group of query.all) {
    const terms = group.map(lookupKeys).filter((keys) => keys.length > 0)
    if (terms.length > 0) groups.push(unionSorted(terms.map(termNumbers)))
  }
  const excluded = query.none.map(lookupKeys).filter((keys) => keys.length > 0)
  if (groups.length === 0 && excluded.length === 0) return null
  const wanted = groups.length > 0 ? intersectSorted(groups) : Array.from({ length: articleCount }, (_, i) => i)
  if (excluded.length === 0) return wanted
  const left = new Set(unionSorted(excluded.map(termNumbers)))
  return wanted.filter((n) => !left.has(n))
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

/** Union of ascending lists, ascending and distinct. */
export function unionSorted(lists: readonly (readonly number[])[]): number[] {
  if (lists.length === 1) return [...lists[0]!]
  return [...new Set(lists.flat())].sort((a, b) => a - b)
}
