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
    // Supplementary-plane Han (Extension B and later) is CJK like any other: characters and bigrams.
    if (kind === CJK_CLASS) cjk(text, start, at)
    else word(text.slice(start, at))
  }
}

// indexGrams meets each character and bigram many times in an article; these tables remember which
// BMP ones this call has already added (by a per-call stamp), so a string is made only for new ones.
let stamp = 0
let charStamps: Uint32Array | undefined
let pairKeys = new Uint32Array(0)
let pairStamps = new Uint32Array(0)
let pairCount = 0

/** True the first time this call meets the pair (two BMP code units packed in 32 bits). */
function isNewPair(key: number): boolean {
  if (pairCount * 2 >= pairKeys.length) {
    const size = Math.max(16384, pairKeys.length * 2)
    const oldKeys = pairKeys
    const oldStamps = pairStamps
    pairKeys = new Uint32Array(size)
    pairStamps = new Uint32Array(size)
    pairCount = 0
    for (let i = 0; i < oldKeys.length; i++) if (oldStamps[i] === stamp) insertPair(oldKeys[i]!)
  }
  const mask = pairKeys.length - 1
  let slot = Math.imul(key, 0x9e3779b1) >>> 0 & mask
  while (pairStamps[slot] === stamp) {
    if (pairKeys[slot] === key) return false
    slot = (slot + 1) & mask
  }
  pairStamps[slot] = stamp
  pairKeys[slot] = key
  pairCount++
  return true
}

function insertPair(key: number): void {
  const mask = pairKeys.length - 1
  let slot = Math.imul(key, 0x9e3779b1) >>> 0 & mask
  while (pairStamps[slot] === stamp) slot = (slot + 1) & mask
  pairStamps[slot] = stamp
  pairKeys[slot] = key
  pairCount++
}

/** Every gram of a text, as indexed. */
export function indexGrams(text: string, into: Set<string> = new Set()): Set<string> {
  for (const gram of indexGramList([text])) into.add(gram)
  return into
}

/** The distinct grams of several texts, in first-seen order (what indexGrams adds, without a Set). */
export function indexGramList(texts: readonly string[]): string[] {
  const out: string[] = []
  charStamps ??= new Uint32Array(0x10000)
  const chars = charStamps
  if (++stamp === 0xffffffff) {
    stamp = 1
    chars.fill(0)
    pairStamps.fill(0)
  }
  pairCount = 0
  // Words and grams with a supplementary-plane character: few, so a Set is fine.
  const seen = new Set<string>()
  const other = (gram: string) => {
    if (!seen.has(gram)) {
      seen.add(gram)
      out.push(gram)
    }
  }
  const cjk = (run: string, start: number, end: number) => {
    let previous = ''
    let previousCode = -1 // the previous character's code unit when it is in the BMP
    for (let at = start; at < end; ) {
      const code = run.charCodeAt(at)
      if (code < 0xd800 || code > 0xdfff) {
        if (previousCode >= 0) {
          if (isNewPair(((previousCode << 16) | code) >>> 0)) out.push(String.fromCharCode(previousCode, code))
        } else if (previous !== '') other(previous + run[at]!)
        if (chars[code] !== stamp) {
          chars[code] = stamp
          out.push(run[at]!)
        }
        previous = ''
        previousCode = code
        at += 1
      } else {
        const width = code <= 0xdbff && at + 1 < end ? 2 : 1
        const char = run.slice(at, at + width)
        if (previousCode >= 0) other(String.fromCharCode(previousCode) + char)
        else if (previous !== '') other(previous + char)
        other(char)
        previous = char
        previousCode = -1
        at += width
      }
    }
  }
  for (const text of texts) scanRuns(normalizeForSearch(text), cjk, other)
  return out
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

/** 32-bit FNV-1a over the UTF-16 code units text[start, end), so Node and the browser agree. */
export function fnv1a(text: string, start = 0, end = text.length): number {
  let hash = 0x811c9dc5
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return hash >>> 0
}

/** The search bucket of a gram: FNV-1a modulo the bucket count. */
export function gramBucket(gram: string, buckets: number): number {
  return fnv1a(gram) % buckets
}

/** Delta encoding of ascending numbers (the ingest's merge writes the same form straight into JSON text). */
export function encodePostings(sorted: readonly number[]): number[] {
  return sorted.map((n, i) => (i === 0 ? n : n - sorted[i - 1]!))
}

export function decodePostings(deltas: readonly number[]): number[] {
  const out = new Array<number>(deltas.length)
  let acc = 0
  for (let i = 0; i < deltas.length; i++) out[i] = acc += deltas[i]!
  return out
}
