// The exact check of a search hit on its text, and the snippet a result card shows. The index says
// which articles can hold the query (search-grams.ts); this says which do, and where. Text and terms
// meet as runs (scanRuns): CJK terms match anywhere inside a CJK run, words match whole words, and the
// spaces and punctuation between a phrase's words do not count ("human rights" finds "human, rights").
import { normalizeForSearch, scanRuns } from './search-grams'
import type { SearchQuery, Term } from './search-query'

interface Run {
  cjk: boolean
  start: number
  end: number
}

/**
 * A folded text, split into runs once for every term checked on it; split only when a term needs them
 * (one CJK term, the usual query, is found with indexOf: a results page's texts are never scanned then).
 */
export interface SearchText {
  readonly folded: string
  readonly runs: readonly Run[]
}

export function searchText(folded: string): SearchText {
  let runs: Run[] | undefined
  return {
    folded,
    get runs() {
      if (!runs) {
        const found: Run[] = (runs = [])
        scanRuns(
          folded,
          (_, start, end) => found.push({ cjk: true, start, end }),
          (_, start, end) => found.push({ cjk: false, start, end }),
        )
      }
      return runs
    },
  }
}

interface TermRun {
  cjk: boolean
  text: string
}

function termRuns(term: string): TermRun[] {
  const runs: TermRun[] = []
  scanRuns(
    normalizeForSearch(term),
    (text, start, end) => runs.push({ cjk: true, text: text.slice(start, end) }),
    (text) => runs.push({ cjk: false, text }),
  )
  return runs
}

/** Index of the first run that starts at or after `from`. */
function firstRunFrom(runs: readonly Run[], from: number): number {
  let low = 0
  let high = runs.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (runs[mid]!.start < from) low = mid + 1
    else high = mid
  }
  return low
}

export interface Range {
  start: number
  end: number
}

/** Where the folded term first occurs in the text at or after `from`, or null; a term with no letters never matches. */
export function findTerm(text: SearchText, term: string, from = 0): Range | null {
  const wanted = termRuns(term)
  if (wanted.length === 0) return null
  const { folded, runs } = text
  if (wanted.length === 1 && wanted[0]!.cjk) {
    const at = folded.indexOf(wanted[0]!.text, from)
    return at === -1 ? null : { start: at, end: at + wanted[0]!.text.length }
  }
  const last = wanted.length - 1
  // A CJK term run at the start may begin inside a run that starts before `from`.
  for (let i = Math.max(0, firstRunFrom(runs, from) - 1); i + last < runs.length; i++) {
    let ok = true
    for (let j = 0; j <= last && ok; j++) {
      const run = runs[i + j]!
      const want = wanted[j]!
      if (run.cjk !== want.cjk) ok = false
      else if (!want.cjk || (j > 0 && j < last)) ok = run.end - run.start === want.text.length && folded.startsWith(want.text, run.start)
      else if (j === 0) ok = run.end - run.start >= want.text.length && folded.startsWith(want.text, run.end - want.text.length)
      else ok = folded.startsWith(want.text, run.start)
    }
    if (!ok) continue
    const first = wanted[0]!
    const start = first.cjk ? runs[i]!.end - first.text.length : runs[i]!.start
    const end = wanted[last]!.cjk ? runs[i + last]!.start + wanted[last]!.text.length : runs[i + last]!.end
    if (start >= from) return { start, end }
  }
  return null
}

function hasLetters(term: Term): boolean {
  return termRuns(term.text).length > 0
}

/** The query (folded) holds for the text: each group has a term in it, no excluded term is. Terms without letters are ignored, as the index ignores them. */
export function matchesQuery(text: SearchText, query: SearchQuery): boolean {
  for (const group of query.all) {
    const terms = group.filter(hasLetters)
    if (terms.length > 0 && !terms.some((term) => findTerm(text, term.text) !== null)) return false
  }
  return !query.none.some((term) => hasLetters(term) && findTerm(text, term.text) !== null)
}

/** A text folded for search, with the offset in the original of each folded code unit (folding may change lengths: NFKC, case). */
export function foldWithOffsets(original: string, fold: (text: string) => string): { folded: string; original: (at: number) => number } {
  const whole = fold(original)
  if (whole.length === original.length) return { folded: whole, original: (at) => at }
  // Rare (ligatures, some capitals): fold one code point at a time to know where each piece came from.
  const offsets: number[] = []
  let folded = ''
  for (let at = 0; at < original.length; ) {
    const width = original.codePointAt(at)! > 0xffff ? 2 : 1
    const piece = fold(original.slice(at, at + width))
    for (let k = 0; k < piece.length; k++) offsets.push(at)
    folded += piece
    at += width
  }
  offsets.push(original.length)
  return { folded, original: (at) => offsets[Math.min(at, offsets.length - 1)]! }
}

export interface Snippet {
  /** Pieces of the original text in order; `mark` pieces are matches. */
  parts: { text: string; mark: boolean }[]
  /** Text was cut before the first piece / after the last. */
  cutStart: boolean
  cutEnd: boolean
}

/** Characters of context kept before and after the first match. */
const BEFORE = 30
const AFTER = 90

/**
 * The snippet around the first match in the body of a search text file (title line, then the body): the
 * line of the match, cut to a window around it, with every match of a wanted term inside the window marked.
 * Null when the body holds none (the title alone matched).
 */
export function snippetOf(file: string, query: SearchQuery, fold: (text: string) => string): Snippet | null {
  const { folded, original } = foldWithOffsets(file, fold)
  return snippetIn(file, searchText(folded), original, query)
}

/**
 * A search text file checked against the query: whether it holds it (matchesQuery) and, when it does,
 * its snippet (snippetOf). The text is folded once for both.
 */
export function checkText(file: string, query: SearchQuery, fold: (text: string) => string): { holds: boolean; snippet: Snippet | null } {
  const { folded, original } = foldWithOffsets(file, fold)
  const text = searchText(folded)
  const holds = matchesQuery(text, query)
  return { holds, snippet: holds ? snippetIn(file, text, original, query) : null }
}

function snippetIn(file: string, text: SearchText, original: (at: number) => number, query: SearchQuery): Snippet | null {
  const { folded } = text
  const bodyStart = folded.indexOf('\n') + 1
  if (bodyStart === 0) return null
  const terms = query.all.flat().filter(hasLetters)
  let first: Range | null = null
  for (const term of terms) {
    const found = findTerm(text, term.text, bodyStart)
    if (found && (!first || found.start < first.start)) first = found
  }
  if (!first) return null
  const lineStart = folded.lastIndexOf('\n', first.start - 1) + 1
  const lineEndAt = folded.indexOf('\n', first.end)
  const lineEnd = lineEndAt === -1 ? folded.length : lineEndAt
  const start = Math.max(lineStart, first.start - BEFORE)
  const end = Math.min(lineEnd, first.end + AFTER)
  const marks: Range[] = []
  for (const term of terms) {
    for (let found = findTerm(text, term.text, start); found && found.end <= end; found = findTerm(text, term.text, found.end)) marks.push(found)
  }
  marks.sort((a, b) => a.start - b.start || b.end - a.end)
  const parts: Snippet['parts'] = []
  let at = start
  for (const mark of marks) {
    if (mark.start < at) continue // overlaps a longer or earlier mark
    if (mark.start > at) parts.push({ text: file.slice(original(at), original(mark.start)), mark: false })
    parts.push({ text: file.slice(original(mark.start), original(mark.end)), mark: true })
    at = mark.end
  }
  if (at < end) parts.push({ text: file.slice(original(at), original(end)), mark: false })
  return { parts, cutStart: start > lineStart, cutEnd: end < lineEnd }
}
