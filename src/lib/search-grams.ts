// Search terms for a static bundle: Chinese has no spaces, so CJK runs are indexed as
// single characters and overlapping bigrams (any run of 2+ characters is found through
// its bigrams); other scripts are indexed as lower-cased words. Shared by the ingest,
// which writes the postings, and the app, which looks a query up.

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u
const WORD = /[\p{L}\p{N}]/u

export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

// Runs are found by a code-unit loop over a per-code-point class (cached for the BMP) rather than a
// Unicode regex with matchAll and Array.from: same runs, several times faster on article bodies.
const OTHER = 1
const CJK_CLASS = 2
const WORD_CLASS = 3
let bmpClasses: Uint8Array | undefined

function classOf(codePoint: number): number {
  if (codePoint < 0x80) {
    // ASCII: digits and letters (already lower-cased, but upper case is a word too).
    return (codePoint >= 0x30 && codePoint <= 0x39) || (codePoint >= 0x61 && codePoint <= 0x7a) || (codePoint >= 0x41 && codePoint <= 0x5a)
      ? WORD_CLASS
      : OTHER
  }
  if (codePoint <= 0xffff) {
    bmpClasses ??= new Uint8Array(0x10000)
    const cached = bmpClasses[codePoint]!
    if (cached !== 0) return cached
    return (bmpClasses[codePoint] = classify(codePoint))
  }
  return classify(codePoint)
}

function classify(codePoint: number): number {
  // A lone surrogate matches neither pattern, as in a /u regex.
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return OTHER
  const char = String.fromCodePoint(codePoint)
  return CJK.test(char) ? CJK_CLASS : WORD.test(char) ? WORD_CLASS : OTHER
}

/**
 * Calls `cjk(text, start, end)` for each run of CJK characters and `word(run)` for each run of other
 * letters and digits (a run stops at a CJK character, so "ICC权力" gives "icc" and 权力), in order.
 */
function scanRuns(
  text: string,
  cjk: (text: string, start: number, end: number) => void,
  word: (run: string) => void,
): void {
  const length = text.length
  let at = 0
  while (at < length) {
    const code = text.charCodeAt(at)
    const codePoint = code >= 0xd800 && code <= 0xdbff && at + 1 < length ? text.codePointAt(at)! : code
    const kind = classOf(codePoint)
    const width = codePoint > 0xffff ? 2 : 1
    if (kind === OTHER) {
      at += width
      continue
    }
    const start = at
    at += width
    while (at < length) {
      const next = text.charCodeAt(at)
      const nextPoint = next >= 0xd800 && next <= 0xdbff && at + 1 < length ? text.codePointAt(at)! : next
      if (classOf(nextPoint) !== kind) break
      at += nextPoint > 0xffff ? 2 : 1
    }
    // As before the loop rewrite: a CJK run that starts with a supplementary-plane character is one gram.
    if (kind === CJK_CLASS && width === 1) cjk(text, start, at)
    else word(text.slice(start, at))
  }
}

/** Every gram of a text, as indexed. */
export function indexGrams(text: string, into: Set<string> = new Set()): Set<string> {
  scanRuns(
    normalizeForSearch(text),
    (run, start, end) => {
      let previous = ''
      for (let at = start; at < end; ) {
        const code = run.charCodeAt(at)
        const width = code >= 0xd800 && code <= 0xdbff && at + 1 < end ? 2 : 1
        const char = width === 1 ? run[at]! : run.slice(at, at + 2)
        if (previous !== '') into.add(previous + char)
        into.add(char)
        previous = char
        at += width
      }
    },
    (run) => into.add(run),
  )
  return into
}

/** The fewest grams an article must all contain to match a query. */
export function queryGrams(query: string): string[] {
  const grams = new Set<string>()
  scanRuns(
    normalizeForSearch(query),
    (run, start, end) => {
      const chars = Array.from(run.slice(start, end))
      if (chars.length === 1) grams.add(chars[0]!)
      for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!)
    },
    (run) => grams.add(run),
  )
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
