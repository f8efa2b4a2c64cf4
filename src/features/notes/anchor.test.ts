import { Converter } from 'opencc-js/cn2t'
import { describe, expect, test } from 'vitest'
import { foldScript } from '../../lib/fold-script'
import { approximateMatches, describeText, foldWithMap, locate } from './anchor'

const BODY =
  '北京与莫斯科保持着密切关系，避免批评俄罗斯入侵乌克兰，但也称必须尊重所有国家的主权和领土完整。' +
  '卡西斯周三在北京的新闻发布会上被问及中方是否对“和平峰会”的邀请作出回应时说：“这是一次非常高级别的会议。”' +
  '他说，瑞士希望中国在和平进程中发挥作用。他还说，瑞士希望中国在和平进程中发挥作用。'

const toTraditional = Converter({ from: 'cn', to: 'twp' })
const anchorIn = (text: string, target: NonNullable<ReturnType<typeof describeText>>) => {
  const found = locate(foldWithMap(text, foldScript), target, foldScript)
  return found && text.slice(found.start, found.end)
}

function targetOf(text: string, quote: string, occurrence = 0) {
  let at = -1
  for (let n = 0; n <= occurrence; n++) at = text.indexOf(quote, at + 1)
  return describeText(text, at, at + quote.length)!
}

describe('describing a selection', () => {
  test('keeps the quote, 32 characters of context each side and its position', () => {
    const target = targetOf(BODY, '和平峰会')
    expect(target.exact).toBe('和平峰会')
    expect(target.prefix).toBe(BODY.slice(target.start - 32, target.start))
    expect(target.suffix).toBe(BODY.slice(target.end, target.end + 32))
    expect(BODY.slice(target.start, target.end)).toBe('和平峰会')
  })

  test('trims whitespace at the edges; a selection of only whitespace is nothing', () => {
    const text = 'a  卡西斯说 \n b'
    expect(describeText(text, 1, 9)?.exact).toBe('卡西斯说')
    expect(describeText(text, 1, 3)).toBeNull()
  })
})

describe('re-anchoring', () => {
  test('finds the same passage in the same text rendered again', () => {
    const target = targetOf(BODY, '避免批评俄罗斯入侵乌克兰')
    expect(anchorIn(BODY, target)).toBe('避免批评俄罗斯入侵乌克兰')
  })

  test('tells two identical sentences apart by their context and position', () => {
    const quote = '瑞士希望中国在和平进程中发挥作用'
    const second = targetOf(BODY, quote, 1)
    const found = locate(foldWithMap(BODY, foldScript), second, foldScript)!
    expect(found.start).toBe(second.start)
    const first = targetOf(BODY, quote, 0)
    expect(locate(foldWithMap(BODY, foldScript), first, foldScript)!.start).toBe(first.start)
  })

  test('a highlight made on Simplified text anchors in the body shown in Traditional, on the Traditional passage', () => {
    const target = targetOf(BODY, '新闻发布会上被问及中方是否')
    const traditional = toTraditional(BODY)
    expect(traditional).not.toBe(BODY)
    expect(anchorIn(traditional, target)).toBe(toTraditional('新闻发布会上被问及中方是否'))
  })

  test('a highlight made on Traditional text anchors in the Simplified body', () => {
    const traditional = toTraditional(BODY)
    const target = targetOf(traditional, toTraditional('尊重所有国家的主权'))
    expect(anchorIn(BODY, target)).toBe('尊重所有国家的主权')
  })

  test('survives other whitespace and a few changed characters (a conversion not one for one)', () => {
    const target = targetOf(BODY, '这是一次非常高级别的会议')
    expect(anchorIn(BODY.replace('这是一次', '这 是\n一次'), target)).toBe('这 是\n一次非常高级别的会议')
    expect(anchorIn(BODY.replace('高级别', '高層級'), target)).toBe('这是一次非常高層級的会议')
  })

  test('is detached when the passage is gone', () => {
    const target = targetOf(BODY, '卡西斯周三在北京的新闻发布会上')
    expect(anchorIn(BODY.replace(/卡西斯.*?回应时说/, ''), target)).toBeNull()
    expect(anchorIn('', target)).toBeNull()
  })
})

test('approximate matching finds a match within the allowed edits and none beyond', () => {
  expect(approximateMatches('the quick brown fox', 'quack', 1).map((m) => 'the quick brown fox'.slice(m.start, m.end))).toEqual(['quick'])
  expect(approximateMatches('the quick brown fox', 'qxxxk', 1)).toEqual([])
})
