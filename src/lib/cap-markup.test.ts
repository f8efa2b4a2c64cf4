import fc from 'fast-check'
import { textContent } from 'domutils'
import { parseDocument } from 'htmlparser2'
import { describe, expect, it } from 'vitest'
import { capMarkup } from './cap-markup'
import { MAX_DEPTH } from './html-policy'

/** Depth of the deepest element of the parsed tree. */
function depth(html: string): number {
  let deepest = 0
  const walk = (node: { children?: unknown[] }, level: number) => {
    deepest = Math.max(deepest, level)
    for (const child of node.children ?? []) if ((child as { type: string }).type === 'tag') walk(child as { children?: unknown[] }, level + 1)
  }
  walk(parseDocument(html), 0)
  return deepest
}

const nested = (count: number, open = '<span lang="en">', close = '</span>', inner = '深处的文字') => '<p>' + open.repeat(count) + inner + close.repeat(count) + '</p>'

describe('capMarkup', () => {
  it('leaves markup within the cap byte for byte', () => {
    const html = nested(MAX_DEPTH - 2) + '<ul><li>a<li>b</ul><p>x<p>y<br><img src="a.jpg">'
    expect(capMarkup(html)).toBe(html)
  })

  it('caps a deep nest at the cap and keeps all its text', () => {
    const html = nested(2000, '<span>', '</span>', 'a<b>b</b>c')
    const capped = capMarkup(html)
    expect(depth(capped)).toBeLessThanOrEqual(MAX_DEPTH)
    expect(parseDocument(capped).children.length).toBe(1)
    expect(capped.replace(/<[^>]*>/g, '')).toBe('abc')
  })

  it('does not count a flat run of unclosed <p>, <li> or void elements as depth', () => {
    const html = '<p>段落'.repeat(3000) + '<ul>' + '<li>条目'.repeat(3000) + '</ul>' + '<br>'.repeat(3000)
    expect(capMarkup(html)).toBe(html)
  })

  it('drops a script or style beyond the cap whole, so its source never becomes text', () => {
    const html = nested(MAX_DEPTH + 10, '<div>', '</div>', '正文<script>alert(1)</script><style>p{}</style>尾')
    const text = capMarkup(html).replace(/<[^>]*>/g, '')
    expect(text).toBe('正文尾')
  })

  it('ignores stray end tags the way the parser does', () => {
    const html = nested(MAX_DEPTH + 5, '<span>', '</span>', '中' + '</div>'.repeat(100) + '间')
    expect(capMarkup(html).replace(/<[^>]*>/g, '')).toBe('中间')
  })

  it('keeps the markup of the first elements up to maxElements and the text of the rest, scripts dropped whole', () => {
    const html = Array.from({ length: 6 }, (_, i) => `<p><b>${i}</b><script>s${i}</script></p>`).join('')
    const capped = capMarkup(html, { maxElements: 7 })
    expect(capped).toBe('<p><b>0</b><script>s0</script></p><p><b>1</b><script>s1</script></p><p>2</p>345')
  })

  it('reads comments, quoted attributes and raw text as a parser does, so what they hold is not counted', () => {
    const inside = '<span>'.repeat(MAX_DEPTH + 50)
    const html = `<!-- ${inside} --><p title="${inside}">a</p><script>${inside}</script><textarea>${inside}</textarea>`
    expect(capMarkup(html)).toBe(html)
  })

  it('keeps the text and caps the depth of arbitrary tag soup (property, cap 6)', () => {
    const tag = fc.constantFrom('p', 'span', 'div', 'b', 'a', 'li', 'ul', 'table', 'tr', 'td', 'br', 'img', 'h2', 'font')
    const piece = fc.oneof(
      tag.map((name) => `<${name}>`),
      tag.map((name) => `</${name}>`),
      fc.constantFrom('文字', 'a < b', '&amp;', '<!-- c -->', '<a href="x>y">', '</ p>', '<', 'x'),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), (pieces) => {
        const html = pieces.join('')
        const capped = capMarkup(html, { maxDepth: 6 })
        expect(textContent(parseDocument(capped))).toBe(textContent(parseDocument(html)))
        expect(depth(capped)).toBeLessThanOrEqual(6)
      }),
      { numRuns: 400 },
    )
  })

  it('keeps the text of arbitrary deep markup (property)', () => {
    const tag = fc.constantFrom('span', 'div', 'b', 'em', 'font', 'section')
    fc.assert(
      fc.property(fc.array(tag, { minLength: MAX_DEPTH + 1, maxLength: MAX_DEPTH + 80 }), fc.string({ maxLength: 8 }).filter((s) => !/[<&>]/.test(s)), (tags, text) => {
        const html = tags.map((t) => `<${t}>`).join('') + text + [...tags].reverse().map((t) => `</${t}>`).join('')
        const capped = capMarkup(html)
        expect(capped.replace(/<[^>]*>/g, '')).toBe(text)
        expect(depth(capped)).toBeLessThanOrEqual(MAX_DEPTH)
      }),
      { numRuns: 50 },
    )
  })
})
