// Pure: block structure of the cleaned tree. Containers become paragraphs or unwrap, a run of
// <br> splits a paragraph, captions join their images as <figure>/<figcaption>, and the relay
// footer and the leading dateline go.
import { type El, type Node, isBlank, isElement, isEmpty, isInline, normalizeSpace, textOf } from './html-tree'
import { isCredit, isDateline, isLeftoverLabel, isRelayFooter } from './junk-rules'

function isEdge(node: Node): boolean {
  return isBlank(node) || isElement(node, 'br')
}

export function trimBlank(children: Node[]): Node[] {
  let start = 0
  let end = children.length
  while (start < end && isEdge(children[start]!)) start++
  while (end > start && isEdge(children[end - 1]!)) end--
  return start === 0 && end === children.length ? children : children.slice(start, end)
}

/** A div-like container: only inline content -> one paragraph; otherwise unwrap into blocks. */
export function finishContainer(children: Node[]): Node[] {
  const figure = figureWithCredit(children)
  if (figure) return [figure]
  if (children.every(isInline)) return finishParagraph(children)
  return finishBlocks(children, false)
}

export function finishParagraph(children: Node[], attrs: Record<string, string> = {}): Node[] {
  // A block inside (a table a parser left in the <p>) cannot stay in a paragraph: blocks, runs between them paragraphs.
  if (!children.every(isInline)) return finishBlocks(children, false)
  const pieces = splitAtBreakRuns(children)
  if (pieces.length > 1) return pieces.flatMap((piece) => finishParagraph(piece, { ...attrs }))
  const trimmed = trimBlank(children)
  const el: El = { tag: 'p', attrs, children: trimmed }
  if (isEmpty(el)) return []
  if (isLeftoverLabel(textOf(trimmed).trim())) return []
  return [el]
}

/**
 * A paragraph's children cut at each run of two or more <br> (blank text between them allowed):
 * relays write `text<br /><br />text` in one <p>, and CJK typography separates paragraphs by
 * spacing, not indents. A single <br> is a line break and stays.
 */
function splitAtBreakRuns(children: Node[]): Node[][] {
  let breaks = 0
  for (const node of children) if (isElement(node, 'br')) breaks++
  if (breaks < 2) return [children]
  const pieces: Node[][] = []
  let start = 0
  for (let i = 0; i < children.length; i++) {
    if (!isElement(children[i], 'br')) continue
    let end = i + 1
    let run = 1
    while (end < children.length && (isElement(children[end], 'br') || isBlank(children[end]!))) {
      if (isElement(children[end], 'br')) run++
      end++
    }
    if (run >= 2) {
      pieces.push(children.slice(start, i))
      start = end
    }
    i = end - 1
  }
  pieces.push(children.slice(start))
  return pieces
}

/** Wraps runs of inline content between blocks into paragraphs; drops blank text between blocks. */
export function finishBlocks(children: Node[], isRoot: boolean): Node[] {
  const out: Node[] = []
  let run: Node[] = []
  for (const node of children) {
    if (isInline(node)) run.push(node)
    else {
      if (run.length > 0) out.push(...finishParagraph(run))
      run = []
      out.push(node)
    }
  }
  if (run.length > 0) out.push(...finishParagraph(run))
  return isRoot ? pairCaptions(dropRelayFooter(out)) : out
}

/** BBC-style image block: an image and a credit line (图像来源…) -> a figure. */
function figureWithCredit(children: Node[]): El | undefined {
  const items = children.filter((node) => !isBlank(node))
  if (items.length !== 2) return undefined
  const image = imageOf(items[0]!)
  const credit = items[1]!
  if (!image || typeof credit === 'string' || !isCredit(textOf([credit]).trim())) return undefined
  const small: El = { tag: 'small', attrs: {}, children: [textOf([credit]).trim()] }
  return figureOf([image, { tag: 'figcaption', attrs: {}, children: [small] }])
}

/** The image when a node is an image or a paragraph holding only one image. */
function imageOf(node: Node): El | undefined {
  if (typeof node === 'string') return undefined
  if (node.tag === 'img') return node
  if (node.tag !== 'p') return undefined
  const items = node.children.filter((child) => !isEdge(child))
  return items.length === 1 ? imageOf(items[0]!) : undefined
}

/** The caption text when a node is a paragraph holding only <small>…</small> (VOA and DW relays). */
function smallCaptionOf(node: Node): Node[] | undefined {
  if (!isElement(node, 'p')) return undefined
  const items = node.children.filter((child) => !isBlank(child))
  const only = items[0]
  if (items.length !== 1 || !isElement(only, 'small')) return undefined
  return only.children
}

function captionOf(figure: El): El | undefined {
  return figure.children.find((child): child is El => isElement(child, 'figcaption'))
}

/** A figure; an image whose alt repeats the caption gets alt="" (a screen reader would read it twice). */
function figureOf(children: Node[]): El {
  const figure: El = { tag: 'figure', attrs: {}, children }
  const caption = captionOf(figure)
  if (caption) {
    // The caption without its credit line (<small>), unless the credit is all there is.
    const own = textOf(caption.children.filter((child) => !isElement(child, 'small')))
    const text = normalizeSpace(own) || normalizeSpace(textOf(caption.children))
    for (const child of children) {
      if (isElement(child, 'img') && child.attrs.alt && normalizeSpace(child.attrs.alt) === text) child.attrs.alt = ''
    }
  }
  return figure
}

export function pairCaptions(nodes: Node[]): Node[] {
  const items = nodes.filter((node) => !isBlank(node))
  // A wrapper holding exactly a captionless figure and one short paragraph: that paragraph is its caption (BBC).
  if (items.length === 2) {
    const [first, second] = items as [Node, Node]
    if (isElement(first, 'figure') && isElement(second, 'p')) {
      const caption = captionOf(first)
      const hasOnlyCredit = !caption || caption.children.every((child) => isElement(child, 'small'))
      if (hasOnlyCredit && textOf(second.children).length <= 300 && second.children.every(isInline)) {
        const credit = caption ? [' ', ...caption.children] : []
        const images = first.children.filter((child) => child !== caption)
        const figcaption: El = { tag: 'figcaption', attrs: {}, children: [...second.children, ...credit] }
        return [figureOf([...images, figcaption])]
      }
    }
  }
  if (!nodes.some((node) => isElement(node, 'img') || isElement(node, 'p'))) return nodes
  const out: Node[] = []
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!
    const image = imageOf(node)
    if (image) {
      let j = i + 1
      while (j < nodes.length && isBlank(nodes[j]!)) j++
      const next = nodes[j]
      const caption = next === undefined ? undefined : isElement(next, 'figcaption') ? next.children : smallCaptionOf(next)
      if (caption) {
        const figcaption: El = { tag: 'figcaption', attrs: {}, children: trimBlank(caption) }
        out.push(figureOf(isEmpty(figcaption) ? [image] : [image, figcaption]))
        i = j
        continue
      }
    }
    out.push(node)
  }
  return out
}

/** Marks an element that starts the relay footer, so its parent can cut from there. */
export const FOOTER: El = { tag: '#relay-footer', attrs: {}, children: [] }

/** Cuts the feed relay's footer (获取更多RSS…), everything after it, and the rules and breaks just before it. */
export function dropRelayFooter(nodes: Node[]): Node[] {
  const at = nodes.findIndex((node) => (typeof node === 'string' ? isRelayFooter(node.trim()) : node === FOOTER))
  if (at === -1) return nodes
  const out = nodes.slice(0, at)
  while (out.length > 0) {
    const last = out[out.length - 1]!
    if (isEdge(last) || isElement(last, 'hr')) out.pop()
    else break
  }
  return out
}

/** The outlet's dateline repeats publishedAt: drop it from the top of the body. */
export function dropLeadingDatelines(nodes: Node[]): Node[] {
  const out = [...nodes]
  for (let i = 0; i < out.length; i++) {
    const node = out[i]!
    if (typeof node === 'string' || node.tag === 'figure' || imageOf(node)) continue
    const text = normalizeSpace(textOf([node]))
    if (text === '') continue
    if (!isDateline(text)) break
    out.splice(i, 1)
    i--
  }
  return out
}
