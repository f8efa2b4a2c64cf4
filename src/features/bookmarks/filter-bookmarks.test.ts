import { describe, expect, it } from 'vitest'
import { EMPTY_FILTERS } from '../../lib/filters'
import { foldScript } from '../../lib/fold-script'
import type { IndexShard, ShardRef } from '../../types/data'
import type { Bookmark } from './bookmark'
import { archiveStatus, filterBookmarks } from './filter-bookmarks'

const bookmark = (id: string, outlet: string, publishedAt: string, title: string): Bookmark => ({
  id,
  title,
  url: `https://example.com/${id}`,
  outlet,
  outletName: outlet.toUpperCase(),
  publishedAt,
  addedAt: '2025-01-01T00:00:00Z',
})

const marks = [
  bookmark('dw', 'dw', '2024-04-09T15:17:04Z', '习近平会见俄外长 普习会即将登场'),
  bookmark('voa', 'voa', '2023-03-21T20:39:04Z', '中俄元首呼吁重启乌克兰和谈'),
  bookmark('bbc', 'bbc', '2023-03-21T19:13:04Z', '习近平普京峰会'),
]

describe('filterBookmarks', () => {
  it('keeps the order and everything without filters', () => {
    expect(filterBookmarks(marks, EMPTY_FILTERS).map((b) => b.id)).toEqual(['dw', 'voa', 'bbc'])
  })

  it('filters by outlet, local day and title words', () => {
    expect(filterBookmarks(marks, { ...EMPTY_FILTERS, outlets: ['voa', 'bbc'] }).map((b) => b.id)).toEqual(['voa', 'bbc'])
    // 20:39 UTC on 21 March is 22 March in Shanghai, 19:13 UTC is 22 March 03:13.
    expect(filterBookmarks(marks, { ...EMPTY_FILTERS, from: '2023-03-22', to: '2023-03-22' }).map((b) => b.id)).toEqual(['voa', 'bbc'])
    expect(filterBookmarks(marks, { ...EMPTY_FILTERS, from: '2023-03-21', to: '2023-03-21' })).toEqual([])
    expect(filterBookmarks(marks, { ...EMPTY_FILTERS, q: '习近平' }).map((b) => b.id)).toEqual(['dw', 'bbc'])
  })

  it('searches the outlet name too (a bookmark keeps only its title and outlet)', () => {
    expect(filterBookmarks(marks, { ...EMPTY_FILTERS, q: 'VOA' }).map((b) => b.id)).toEqual(['voa'])
    expect(filterBookmarks(marks, { ...EMPTY_FILTERS, q: 'voa 和谈' }).map((b) => b.id)).toEqual(['voa'])
  })
  it('folds Traditional and Simplified both ways with the archive’s fold', () => {
    const both = [...marks, bookmark('cna', 'cna', '2024-04-09T10:00:00Z', '習近平會見俄羅斯外長拉夫羅夫')]
    const ids = (q: string) => filterBookmarks(both, { ...EMPTY_FILTERS, q }, undefined, foldScript).map((b) => b.id)
    expect(ids('會見')).toEqual(['dw', 'cna'])
    expect(ids('会见')).toEqual(['dw', 'cna'])
    expect(ids('俄罗斯外长')).toEqual(['cna'])
  })
})

describe('archiveStatus', () => {
  const ref: ShardRef = { file: 'index/0.json', month: '2024-04', start: 0, count: 1, newest: '2024-04-09T15:17:04Z', oldest: '2024-04-01T00:00:00Z' }
  const shard: IndexShard = { start: 0, entries: [{ id: 'dw', title: '', url: '', outlet: 'dw', publishedAt: '2024-04-09T15:17:04Z', excerpt: '', chars: 0, readingMinutes: 1, lang: 'zh-Hans' }] }

  it('is present when the covering shard lists the id', () => {
    expect(archiveStatus([ref], () => shard, marks[0]!)).toBe('present')
  })
  it('is present when the covering shard lists the id as an older version’s (an alias)', () => {
    const aliased: IndexShard = { ...shard, entries: [{ ...shard.entries[0]!, id: 'dw-newer', aliases: ['dw'] }] }
    expect(archiveStatus([ref], () => aliased, marks[0]!)).toBe('present')
  })
  it('is missing when no shard covers the date, or the covering one lacks the id', () => {
    expect(archiveStatus([ref], () => shard, marks[1]!)).toBe('missing')
    expect(archiveStatus([ref], () => ({ start: 0, entries: [] }), marks[0]!)).toBe('missing')
  })
  it('is unknown while the shard loads', () => {
    expect(archiveStatus([ref], () => undefined, marks[0]!)).toBe('unknown')
  })
})
