// Anchoring a highlight in an article body's text, after the W3C Web Annotation model: a
// TextQuoteSelector (exact, prefix, suffix) with a TextPositionSelector (start, end) as a hint.
// Pure: text in, offsets out. Matching runs on a folded form of both sides (script fold,
// NFKC, case, whitespace dropped), so a body shown in the other script, or rendered again with
// other whitespace, still finds its quotes; a quote whose text is gone finds nothing.

/** Where a highlight sits: offsets into the body's text (its text nodes, in order, joined). */
export interface TextTarget {
  exact: string
  prefix: string
  suffix: string
  start: number
  end: number
}

export type Fold = (text: string) => string

/** Characters of context kept on each side of a quote. */
export const CONTEXT_CHARS = 32
/** Longest quote kept: a highlight is a passage, not the article. */
export const MAX_QUOTE_CHARS = 4000

/** A folded text and, for each of its characters, the span of the source it came from. */
export interface FoldedText {
  text: string
  starts: number[]
  ends: number[]
}

const WHITESPACE = /\s/u

/**
 * Folds text code point by code point (cached), dropping whitespace, and keeps where each
 * folded character came from. Per code point, so the stored quote and the rendered body fold
 * the same way whatever phrase the display conversion chose around them.
 */
export function foldWithMap(text: string, fold: Fold): FoldedText {
  const parts: string[] = []
  const starts: number[] = []
  const ends: number[] = []
  let index = 0
  for (const char of text) {
    const next = index + char.length
    if (!WHITESPACE.test(char)) {
      for (const folded of foldChar(char, fold)) {
        if (WHITESPACE.test(folded)) continue
        parts.push(folded)
        starts.push(index)
        ends.push(next)
      }
    }
    index = next
  }
  return { text: parts.join(''), starts, ends }
}

const foldCaches = new WeakMap<Fold, Map<string, string[]>>()

function foldChar(char: string, fold: Fold): string[] {
  let cache = foldCaches.get(fold)
  if (!cache) foldCaches.set(fold, (cache = new Map()))
  let folded = cache.get(char)
  if (!folded) cache.set(char, (folded = [...fold(char)]))
  return folded
}

/** The target of the passage [start, end) of a body's text, trimmed of whitespace at its edges; null when only whitespace. */
export function describeText(text: string, start: number, end: number): TextTarget | null {
  let from = Math.max(0, Math.min(start, end))
  let to = Math.min(text.length, Math.max(start, end))
  while (from < to && WHITESPACE.test(text[from]!)) from++
  while (to > from && WHITESPACE.test(text[to - 1]!)) to--
  if (from === to) return null
  to = Math.min(to, from + MAX_QUOTE_CHARS)
  return {
    exact: text.slice(from, to),
    prefix: text.slice(Math.max(0, from - CONTEXT_CHARS), from),
    suffix: text.slice(to, to + CONTEXT_CHARS),
    start: from,
    end: to,
  }
}

interface Candidate {
  /** Folded offsets. */
  start: number
  end: number
  errors: number
}

/**
 * Where a target sits in a body's text now, as source offsets [start, end), or null when it
 * cannot be found (detached). Exact matches of the folded quote first; failing that, the
 * closest approximate match within a quarter of the quote's length in edits (a display
 * conversion that is not one character for one). Among several, the one whose context and
 * position agree best with the stored ones.
 */
export function locate(body: FoldedText, target: TextTarget, fold: Fold): { start: number; end: number } | null {
  const quote = foldWithMap(target.exact, fold).text
  if (quote === '' || body.text === '') return null
  let candidates: Candidate[] = []
  for (let at = body.text.indexOf(quote); at >= 0; at = body.text.indexOf(quote, at + 1)) {
    candidates.push({ start: at, end: at + quote.length, errors: 0 })
  }
  if (candidates.length === 0) candidates = approximateMatches(body.text, quote, Math.floor(quote.length / 4))
  if (candidates.length === 0) return null
  const prefix = foldWithMap(target.prefix, fold).text
  const suffix = foldWithMap(target.suffix, fold).text
  const score = (candidate: Candidate) => {
    const before = commonSuffix(body.text.slice(Math.max(0, candidate.start - prefix.length), candidate.start), prefix)
    const after = commonPrefix(body.text.slice(candidate.end, candidate.end + suffix.length), suffix)
    const distance = Math.abs(body.starts[candidate.start]! - target.start) / Math.max(1, body.starts.length)
    return candidate.errors * 4 - before - after + distance
  }
  const best = candidates.reduce((a, b) => (score(b) < score(a) ? b : a))
  return { start: body.starts[best.start]!, end: body.ends[best.end - 1]! }
}

function commonPrefix(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[n] === b[n]) n++
  return n
}

function commonSuffix(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++
  return n
}

/** Quotes longer than this are not searched approximately: the table would be text × quote cells. */
const MAX_APPROXIMATE_QUOTE = 600
/** Nor over a body so long that the table would hold the page up (a 600-character quote in 50,000 characters). */
const MAX_APPROXIMATE_CELLS = 30_000_000

/**
 * Substrings of text within maxErrors edits of pattern (Sellers' algorithm: edit distance with
 * a free start), one per run of end positions at the run's best distance; each start is found
 * by the same table run backwards over the window before that end.
 */
export function approximateMatches(text: string, pattern: string, maxErrors: number): Candidate[] {
  const m = pattern.length
  if (maxErrors < 1 || m === 0 || m > MAX_APPROXIMATE_QUOTE || m * text.length > MAX_APPROXIMATE_CELLS) return []
  const ends: { end: number; errors: number }[] = []
  let column = Array.from({ length: m + 1 }, (_, i) => i)
  for (let j = 1; j <= text.length; j++) {
    const next = [0]
    for (let i = 1; i <= m; i++) {
      const cost = pattern[i - 1] === text[j - 1] ? 0 : 1
      next.push(Math.min(column[i - 1]! + cost, column[i]! + 1, next[i - 1]! + 1))
    }
    column = next
    if (column[m]! <= maxErrors) ends.push({ end: j, errors: column[m]! })
  }
  const best: { end: number; errors: number }[] = []
  for (const hit of ends) {
    const last = best.at(-1)
    if (last && hit.end - last.end <= maxErrors + 1) {
      if (hit.errors < last.errors) best[best.length - 1] = hit
    } else best.push(hit)
  }
  return best.map(({ end, errors }) => ({ start: matchStart(text, pattern, end, errors), end, errors }))
}

/** The start of the best match of pattern ending at end: the edit-distance table run backwards over the window before end. */
function matchStart(text: string, pattern: string, end: number, errors: number): number {
  const m = pattern.length
  const from = Math.max(0, end - m - errors)
  // Anchored at end (row 0 counts the text consumed), free at the start.
  let column = Array.from({ length: m + 1 }, (_, i) => i)
  let start = end - m
  let bestErrors = Infinity
  for (let j = end - 1; j >= from; j--) {
    const next = [end - j]
    for (let i = 1; i <= m; i++) {
      const cost = pattern[m - i] === text[j] ? 0 : 1
      next.push(Math.min(column[i - 1]! + cost, column[i]! + 1, next[i - 1]! + 1))
    }
    column = next
    const here = column[m]!
    if (here < bestErrors || (here === bestErrors && Math.abs(end - j - m) < Math.abs(end - start - m))) {
      bestErrors = here
      start = j
    }
  }
  return Math.max(0, Math.min(start, end - 1))
}
