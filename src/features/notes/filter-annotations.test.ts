import { expect, test } from 'vitest'
import { foldScript } from '../../lib/fold-script'
import { EMPTY_FILTERS } from '../../lib/filters'
import type { Annotation } from './annotation'
import { filterAnnotations } from './filter-annotations'

const make = (id: string, outlet: string, publishedAt: string, exact: string | null, note = ''): Annotation => ({
  id,
  source: { id: `${outlet}-${id}`, title: `${outlet} 的文章`, url: '', outlet, outletName: outlet.toUpperCase(), publishedAt, lang: 'zh-Hans' },
  ...(exact ? { target: { exact, prefix: '', suffix: '', start: 0, end: exact.length } } : {}),
  note,
  createdAt: '2026-12-01T00:00:00Z',
  updatedAt: '2026-12-01T00:00:00Z',
})

const all = [
  make('a', 'bbc', '2024-02-07T15:30:00Z', '和平峰会的邀请'),
  make('b', 'voa', '2023-03-21T02:00:00Z', null, '克里姆林宫的回应'),
  make('c', 'rfi', '2024-02-06T16:30:00Z', '瑞士外长', '再读'),
]
const ids = (filters: Partial<typeof EMPTY_FILTERS>) => filterAnnotations(all, { ...EMPTY_FILTERS, ...filters }, 'Asia/Shanghai').map((a) => a.id)

test('filters by outlet, by the local day the article was published, and by text in the quote, the note or the title', () => {
  expect(ids({})).toEqual(['a', 'b', 'c'])
  expect(ids({ outlets: ['bbc', 'rfi'] })).toEqual(['a', 'c'])
  // 2024-02-06T16:30Z is 2024-02-07 00:30 in Shanghai: the reader's day.
  expect(ids({ from: '2024-02-07', to: '2024-02-07' })).toEqual(['a', 'c'])
  expect(ids({ q: '峰会' })).toEqual(['a'])
  expect(ids({ q: '克里姆林宫' })).toEqual(['b'])
  expect(ids({ q: '再读' })).toEqual(['c'])
  expect(ids({ q: 'voa 的文章' })).toEqual(['b'])
  expect(ids({ q: '峰会', outlets: ['voa'] })).toEqual([])
})

test('with the script fold, a Traditional query finds a Simplified note and the other way round', () => {
  const folded = (q: string) => filterAnnotations(all, { ...EMPTY_FILTERS, q }, 'Asia/Shanghai', foldScript).map((a) => a.id)
  expect(folded('和平峰會')).toEqual(['a'])
  expect(folded('瑞士外長')).toEqual(['c'])
})
