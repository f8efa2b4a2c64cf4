// @vitest-environment jsdom
// A tampered data file cannot hang the page: past the depth and size bounds, a body is its text.
import { describe, expect, it } from 'vitest'
import { MAX_DEPTH, MAX_ELEMENTS } from './html-policy'
import { keepFirstElements, sanitizeArticleHtml } from './sanitize'

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

describe('the parsed body keeps the markup of its first elements', () => {
  it('turns everything after the bound into one text node, in document order, scripts dropped', () => {
    const root = document.createElement('div')
    // eslint-disable-next-line no-restricted-syntax -- a test tree, never shown
    root.innerHTML = Array.from({ length: 8 }, (_, i) => `<p><b>${i}</b><script>s${i}</script></p>`).join('')
    keepFirstElements(root, 7)
    expect([...root.querySelectorAll('b')].map((b) => b.textContent)).toEqual(['0', '1'])
    expect(root.textContent).toBe('0s01s1234567')
  })

  it('stops a body whose unclosed formatting elements the parser rebuilds in every paragraph', () => {
    // 40 unclosed <b> in the first paragraph are rebuilt in each of 600 later ones: ~25,000 elements from 640 tags.
    const html = '<p>' + '<b title="i">'.repeat(40) + '首</p>' + '<p>段</p>'.repeat(600)
    const root = parse(html)
    expect(root.getElementsByTagName('*').length).toBeLessThanOrEqual(MAX_ELEMENTS)
    expect(root.textContent).toBe('首' + '段'.repeat(600))
  })
})
