// Pure: the cleaner's small tree (text, or an element that already passed the policy), the
// questions every stage asks of it, and its serialisation. Nothing the policy did not pass can be
// written, because only this tree is serialised, never the parsed input.

/** A cleaned node: text, or an element whose tag and attributes already passed the policy. */
export type Node = string | El
export interface El {
  tag: string
  attrs: Record<string, string>
  children: Node[]
}

export const INLINE = new Set([
  'a', 'strong', 'b', 'em', 'i', 'u', 's', 'small', 'sub', 'sup', 'mark', 'q', 'cite', 'abbr', 'time', 'span',
  'code', 'br', 'img',
])
const VOID = new Set(['br', 'hr', 'img'])

export function isElement(node: Node | undefined, tag?: string): node is El {
  return node !== undefined && typeof node !== 'string' && (tag === undefined || node.tag === tag)
}

export function isBlank(node: Node): boolean {
  return typeof node === 'string' && node.trim() === ''
}

export function isInline(node: Node): boolean {
  return typeof node === 'string' || INLINE.has(node.tag)
}

export function hasContent(nodes: readonly Node[]): boolean {
  for (const node of nodes) {
    if (typeof node === 'string') {
      if (node.trim() !== '') return true
    } else if (node.tag === 'img' || node.tag === 'hr' || hasContent(node.children)) return true
  }
  return false
}

export function isEmpty(el: El): boolean {
  return !hasContent(el.children)
}

export function textOf(nodes: readonly Node[]): string {
  let out = ''
  for (const node of nodes) out += typeof node === 'string' ? node : textOf(node.children)
  return out
}

export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
}

function escapeAttr(text: string): string {
  return text.replace(/[&"<>]/g, (c) => (c === '&' ? '&amp;' : c === '"' ? '&quot;' : c === '<' ? '&lt;' : '&gt;'))
}

export function serialize(nodes: readonly Node[]): string {
  let out = ''
  for (const node of nodes) {
    if (typeof node === 'string') {
      out += escapeText(node)
      continue
    }
    out += '<' + node.tag
    for (const [name, value] of Object.entries(node.attrs)) out += ` ${name}="${escapeAttr(value)}"`
    out += '>'
    if (VOID.has(node.tag)) continue
    out += serialize(node.children) + `</${node.tag}>`
  }
  return out
}
