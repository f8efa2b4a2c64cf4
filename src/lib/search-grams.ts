// Search terms for a static bundle: Chinese has no spaces, so CJK runs are indexed as
// single characters and overlapping bigrams (any run of 2+ characters is found through
// its bigrams); other scripts are indexed as lower-cased words. Shared by the ingest,
// which writes the postings, and the app, which looks a query up.

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u
// Letters and digits of other scripts stop at a CJK character, so "ICC权力" gives "icc" and 权, 权力, 力.
const RUNS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])[\p{L}\p{N}])+/gu

export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

/** Every gram of a text, as indexed. */
export function indexGrams(text: string, into: Set<string> = new Set()): Set<string> {
  for (const [run] of normalizeForSearch(text).matchAll(RUNS)) {
    if (CJK.test(run[0] ?? '')) {
      const chars = Array.from(run)
      for (let i = 0; i < chars.length; i++) {
        into.add(chars[i]!)
        if (i + 1 < chars.length) into.add(chars[i]! + chars[i + 1]!)
      }
    } else {
      into.add(run)
    }
  }
  return into
}

/** The fewest grams an article must all contain to match a query. */
export function queryGrams(query: string): string[] {
  const grams = new Set<string>()
  for (const [run] of normalizeForSearch(query).matchAll(RUNS)) {
    if (CJK.test(run[0] ?? '')) {
      const chars = Array.from(run)
      if (chars.length === 1) grams.add(chars[0]!)
      for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!)
    } else {
      grams.add(run)
    }
  }
  return [...grams]
}

/** FNV-1a over UTF-16 code units, so Node and the browser agree. */
export function gramBucket(gram: string, buckets: number): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < gram.length; i++) {
    hash ^= gram.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0) % buckets
}

export function encodePostings(sorted: readonly number[]): number[] {
  return sorted.map((n, i) => (i === 0 ? n : n - sorted[i - 1]!))
}

export function decodePostings(deltas: readonly number[]): number[] {
  const out = new Array<number>(deltas.length)
  let acc = 0
  for (let i = 0; i < deltas.length; i++) out[i] = acc += deltas[i]!
  return out
}
