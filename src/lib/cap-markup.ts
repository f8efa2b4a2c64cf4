// Pure: untrusted HTML with its nesting depth and element count capped, before any parser sees it.
// Parsers pay for depth: htmlparser2 unshifts every open element onto an array (400,000 nested
// spans took 310 s to clean) and Chromium's own parser took 6.7 s on 50,000. One linear scan drops
// the tags, never the text, of elements nested deeper than maxDepth or past the first maxElements,
// so that content is flattened into the text of the element at the bound.
//
// The scan is a guard for time, not for safety: what it passes is still cleaned (ingest) or
// sanitized (DOMPurify). Where it reads a malformed tag differently from a parser, it keeps the
// markup as it was. Used by the ingest's cleaner and the browser's sanitizer alike.
import { MAX_DEPTH } from './html-policy'

// HTML's void elements, and what an opening tag closes (the parsers' "implied end tags", as
// htmlparser2's Parser.js has them; where a browser closes more, the scan only counts deeper, which
// flattens sooner, never later): without them a flat run of unclosed <p> or <li> would count as deep.
const VOID = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr'])
const P = new Set(['p'])
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p'])
const FORM = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'])
const IMPLIES_CLOSE = new Map<string, ReadonlySet<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['a', new Set(['a'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', new Set(['dd', 'dt'])],
  ['dt', new Set(['dd', 'dt'])],
  ['rt', new Set(['rt', 'rp'])],
  ['rp', new Set(['rt', 'rp'])],
  ['tbody', new Set(['thead', 'tbody'])],
  ['tfoot', new Set(['thead', 'tbody'])],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((tag) => [tag, HEADINGS] as const),
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((tag) => [tag, FORM] as const),
  ...['p', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map(
    (tag) => [tag, P] as const,
  ),
])
// Content read as text up to the element's own end tag: skipped whole, and past a bound dropped
// whole, or a script's source would surface as article text.
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript'])
/** How far down the open elements an end tag looks for its match: bounds the cost of stray end tags. */
const CLOSE_SEARCH = 64
const NAME = /[a-zA-Z][^\s/>]*/y

interface Open {
  name: string
  dropped: boolean
}

export interface MarkupBounds {
  maxDepth?: number
  maxElements?: number
}

export function capMarkup(html: string, { maxDepth = MAX_DEPTH, maxElements = Infinity }: MarkupBounds = {}): string {
  // Fewer tags than both bounds cannot break either: the usual article leaves here.
  let tags = 0
  const limit = Math.min(maxDepth, maxElements)
  for (let at = html.indexOf('<'); at !== -1 && tags <= limit; at = html.indexOf('<', at + 1)) tags++
  if (tags <= limit) return html

  const parts: string[] = []
  let kept = 0 // html[kept..] is not yet copied to parts
  const cut = (from: number, to: number) => {
    parts.push(html.slice(kept, from))
    kept = to
  }
  const stack: Open[] = []
  let elements = 0
  let at = html.indexOf('<')
  while (at !== -1 && at < html.length) {
    const next = html[at + 1]
    if (html.startsWith('<!--', at)) {
      const end = html.indexOf('-->', at + 4)
      if (end === -1) break
      at = html.indexOf('<', end + 3)
      continue
    }
    if (next === '!' || next === '?') {
      const end = html.indexOf('>', at)
      if (end === -1) break
      at = html.indexOf('<', end + 1)
      continue
    }
    const closing = next === '/'
    NAME.lastIndex = at + (closing ? 2 : 1)
    const match = NAME.exec(html)
    if (!match) {
      at = html.indexOf('<', at + 1) // a lone "<" is text
      continue
    }
    const name = match[0].toLowerCase()
    const end = tagEnd(html, NAME.lastIndex)
    if (end === -1) break // a tag the input never closes is text to a parser: keep the rest as it is
    if (closing) {
      const floor = Math.max(0, stack.length - CLOSE_SEARCH)
      let open = stack.length - 1
      while (open >= floor && stack[open]!.name !== name) open--
      if (open >= floor) {
        if (stack[open]!.dropped) cut(at, end)
        stack.length = open
      } else if ((name === 'br' || name === 'p') && stack.length >= maxDepth) {
        cut(at, end) // parsers make a stray </br> a <br>, and a stray </p> an empty <p></p>, one level down
      }
      at = html.indexOf('<', end)
      continue
    }
    const implied = IMPLIES_CLOSE.get(name)
    if (implied) while (stack.length > 0 && implied.has(stack.at(-1)!.name)) stack.pop()
    const dropped = ++elements > maxElements || stack.length >= maxDepth
    if (name === 'plaintext') {
      if (dropped) cut(at, end)
      break // everything after is text
    }
    if (RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}[\\s/>]`, 'ig')
      close.lastIndex = end
      const found = close.exec(html)
      const after = found ? tagEnd(html, found.index + 2 + name.length) : -1
      if (dropped) cut(at, after === -1 ? html.length : after)
      if (after === -1) break
      at = html.indexOf('<', after)
      continue
    }
    if (dropped) cut(at, end)
    if (!VOID.has(name)) stack.push({ name, dropped })
    at = html.indexOf('<', end)
  }
  if (parts.length === 0) return html
  parts.push(html.slice(kept))
  return parts.join('')
}

/** Index just past the `>` ending a tag whose name ends at `from` (quoted attribute values may hold `>`), or -1. */
function tagEnd(html: string, from: number): number {
  let afterEquals = false
  for (let i = from; i < html.length; i++) {
    const c = html[i]!
    if (c === '>') return i + 1
    if ((c === '"' || c === "'") && afterEquals) {
      const close = html.indexOf(c, i + 1)
      if (close === -1) return -1
      i = close
    }
    if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r' && c !== '\f') afterEquals = c === '='
  }
  return -1
}
