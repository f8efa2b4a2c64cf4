import { describe, expect, it } from 'vitest'
import type { ListEntry } from '../../types/data'
import { groupByDay, monthBars } from './group-by-day'

const entry = (id: string, publishedAt: string): ListEntry => ({ id, publishedAt, title: id, url: '', outlet: 'bbc', excerpt: '', chars: 0, readingMinutes: 1, lang: 'zh-Hans' })

describe('groupByDay', () => {
  const entries = [entry('c', '2024-01-01T03:00:00Z'), entry('b', '2023-12-31T17:00:00Z'), entry('a', '2023-12-31T15:00:00Z')]

  it('groups by the local day: 17:00 UTC on New Year’s Eve is already 2024 in Shanghai', () => {
    const years = groupByDay(entries)
    expect(years.map((y) => y.year)).toEqual(['2024', '2023'])
    expect(years[0]!.months[0]!.days[0]).toMatchObject({ day: '2024-01-01' })
    expect(years[0]!.months[0]!.days[0]!.entries.map((e) => e.id)).toEqual(['c', 'b'])
    expect(years[1]!.months[0]!.days[0]!.entries.map((e) => e.id)).toEqual(['a'])
  })

  it('uses the given zone', () => {
    const years = groupByDay(entries, 'America/New_York')
    expect(years.map((y) => y.year)).toEqual(['2023'])
    expect(years[0]!.months[0]!.days[0]!.entries.map((e) => e.id)).toEqual(['c', 'b', 'a'])
  })
})

describe('monthBars', () => {
  const months = { '2024-02': { rfi: 1 }, '2023-11': { bbc: 2, voa: 1 } }

  it('has one bar per month, oldest first, with empty months in between', () => {
    const bars = monthBars(months, ['bbc', 'rfi', 'voa'], [])
    expect(bars.map((b) => `${b.month}:${b.total}`)).toEqual(['2023-11:3', '2023-12:0', '2024-01:0', '2024-02:1'])
    expect(bars[0]!.byOutlet).toEqual([{ outlet: 'bbc', count: 2 }, { outlet: 'voa', count: 1 }])
  })

  it('counts only the chosen outlets', () => {
    expect(monthBars(months, ['bbc', 'rfi', 'voa'], ['voa']).map((b) => b.total)).toEqual([1, 0, 0, 0])
  })

  it('is empty for an empty archive', () => {
    expect(monthBars({}, [], [])).toEqual([])
  })
})
