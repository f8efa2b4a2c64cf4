// The search box's language, parsed once for the index lookup and the text check: terms separated
// by spaces must all appear; "a phrase" (or “…”, 「…」) is one term with its spaces; -term leaves out
// articles holding it; A OR B needs either. Pure: no index, no folding tables.
import { termKeys } from './search-grams'

export interface Term {
  /** As typed (inside the quotes for a phrase); folded for the index by foldQuery. */
  text: string
  phrase: boolean
}

export interface SearchQuery {
  /** Every group must match; a group matches when any of its terms does (A OR B is one group). */
  all: Term[][]
  /** An article holding any of these is left out. */
  none: Term[]
}

const QUOTES: Record<string, string> = { '"': '"', '“': '”', '「': '」', '『': '』' }

interface Token {
  text: string
  phrase: boolean
  negated: boolean
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = []
  let at = 0
  while (at < input.length) {
    if (/\s/u.test(input[at]!)) {
      at++
      continue
    }
    let negated = false
    if (input[at] === '-' && at + 1 < input.length && !/\s/u.test(input[at + 1]!)) {
      negated = true
      at++
    }
    const close = QUOTES[input[at]!]
    if (close !== undefined) {
      // An unclosed quote runs to the end: what is typed so far is the phrase.
      const end = input.indexOf(close, at + 1)
      const stop = end === -1 ? input.length : end
      tokens.push({ text: input.slice(at + 1, stop).trim(), phrase: true, negated })
      at = stop + 1
      continue
    }
    let end = at
    while (end < input.length && !/\s/u.test(input[end]!) && QUOTES[input[end]!] === undefined) end++
    tokens.push({ text: input.slice(at, end), phrase: false, negated })
    at = end
  }
  return tokens.filter((token) => token.text !== '')
}

/** Parses the box's text (or `q=`); never throws: anything it cannot read as an operator is a term. */
export function parseQuery(input: string): SearchQuery {
  const tokens = tokenize(input)
  const all: Term[][] = []
  const none: Term[] = []
  let joinNext = false // an OR stood between the last term and this one
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    const term = { text: token.text, phrase: token.phrase }
    const previous = tokens[i - 1]
    const next = tokens[i + 1]
    if (token.negated) none.push(term)
    // OR between two terms joins them (A OR B OR C is one group); anywhere else it is a word.
    else if (isOr(token) && !joinNext && previous && isPositive(previous) && next && isPositive(next)) joinNext = true
    else if (joinNext) {
      all.at(-1)!.push(term)
      joinNext = false
    } else all.push([term])
  }
  return { all, none }
}

function isPositive(token: Token): boolean {
  return !token.negated && !isOr(token)
}

function isOr(token: Token): boolean {
  return !token.phrase && !token.negated && token.text === 'OR'
}

/** The query with each term's text folded as the index holds it (foldScript, or case folding). */
export function foldQuery(query: SearchQuery, fold: (text: string) => string): SearchQuery {
  const each = (term: Term): Term => ({ ...term, text: fold(term.text) })
  return { all: query.all.map((group) => group.map(each)), none: query.none.map(each) }
}

/** True when the query asks for anything: a term with index keys. */
export function isSearch(query: SearchQuery): boolean {
  return query.all.some((group) => group.some((term) => termKeys(term.text).length > 0)) || query.none.some((term) => termKeys(term.text).length > 0)
}

/**
 * The index alone answers the query exactly: every term is one index key (a CJK run of 1–3
 * characters, a word, two adjacent words), so an article has that key exactly when it holds the
 * term. Otherwise (a longer run, a longer phrase, mixed scripts) the index may over-match, and only
 * the search texts tell.
 */
export function indexIsExact(query: SearchQuery): boolean {
  return [...query.all.flat(), ...query.none].every((term) => termKeys(term.text).length === 1)
}

/** Keys looked up per term: a pasted headline is found through a few trigrams, then checked on its text. */
export const MAX_TERM_KEYS = 4

/** The index keys of a folded term, as the list looks it up. */
export function lookupKeys(term: Term): string[] {
  return termKeys(term.text, MAX_TERM_KEYS)
}

/** Some term has more index keys than are looked up (a pasted headline, a long phrase): the index may list far more than hold it. */
export function hasLongTerm(query: SearchQuery): boolean {
  return query.all.flat().some((term) => termKeys(term.text).length > MAX_TERM_KEYS)
}

/** Every key the folded query looks up, distinct. */
export function queryKeys(query: SearchQuery): string[] {
  const keys = new Set<string>()
  for (const term of [...query.all.flat(), ...query.none]) for (const key of lookupKeys(term)) keys.add(key)
  return [...keys]
}
