// @vitest-environment jsdom
import { Converter } from 'opencc-js/cn2t'
import { beforeEach, describe, expect, test } from 'vitest'
import { foldScript } from '../../lib/fold-script'
import { convertBody } from '../reading-script/convert-text-nodes'
import { describeText } from './anchor'
import { bodyText, clearMarks, drawHighlights, rangeOffsets } from './dom-anchor'

const HTML =
  '<p>北京与莫斯科保持着<strong>密切关系</strong>，避免批评俄罗斯入侵乌克兰。</p>\n' +
  '<p>卡西斯周三在北京的新闻发布会上说：“这是一次非常高级别的会议，我们不能期待立即得到答复”。</p>'

let root: HTMLDivElement
/** Renders markup as a fresh body would be (a parsed document's nodes moved in). */
function render<T extends Element>(target: T, html: string): T {
  target.replaceChildren(...new DOMParser().parseFromString(html, 'text/html').body.childNodes)
  return target
}
beforeEach(() => {
  root = document.createElement('div')
  render(root, HTML)
  document.body.replaceChildren(root)
})

/** What a reader's selection of `quote` (its first occurrence) in the body looks like as a target. */
function select(quote: string) {
  const body = bodyText(root)
  const at = body.text.indexOf(quote)
  const range = document.createRange()
  const start = body.nodes.find((n) => n.start <= at && at < n.start + n.node.length)!
  const end = body.nodes.find((n) => n.start < at + quote.length && at + quote.length <= n.start + n.node.length)!
  range.setStart(start.node, at - start.start)
  range.setEnd(end.node, at + quote.length - end.start)
  const offsets = rangeOffsets(root, body, range)!
  return describeText(body.text, offsets.start, offsets.end)!
}

const draw = (targets: { id: string; target: NonNullable<ReturnType<typeof describeText>> }[]) =>
  drawHighlights(root, targets, foldScript, (id) => ({ label: `高亮 ${id}` }))
const markedText = (id: string) =>
  [...root.querySelectorAll(`mark[data-annotation="${id}"]`)].map((mark) => [...mark.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('')).join('')

test('a selection across an element boundary becomes marks around exactly that text, the first one focusable and labelled', () => {
  const target = select('密切关系，避免批评')
  expect(target.exact).toBe('密切关系，避免批评')
  const drawn = draw([{ id: 'a', target }])
  expect(drawn.detached).toEqual([])
  expect(markedText('a')).toBe('密切关系，避免批评')
  const first = drawn.marks.get('a')![0]!
  expect(first.tabIndex).toBe(0)
  expect(first.textContent).toContain('高亮 a')
  // The marks add no text to what anchoring reads.
  expect(bodyText(root).text).toBe(bodyText(render(document.createElement('div'), HTML)).text)
})

test('re-anchors after the body is rendered again from the same HTML', () => {
  const target = select('非常高级别的会议')
  render(root, HTML)
  expect(draw([{ id: 'a', target }]).detached).toEqual([])
  expect(markedText('a')).toBe('非常高级别的会议')
})

test('re-anchors after the text nodes are converted to Traditional, on the converted passage', () => {
  const target = select('避免批评俄罗斯入侵乌克兰')
  const toTraditional = Converter({ from: 'cn', to: 'tw' })
  draw([{ id: 'a', target }])
  // What a script control does: convert every text node in place (here after our marks went in).
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) (node as Text).data = toTraditional((node as Text).data)
  expect(draw([{ id: 'a', target }]).detached).toEqual([])
  expect(markedText('a')).toBe('避免批評俄羅斯入侵烏克蘭')
})

test('is detached, and drawn nowhere, when its text is gone; the others still draw', () => {
  const gone = select('不能期待立即得到答复')
  const kept = select('北京与莫斯科')
  render(root, '<p>北京与莫斯科保持着密切关系。</p>')
  const drawn = draw([
    { id: 'gone', target: gone },
    { id: 'kept', target: kept },
  ])
  expect(drawn.detached).toEqual(['gone'])
  expect(root.querySelectorAll('mark[data-annotation="gone"]')).toHaveLength(0)
  expect(markedText('kept')).toBe('北京与莫斯科')
})

describe('clearing', () => {
  test('puts the body back as rendered: same text nodes merged, no marks, no labels', () => {
    const before = root.innerHTML
    draw([
      { id: 'a', target: select('密切关系，避免') },
      { id: 'b', target: select('关系，避免批评俄罗斯') },
    ])
    expect(root.querySelectorAll('mark').length).toBeGreaterThan(2)
    clearMarks(root)
    expect(root.innerHTML).toBe(before)
  })
})

test('a conversion made without the marks finds every text node as rendered, and the highlight draws on the converted text', async () => {
  const { withoutMarks } = await import('./dom-anchor')
  const target = select('密切关系，避免批评')
  draw([{ id: 'a', target }])
  const rendered = bodyText(render(document.createElement('div'), HTML)).nodes.map(({ node }) => node.data)
  withoutMarks(root, () => {
    expect(root.querySelectorAll('mark')).toHaveLength(0)
    expect(bodyText(root).nodes.map(({ node }) => node.data)).toEqual(rendered)
    for (const { node } of bodyText(root).nodes) node.data = node.data.replace('关系', '關係')
  })
  draw([{ id: 'a', target }])
  expect(markedText('a')).toBe('密切關係，避免批评')
})

test('the script control over a highlighted body: 繁 and back to 原文 gives the archived text, every character kept, the highlight anchored both ways', () => {
  const original = bodyText(root).text
  const target = select('密切关系，避免批评')
  const toTraditional = Converter({ from: 'cn', to: 'tw' })
  draw([{ id: 'a', target }]) // the marks split the text nodes the control converts
  convertBody(root, toTraditional)
  expect(bodyText(root).text).toBe(toTraditional(original))
  expect(draw([{ id: 'a', target }]).detached).toEqual([])
  expect(markedText('a')).toBe('密切關係，避免批評')
  convertBody(root, null)
  expect(bodyText(root).text).toBe(original)
  expect(draw([{ id: 'a', target }]).detached).toEqual([])
  expect(markedText('a')).toBe('密切关系，避免批评')
})
