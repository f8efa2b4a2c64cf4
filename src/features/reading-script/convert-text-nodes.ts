// Converts the text of a rendered, already sanitized body in place: only Text nodes' data changes,
// never markup, so no HTML string is built or re-injected (Trusted Types and the CSP stay untouched).
import { withoutMarks } from '../notes/dom-anchor'
import type { ConvertText } from './converter'

/** Each node's text as the archive stores it: converting again, or back to 原文, starts from it. */
const originals = new WeakMap<Text, string>()

/** Code is quoted verbatim: converting it would change what it says. */
const VERBATIM = 'code, pre, kbd, samp'

/** Sets every text node under root to convert(its original text), or back to the original when convert is null. */
export function convertTextNodes(root: Node, convert: ConvertText | null): void {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (node.parentElement?.closest(VERBATIM)) continue
    let original = originals.get(node)
    if (original === undefined) {
      original = node.data
      originals.set(node, original)
    }
    const shown = convert ? convert(original) : original
    if (node.data !== shown) node.data = shown
  }
}

/**
 * convertTextNodes over a body that may hold highlight marks: the marks split text nodes, so they are
 * taken out first (the text nodes are again the ones the body was rendered with, each with its whole
 * original) and drawn again by the highlights' observer after the change.
 */
export function convertBody(root: Element, convert: ConvertText | null): void {
  withoutMarks(root, () => convertTextNodes(root, convert))
}
