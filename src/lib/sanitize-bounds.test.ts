// @vitest-environment jsdom
// A tampered data file cannot hang the page: past the depth and size bounds, a body is its text.
import { describe, expect, it } from 'vitest'
import { MAX_DEPTH } from './html-policy'
import { sanitizeArticleHtml } from './sanitize'

function parse(html: string): HTMLElement {
  const root = document.createElement('div')
  // eslint-disable-next-line no-restricted-syntax -- reading back the sanitizer's own output
  root.innerHTML = String(sanitizeArticleHtml(html))
  return root
}

function depthOf(root: Element): number {
  let deepest = 0
  const pending: [Element, number][] = [[root, 0]]
  while (pending.length > 0) {
    const [element, depth] = pending.pop()!
    deepest = Math.max(deepest, depth)
    for (const child of element.children) pending.push([child, depth + 1])
  }
  return deepest
}

describe('the sanitizer bounds what it walks', () => {
  it('keeps the markup of a body within the bounds', () => {
    const html = '<p>' + '<b>'.repeat(20) + '粗' + '</b>'.repeat(20) + '</p>'
    expect(parse(html).querySelectorAll('b')).toHaveLength(20)
  })

  it(`renders what is nested deeper than ${MAX_DEPTH} as text, payloads included`, () => {
    const n = 1_000
    const html = '<p>前</p>' + '<span lang="en">'.repeat(n) + `深处<img src=x onerror="alert(1)"><script>alert(2)</script>的字` + '</span>'.repeat(n) + '<p>后</p>'
    const root = parse(html)
    expect(depthOf(root)).toBeLessThanOrEqual(MAX_DEPTH)
    expect(root.textContent).toBe('前深处的字后')
    expect(root.querySelector('img, script')).toBeNull()
  })

})
