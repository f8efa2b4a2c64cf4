// Search over the static bundle: which article numbers can hold a query (search-query.ts). A term is
// found through its index keys (lookupKeys: trigrams of a CJK run, pairs of words), a group is the union
// of its terms, the query the intersection of its groups without the excluded terms' articles. The index
// holds keys of script-folded text, so the query here is folded the same way (useFoldedQuery).
import { decodeFlags, decodePostings, gramBucket, IN_TITLE, MAX_COUNT } from '../../lib/search-grams'
import { hasLongTerm, lookupKeys, queryKeys, type SearchQuery } from '../../lib/search-query'
import { listPlace, type SearchBucket } from '../../types/data'

export function bucketsForQuery(query: SearchQuery, buckets: number): { keys: string[]; buckets: number[] } {
  const keys = queryKeys(query)
  return { keys, buckets: [...new Set(keys.map((key) => gramBucket(key, buckets)))] }
}

/** The ascending list places (listPlace) of the articles holding `key`; empty when absent or malformed (a tampered file reads as no match, not NaN). */
function postingsOf(key: string, bucketCount: number, bucketOf: (bucket: number) => SearchBucket, articleCount: number): number[] {
  const bucket = bucketOf(gramBucket(key, bucketCount))
  const deltas = Object.hasOwn(bucket, key) ? bucket[key] : undefined
  if (!Array.isArray(deltas) || !deltas.every(Number.isSafeInteger)) return []
  return decodePostings(deltas)
    .map((number) => listPlace(number, articleCount))
    .reverse()
}

/**
 * List places (ascending: newest first) of the articles that can match the folded query, or null when it
 * asks for nothing (no term has letters). `articleCount` turns posting numbers into places (listPlace).
 */
export function matchingNumbers(query: SearchQuery, bucketCount: number, bucketOf: (bucket: number) => SearchBucket, articleCount: number): number[] | null {
  const cache = new Map<string, number[]>()
  const termNumbers = (keys: readonly string[]) =>
    intersectSorted(
      keys.map((key) => {
        if (!cache.has(key)) cache.set(key, postingsOf(key, bucketCount, bucketOf, articleCount))
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

/** Per matching number: how many of the query's groups its title holds, and its occurrences (each term as its rarest key). */
function relevanceOf(query: SearchQuery, bucketCount: number, bucketOf: (bucket: number) => SearchBucket, numbers: readonly number[], articleCount: number) {
  const wanted = new Set(numbers)
  const flagsOf = new Map<string, Map<number, number>>()
  const keyFlags = (key: string) => {
    let byNumber = flagsOf.get(key)
    if (!byNumber) {
      byNumber = new Map()
      const bucket = bucketOf(gramBucket(key, bucketCount))
      const values = Object.hasOwn(bucket, key) ? bucket[key] : undefined
      if (Array.isArray(values) && values.every(Number.isSafeInteger)) {
        const found = decodePostings(values)
        const flags = decodeFlags(values)
        found.forEach((number, i) => {
          const n = listPlace(number, articleCount)
          if (wanted.has(n)) byNumber!.set(n, flags[i]!)
        })
      }
      flagsOf.set(key, byNumber)
    }
    return byNumber
  }
  const terms = query.all.map((group) => group.map(lookupKeys).filter((keys) => keys.length > 0)).filter((group) => group.length > 0)
  const title = new Map<number, number>()
  const count = new Map<number, number>()
  for (const n of numbers) {
    let inTitle = 0
    let occurrences = 0
    for (const group of terms) {
      let best = 0
      let bestTitle = 0
      for (const keys of group) {
        let least = MAX_COUNT
        let all = IN_TITLE
        for (const key of keys) {
          const flags = keyFlags(key).get(n) ?? 0
          least = Math.min(least, flags % IN_TITLE)
          all &= flags
        }
        best = Math.max(best, least)
        if (all) bestTitle = 1
      }
      inTitle += bestTitle
      occurrences += best
    }
    title.set(n, inTitle)
    count.set(n, occurrences)
  }
  return { title, count, groups: terms.length }
}

/**
 * The matching numbers in relevance order: articles whose title holds more of the query's groups first,
 * then more occurrences (each term counted as its rarest key, capped at MAX_COUNT; the best term of an
 * OR group), then newest (the lower list place). From the postings' flags alone: no shard is needed.
 */
export function rankByRelevance(query: SearchQuery, bucketCount: number, bucketOf: (bucket: number) => SearchBucket, numbers: readonly number[], articleCount: number): number[] {
  const { title, count } = relevanceOf(query, bucketCount, bucketOf, numbers, articleCount)
  return [...numbers].sort((a, b) => title.get(b)! - title.get(a)! || count.get(b)! - count.get(a)! || a - b)
}

/**
 * A pasted headline (a long term) with more hits than a page checks (`over`): newest first would bury
 * its article, so the list puts the hits holding it in their title first (titleFirst).
 */
export function headlineFirst(query: SearchQuery, numbers: readonly number[], over: number): boolean {
  return numbers.length > over && hasLongTerm(query)
}

/**
 * The matching numbers with those whose title holds every group's keys first, each part newest first
 * (a pasted headline: its article before the hundreds whose bodies hold its pieces). From the flags alone.
 * Null when that changes nothing: none or all of them hold it in their title.
 */
export function titleFirst(query: SearchQuery, bucketCount: number, bucketOf: (bucket: number) => SearchBucket, numbers: readonly number[], articleCount: number): number[] | null {
  const { title, groups } = relevanceOf(query, bucketCount, bucketOf, numbers, articleCount)
  const inTitle = numbers.filter((n) => title.get(n) === groups)
  if (inTitle.length === 0 || inTitle.length === numbers.length) return null
  return [...inTitle, ...numbers.filter((n) => title.get(n) !== groups)]
}
