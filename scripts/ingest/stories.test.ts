import { describe, expect, it } from 'vitest'
import type { ListEntry } from '../../src/types/data'
import { describeEvaluation, evaluateStories } from '../bench/stories-eval'
import { buildStories, DAY_MS, storyId } from './stories'
import { leadOf, storyFeature, storyTerms } from './story-features'

describe('story clustering on the labelled fixture', () => {
  it('groups the same event told by different outlets, and keeps other events of the same topic and week apart', () => {
    const result = evaluateStories()
    console.log(describeEvaluation(result))
    expect(result.positives + result.negatives).toBeGreaterThanOrEqual(60)
    expect(result.wrong).toEqual([]) // named, should one appear
    expect(result.precision).toBeGreaterThanOrEqual(0.9)
    expect(result.recall).toBeGreaterThanOrEqual(0.8)
  })
})

describe('story features', () => {
  it('folds Traditional to Simplified, so 國安法 and 国安法 are one term', () => {
    expect(storyTerms('香港國安法')).toEqual(storyTerms('香港国安法'))
    expect(storyFeature('賴清德當選總統', '')).toEqual(storyFeature('赖清德当选总统', ''))
  })

  it('keeps a number with its decimals, and drops English function words', () => {
    expect(storyTerms('規模7.2地震')).toEqual(['规模', '7.2', '地震'])
    expect(storyTerms('The Bank of Japan ends negative rates')).toEqual(['bank', 'japan', 'ends', 'negative', 'rates'])
  })

  it('reads the lead without the opening dateline', () => {
    expect(leadOf('（中央社記者溫貴香台北13日電）2024總統大選今天投開票')).toBe('2024總統大選今天投開票')
    expect(leadOf('【大紀元2024年03月04日訊】中共十四屆全國人大')).toBe('中共十四屆全國人大')
  })
})

describe('stories', () => {
  const entry = (id: string, outlet: string, publishedAt: string): ListEntry => ({
    id, outlet, publishedAt, title: id, url: `https://example.com/${id}`, excerpt: '', chars: 0, readingMinutes: 1, lang: 'zh-Hans',
  })

  it('makes an id from the sorted member ids only', () => {
    expect(storyId(['voa-aaaaaaaaaaaa', 'bbc-bbbbbbbbbbbb'])).toBe(storyId(['bbc-bbbbbbbbbbbb', 'voa-aaaaaaaaaaaa']))
    expect(storyId(['voa-aaaaaaaaaaaa', 'bbc-bbbbbbbbbbbb'])).not.toBe(storyId(['voa-aaaaaaaaaaaa', 'dw-bbbbbbbbbbbb']))
    expect(storyId(['a-aaaaaaaaaaaa', 'b-bbbbbbbbbbbb'])).toMatch(/^s-[a-z2-7]{12}$/)
  })

  it('lists members oldest first, outlets in order of first report, and the outlets of the window that did not report', () => {
    const day = (n: number, hour = 0) => new Date(Date.UTC(2024, 2, n, hour)).toISOString()
    const entries = [
      entry('rfi-aaaaaaaaaaaa', 'rfi', day(1)), // 9 days before: outside the window
      entry('dw-aaaaaaaaaaaa', 'dw', day(7, 1)), // 3 days before the first report: inside
      entry('voa-aaaaaaaaaaaa', 'voa', day(10, 1)),
      entry('bbc-aaaaaaaaaaaa', 'bbc', day(10, 5)),
      entry('voa-bbbbbbbbbbbb', 'voa', day(11)),
      entry('cna-aaaaaaaaaaaa', 'cna', day(14)), // 3 days after the last: inside
      entry('rti-aaaaaaaaaaaa', 'rti', day(14, 1)), // later: outside
    ]
    const [built] = buildStories(entries, [[4, 2, 3]], 3 * DAY_MS)
    expect(built!.story.members.map((m) => m.id)).toEqual(['voa-aaaaaaaaaaaa', 'bbc-aaaaaaaaaaaa', 'voa-bbbbbbbbbbbb'])
    expect(built!.ref).toEqual({ id: built!.story.id, size: 3, outlets: ['voa', 'bbc'] })
    expect(built!.story.absent).toEqual(['cna', 'dw'])
    expect(entries[3]!.story).toBe(built!.ref)
    expect(entries[0]!.story).toBeUndefined()
  })
})
