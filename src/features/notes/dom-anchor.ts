// The article body's text as anchoring sees it, and highlights drawn into it as <mark> elements
// wrapped around text nodes with DOM calls only (no HTML strings: the body stays under Trusted
// Types). Offsets count the body's text nodes in document order, leaving out what the app itself
// adds to the body (a missing image's placeholder, the marks' own hidden labels).
import { foldWithMap, locate, type Fold, type FoldedText, type TextTarget } from './anchor'

/** Elements whose text is the app's, not the article's. */
const NOT_ARTICLE_TEXT = '.safe-html-missing-image, [data-annotation-label]'
export const MARK_ATTRIBUTE = 'data-annotation'

export interface BodyText {
  text: string
  nodes: { node: Text; start: number }[]
}

export function bodyText(root: Element): BodyText {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(NOT_ARTICLE_TEXT) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  })
  const nodes: BodyText['nodes'] = []
  const parts: string[] = []
  let start = 0
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text
    nodes.push({ node: text, start })
    parts.push(text.data)
    start += text.data.length
  }
  return { text: parts.join(''), nodes }
}

/** A range's ends as offsets into bodyText, or null when it is not inside root. */
export function rangeOffsets(root: Element, body: BodyText, range: Range): { start: number; end: number } | null {
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null
  const offsetOf = (container: Node, offset: number) => {
    if (container.nodeType === Node.TEXT_NODE) {
      const entry = body.nodes.find((candidate) => candidate.node === container)
      if (entry) return entry.start + offset
    }
    const point = root.ownerDocument.createRange()
    point.setStart(container, offset)
    // The first counted text node at or after the point.
    const after = body.nodes.find((candidate) => point.comparePoint(candidate.node, 0) >= 0)
    return after ? after.start : body.text.length
  }
  const start = offsetOf(range.startContainer, range.startOffset)
  const end = offsetOf(range.endContainer, range.endOffset)
  return start < end ? { start, end } : null
}

export interface MarkOptions {
  id: string
  /** The first piece is where the keyboard and a screen reader reach the highlight. */
  label: string
  describedBy?: string
  className?: string
}

/** Wraps the text of [start, end) in marks, splitting text nodes at the ends; returns the marks, first one first. */
export function wrapRange(root: Element, start: number, end: number, options: MarkOptions): HTMLElement[] {
  const body = bodyText(root)
  const pieces: Text[] = []
  for (const { node, start: nodeStart } of body.nodes) {
    const nodeEnd = nodeStart + node.data.length
    if (nodeEnd <= start || nodeStart >= end) continue
    // Whitespace between blocks is no part of a passage.
    if (node.data.trim() === '') continue
    let piece = node
    if (end < nodeEnd) piece.splitText(end - nodeStart)
    if (start > nodeStart) piece = piece.splitText(start - nodeStart)
    pieces.push(piece)
  }
  const document = root.ownerDocument
  const marks = pieces.map((piece) => {
    const mark = document.createElement('mark')
    mark.setAttribute(MARK_ATTRIBUTE, options.id)
    if (options.className) mark.className = options.className
    piece.before(mark)
    mark.append(piece)
    return mark
  })
  const first = marks[0]
  if (first) {
    first.tabIndex = 0
    first.setAttribute('data-annotation-first', '')
    // Heard before the passage: what it is and that it has a note; the note itself is described.
    const label = document.createElement('span')
    label.className = 'sr-only'
    label.setAttribute('data-annotation-label', '')
    label.textContent = options.label
    first.prepend(label)
    if (options.describedBy) first.setAttribute('aria-describedby', options.describedBy)
  }
  return marks
}

/** Takes every mark out again, merging the text nodes it had split, so the body is as it was rendered. */
export function clearMarks(root: Element): void {
  const parents = new Set<Node>()
  for (const label of root.querySelectorAll('[data-annotation-label]')) label.remove()
  for (const mark of root.querySelectorAll(`mark[${MARK_ATTRIBUTE}]`)) {
    const parent = mark.parentNode
    if (!parent) continue
    mark.replaceWith(...mark.childNodes)
    parents.add(parent)
  }
  for (const parent of parents) if (parent.isConnected || root.contains(parent)) parent.normalize()
}

/** Where targets were found in a body's text, kept while that text stays the same. */
export interface AnchorCache {
  text: string | null
  folded: FoldedText | null
  spans: Map<string, { start: number; end: number } | null>
}

export const createAnchorCache = (): AnchorCache => ({ text: null, folded: null, spans: new Map() })

/**
 * For code that rewrites the body's text nodes (a script conversion that keeps each node's
 * original): takes the marks out first, so every text node is one the body was rendered with;
 * the highlights are drawn again by the body's observer once the change is made.
 */
export function withoutMarks(root: Element, change: () => void): void {
  clearMarks(root)
  change()
}

export interface Drawn {
  /** Highlight id -> its marks, first one first. */
  marks: Map<string, HTMLElement[]>
  /** Highlights whose passage is not in the body now: kept, listed as detached. */
  detached: string[]
}

/**
 * Clears the marks and draws every highlight again where its passage is now, oldest first so a
 * later one nests inside an earlier one it overlaps.
 */
export function drawHighlights(
  root: Element,
  highlights: readonly { id: string; target: TextTarget }[],
  fold: Fold,
  markOptions: (id: string) => Omit<MarkOptions, 'id'>,
  cache: AnchorCache = createAnchorCache(),
): Drawn {
  clearMarks(root)
  const body = bodyText(root)
  // The body redraws on every change to it (an image's placeholder too): search again only when its text changed.
  if (cache.text !== body.text) {
    cache.text = body.text
    cache.folded = foldWithMap(body.text, fold)
    cache.spans.clear()
  }
  const spanOf = (target: TextTarget) => {
    const key = JSON.stringify(target)
    if (!cache.spans.has(key)) cache.spans.set(key, locate(cache.folded!, target, fold))
    return cache.spans.get(key)!
  }
  const spans = highlights.map((highlight) => ({ id: highlight.id, span: spanOf(highlight.target) }))
  const drawn: Drawn = { marks: new Map(), detached: [] }
  for (const { id, span } of spans) {
    const marks = span ? wrapRange(root, span.start, span.end, { id, ...markOptions(id) }) : []
    if (marks.length > 0) drawn.marks.set(id, marks)
    else drawn.detached.push(id)
  }
  return drawn
}
