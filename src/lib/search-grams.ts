// Search terms for a static bundle: Chinese has no spaces, so CJK runs are indexed as single
// characters, overlapping bigrams and trigrams (a run of 3+ characters is found through its
// trigrams, which rarely meet by chance, so a hit almost always holds the run itself); other
// scripts are indexed as lower-cased words and pairs of adjacent words (for phrases). Shared by
// the ingest, which writes the postings, and the app, which looks a query up.

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u
const WORD = /[\p{L}\p{N}]/u

/** Only Han characters fold across scripts; any other query is folded by normalizeForSearch alone. */
export function needsScriptFold(query: string): boolean {
  return /\p{Script=Han}/u.test(query)
}

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
 * Calls `cjk(text, start, end)` for each run of CJK characters and `word(run, start, end)` for each run of other
 * letters and digits (a run stops at a CJK character, so "ICC权力" gives "icc" and 权力), in order.
 */
export function scanRuns(
  text: string,
  cjk: (text: string, start: number, end: number) => void,
  word: (run: string, start: number, end: number) => void,
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
    else word(text.slice(start, at), start, at)
  }
}

// indexGramList meets each character, bigram and trigram many times in an article; these tables
// remember which BMP ones this call has already added (by a per-call stamp), so a string is made only
// for new ones.
let stamp = 0
let charStamps: Uint32Array | undefined
/** Per BMP character: its index in this call's output, valid where its stamp is current. */
let charIndexes: Uint32Array | undefined

/** A set of BMP code-unit tuples (two 32-bit halves) valid for the current stamp: open addressing. */
class StampedTuples {
  private high = new Uint32Array(0)
  private low = new Uint32Array(0)
  private stamps = new Uint32Array(0)
  private values = new Uint32Array(0)
  private count = 0

  /** The value stored with (high, low) in this call, or -1 the first time, when `value` is stored. */
  find(high: number, low: number, value: number): number {
    if (this.count * 2 >= this.high.length) this.grow()
    const mask = this.high.length - 1
    let slot = slotOf(high, low) & mask
    while (this.stamps[slot] === stamp) {
      if (this.high[slot] === high && this.low[slot] === low) return this.values[slot]!
      slot = (slot + 1) & mask
    }
    this.put(slot, high, low, value)
    return -1
  }

  reset(): void {
    this.count = 0
  }

  clear(): void {
    this.stamps.fill(0)
  }

  private put(slot: number, high: number, low: number, value: number): void {
    this.stamps[slot] = stamp
    this.high[slot] = high
    this.low[slot] = low
    this.values[slot] = value
    this.count++
  }

  private grow(): void {
    const size = Math.max(16384, this.high.length * 2)
    const [oldHigh, oldLow, oldStamps, oldValues] = [this.high, this.low, this.stamps, this.values]
    this.high = new Uint32Array(size)
    this.low = new Uint32Array(size)
    this.stamps = new Uint32Array(size)
    this.values = new Uint32Array(size)
    this.count = 0
    const mask = size - 1
    for (let i = 0; i < oldHigh.length; i++) {
      if (oldStamps[i] !== stamp) continue
      let slot = slotOf(oldHigh[i]!, oldLow[i]!) & mask
      while (this.stamps[slot] === stamp) slot = (slot + 1) & mask
      this.put(slot, oldHigh[i]!, oldLow[i]!, oldValues[i]!)
    }
  }
}

function slotOf(high: number, low: number): number {
  return (Math.imul(high, 0x9e3779b1) ^ Math.imul(low + 1, 0x85ebca6b)) >>> 0
}

const pairs = new StampedTuples()
const triples = new StampedTuples()

/** Joins two adjacent words into one key ("human rights" -> "human_rights"): "_" is never part of a word. */
export const WORD_PAIR = '_'

/** Every gram of a text, as indexed. */
export function indexGrams(text: string, into: Set<string> = new Set()): Set<string> {
  for (const gram of indexGramList([text])) into.add(gram)
  return into
}

/** The distinct grams of several texts, in first-seen order (what indexGrams adds, without a Set). */
export function indexGramList(texts: readonly string[]): string[] {
  return indexPostings(texts).grams
}

/** Posting flags: the gram is in the first text (the title) … */
export const IN_TITLE = 8
/** … and how often it occurs in all of them, capped (the low three bits). */
export const MAX_COUNT = 7

/**
 * The distinct grams of several texts (title first), in first-seen order, with each one's posting flags:
 * IN_TITLE when the first text holds it, plus its occurrences up to MAX_COUNT. Grams: each CJK
 * character, overlapping bigram and trigram, each word, and each pair of adjacent words (no CJK run
 * between them) joined by WORD_PAIR.
 */
export function indexPostings(texts: readonly string[]): { grams: string[]; flags: Uint8Array } {
  const out: string[] = []
  let counts = new Uint8Array(1024)
  charStamps ??= new Uint32Array(0x10000)
  charIndexes ??= new Uint32Array(0x10000)
  const chars = charStamps
  const charIndex = charIndexes
  if (++stamp === 0xffffffff) {
    stamp = 1
    chars.fill(0)
    pairs.clear()
    triples.clear()
  }
  pairs.reset()
  triples.reset()
  const count = (index: number) => {
    if (counts[index]! < MAX_COUNT) counts[index]!++
  }
  const push = (gram: string) => {
    if (out.length === counts.length) {
      const grown = new Uint8Array(counts.length * 2)
      grown.set(counts)
      counts = grown
    }
    counts[out.length] = 1
    out.push(gram)
  }
  // Words and grams with a supplementary-plane character: few, so a Map is fine.
  const seen = new Map<string, number>()
  const other = (gram: string) => {
    const index = seen.get(gram)
    if (index !== undefined) return count(index)
    seen.set(gram, out.length)
    push(gram)
  }
  const tuple = (table: StampedTuples, high: number, low: number, gram: () => string) => {
    const index = table.find(high, low, out.length)
    if (index >= 0) count(index)
    else push(gram())
  }
  let previousWord = ''
  const cjk = (run: string, start: number, end: number) => {
    previousWord = ''
    // The two characters before this one, and their code units when in the BMP (else -1).
    let before = ''
    let beforeCode = -1
    let previous = ''
    let previousCode = -1
    for (let at = start; at < end; ) {
      const code = run.charCodeAt(at)
      const bmp = code < 0xd800 || code > 0xdfff
      const width = bmp ? 1 : code <= 0xdbff && at + 1 < end ? 2 : 1
      const char = bmp ? run[at]! : run.slice(at, at + width)
      if (before !== '') {
        if (bmp && beforeCode >= 0 && previousCode >= 0) tuple(triples, ((beforeCode << 16) | previousCode) >>> 0, code, () => before + previous + char)
        else other(before + previous + char)
      }
      if (previous !== '') {
        if (bmp && previousCode >= 0) tuple(pairs, ((previousCode << 16) | code) >>> 0, 0x10000, () => previous + char)
        else other(previous + char)
      }
      if (bmp) {
        if (chars[code] !== stamp) {
          chars[code] = stamp
          charIndex[code] = out.length
          push(char)
        } else count(charIndex[code]!)
      } else other(char)
      before = previous
      beforeCode = previousCode
      previous = char
      previousCode = bmp ? code : -1
      at += width
    }
  }
  const word = (run: string) => {
    if (previousWord !== '') other(previousWord + WORD_PAIR + run)
    other(run)
    previousWord = run
  }
  let titleGrams = 0
  texts.forEach((text, i) => {
    previousWord = ''
    scanRuns(normalizeForSearch(text), cjk, word)
    if (i === 0) titleGrams = out.length
  })
  const flags = counts.slice(0, out.length)
  for (let i = 0; i < titleGrams; i++) flags[i]! |= IN_TITLE
  return { grams: out, flags }
}

/** A run of a query: CJK characters (as code points) or one word. */
type Run = { cjk: true; chars: string[] } | { cjk: false; word: string }

function runsOf(text: string): Run[] {
  const runs: Run[] = []
  scanRuns(
    normalizeForSearch(text),
    (run, start, end) => runs.push({ cjk: true, chars: Array.from(run.slice(start, end)) }),
    (word) => runs.push({ cjk: false, word }),
  )
  return runs
}

/**
 * The index keys an article must all hold to contain `term` (already script-folded), distinct, in order:
 * a CJK run of one or two characters is itself, a longer one its overlapping trigrams; adjacent words
 * are their pairs, a lone word itself. With `limit`, at most that many keys, spread evenly over the term
 * from its first to its last (a pasted headline then costs a few buckets; the text check makes it exact).
 */
export function termKeys(term: string, limit = Infinity): string[] {
  const keys: string[] = []
  const runs = runsOf(term)
  runs.forEach((run, i) => {
    if (run.cjk) {
      const { chars } = run
      if (chars.length <= 2) keys.push(chars.join(''))
      for (let k = 0; k + 2 < chars.length; k++) keys.push(chars[k]! + chars[k + 1]! + chars[k + 2]!)
      return
    }
    const next = runs[i + 1]
    const previous = runs[i - 1]
    if (next && !next.cjk) keys.push(run.word + WORD_PAIR + next.word)
    else if (!previous || previous.cjk) keys.push(run.word)
  })
  const distinct = [...new Set(keys)]
  if (distinct.length <= limit) return distinct
  // The rarest keys first: trigrams and word pairs, not a lone number or word (2024, 5) that half the archive holds.
  const strong = distinct.filter(isStrongKey)
  const pool = strong.length >= limit ? strong : distinct
  const picked = new Set<number>()
  for (let i = 0; i < limit; i++) picked.add(Math.round((i * (pool.length - 1)) / Math.max(1, limit - 1)))
  return [...picked].map((i) => pool[i]!)
}

/** A CJK trigram or a pair of words. */
function isStrongKey(key: string): boolean {
  return key.includes(WORD_PAIR) || /^[^\p{ASCII}]{3}$/u.test(key)
}

/** The fewest grams an article must all contain to match a query: every key of it, as one term. */
export function queryGrams(query: string): string[] {
  return termKeys(query)
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

/** Values per posting: (article number − the previous one) × FLAG_BASE + the posting's flags (IN_TITLE | count). */
export const FLAG_BASE = 16

/** Postings of ascending numbers with their flags, as a bucket holds them (the ingest's merge writes the same form straight into JSON text). */
export function encodePostings(sorted: readonly number[], flags: readonly number[] = []): number[] {
  return sorted.map((n, i) => (i === 0 ? n : n - sorted[i - 1]!) * FLAG_BASE + (flags[i] ?? 0))
}

/** The article numbers of a posting list, ascending. */
export function decodePostings(values: readonly number[]): number[] {
  const out = new Array<number>(values.length)
  let acc = 0
  for (let i = 0; i < values.length; i++) out[i] = acc += Math.floor(values[i]! / FLAG_BASE)
  return out
}

/** The flags of each posting, in the order of decodePostings. */
export function decodeFlags(values: readonly number[]): number[] {
  return values.map((value) => value % FLAG_BASE)
}
