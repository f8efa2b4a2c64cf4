// Pure: the plain text of a cleaned body (one block a line, for search and counting) and its
// excerpt (the first real paragraphs, not captions, datelines or player links).
import { INLINE, type Node, isElement, normalizeSpace } from './html-tree'

const BLOCK_TEXT = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'figcaption', 'pre', 'tr', 'caption'])
const EXCERPT_CHARS = 120

/** Plain text, one block per line. */
export function blockText(nodes: readonly Node[]): string {
  const out = { text: '' }
  appendBlockText(nodes, out)
  return out.text
    .split('\n')
    .map(normalizeSpace)
    .filter((line) => line !== '')
    .join('\n')
}

function appendBlockText(nodes: readonly Node[], out: { text: string }): void {
  for (const node of nodes) {
    if (typeof node === 'string') out.text += node.includes('\n') ? node.replace(/\n/g, ' ') : node
    else if (node.tag === 'br') out.text += '\n'
    else if (BLOCK_TEXT.has(node.tag) || !INLINE.has(node.tag)) {
      out.text += '\n'
      appendBlockText(node.children, out)
      out.text += '\n'
    } else appendBlockText(node.children, out)
  }
}

/** About 120 characters of the first real paragraphs. */
export function excerptOf(nodes: readonly Node[]): string {
  const paragraphs: string[] = []
  const walk = (list: readonly Node[]) => {
    for (const node of list) {
      if (typeof node === 'string' || paragraphs.length >= 4) continue
      if (node.tag === 'figure' || node.tag === 'figcaption' || node.tag === 'table') continue
      if (node.tag === 'p' || node.tag === 'li' || node.tag === 'blockquote') {
        const isMediaLink = node.children.length === 1 && isElement(node.children[0], 'a')
        const text = normalizeSpace(blockText([node]))
        if (text && !isMediaLink) paragraphs.push(text)
      } else walk(node.children)
    }
  }
  walk(nodes)
  let text = ''
  for (const paragraph of paragraphs) {
    text = text ? `${text} ${paragraph}` : paragraph
    if (Array.from(text).length >= 60) break
  }
  if (!text) text = normalizeSpace(blockText(nodes))
  return truncateText(text, EXCERPT_CHARS)
}

/** At most `max` characters (code points), cut at a word boundary for Latin text, with an ellipsis. */
export function truncateText(text: string, max: number): string {
  const chars = Array.from(text)
  if (chars.length <= max) return text
  let cut = chars.slice(0, max).join('')
  const space = cut.lastIndexOf(' ')
  if (/[A-Za-z]$/.test(cut) && space > max * 0.6) cut = cut.slice(0, space)
  return cut.replace(/[\s,，、;；:：]+$/, '') + '…'
}
