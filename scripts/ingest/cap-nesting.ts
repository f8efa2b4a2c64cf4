// Pure: archived HTML with its element nesting capped, before the parser sees it. htmlparser2 keeps
// its open elements in an array it unshifts, so each tag costs as much as the depth and 200,000
// nested spans took minutes. Browsers cap the depth of the tree they build too (Chromium at 512).
// One linear pass over htmlparser2's own tokenizer drops the tags (never the text) of elements
// deeper than the cap, so deeper content is flattened into the text of the element at the cap.
import { Tokenizer } from 'htmlparser2'
import { MAX_DEPTH } from '../../src/lib/html-policy'

// The parser's own rules for what never nests (void elements) and what an opening tag closes
// (htmlparser2 Parser.js openImpliesClose): without them a flat run of unclosed <p> or <li> would
// count as deep.
const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr'])
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
// Elements whose content the tokenizer reads as text: beyond the cap they go whole, or a script's
// source would surface as article text.
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext'])
/** How far down the open elements a closing tag looks for its match: bounds the cost of stray end tags. */
const CLOSE_SEARCH = 64

interface Open {
  name: string
  dropped: boolean
}

export function capNesting(html: string, maxDepth: number = MAX_DEPTH): string {
  // Cheap exit for the usual article: fewer tags than the cap cannot nest deeper than it.
  let tags = 0
  for (let at = html.indexOf('<'); at !== -1 && tags <= maxDepth; at = html.indexOf('<', at + 1)) tags++
  if (tags <= maxDepth) return html

  const cuts: number[] = [] // [start, end) pairs, in order
  const stack: Open[] = []
  let name = ''
  let tagStart = 0
  let rawCut = -1 // start of a dropped raw-text element, cut through its end tag
  const open = (tagEnd: number) => {
    const implied = IMPLIES_CLOSE.get(name)
    if (implied) while (stack.length > 0 && implied.has(stack.at(-1)!.name)) stack.pop()
    if (VOID.has(name)) {
      if (stack.length >= maxDepth) cuts.push(tagStart, tagEnd)
      return
    }
    const dropped = stack.length >= maxDepth
    stack.push({ name, dropped })
    if (dropped && RAW_TEXT.has(name)) rawCut = tagStart
    else if (dropped) cuts.push(tagStart, tagEnd)
  }
  const noop = () => {}
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        name = html.slice(start, end).toLowerCase()
        tagStart = start - 1
      },
      onopentagend: (end) => open(end + 1),
      onselfclosingtag: (end) => open(end + 1),
      onclosetag(start, end) {
        const closing = html.slice(start, end).toLowerCase()
        const close = html.indexOf('>', end)
        const tagEnd = close === -1 ? html.length : close + 1
        const floor = Math.max(0, stack.length - CLOSE_SEARCH)
        let at = stack.length - 1
        while (at >= floor && stack[at]!.name !== closing) at--
        if (at < floor) return // a stray end tag: the parser ignores it too
        const element = stack[at]!
        stack.length = at
        if (!element.dropped) return
        if (rawCut !== -1) {
          cuts.push(rawCut, tagEnd)
          rawCut = -1
        } else {
          cuts.push(start - 2, tagEnd)
        }
      },
      onattribdata: noop,
      onattribentity: noop,
      onattribend: noop,
      onattribname: noop,
      oncdata: noop,
      oncomment: noop,
      ondeclaration: noop,
      onend: noop,
      onprocessinginstruction: noop,
      ontext: noop,
      ontextentity: noop,
    },
  )
  tokenizer.write(html)
  tokenizer.end()
  if (rawCut !== -1) cuts.push(rawCut, html.length)
  if (cuts.length === 0) return html
  const parts: string[] = []
  let from = 0
  for (let i = 0; i < cuts.length; i += 2) {
    parts.push(html.slice(from, cuts[i]))
    from = cuts[i + 1]!
  }
  parts.push(html.slice(from))
  return parts.join('')
}
