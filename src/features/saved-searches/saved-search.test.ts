import { describe, expect, test } from 'vitest'
import type { ListEntry } from '../../types/data'
import { COUNT_LOAD_LIMIT, countsAreSettled, matchCounts } from './match-count'
import { checkName, mergeSavedSearches, readSavedSearch, readSavedSearches, savedFilters, savedQuery, type SavedSearch } from './saved-search'

function search(id: string, overrides: Partial<SavedSearch> = {}): SavedSearch {
  return { id, name: `搜索 ${id}`, query: '?q=%E5%85%8B%E5%AE%AB', createdAt: '2024-03-01T00:00:00.000Z', seenNewest: '2024-03-01T00:00:00.000Z', openedAt: null, ...overrides }
}

function entry(id: string, publishedAt: string): ListEntry {
  return { id, title: id, url: `https://news.test/${id}`, outlet: 'bbc', publishedAt, excerpt: '', chars: 100, readingMinutes: 1, lang: 'zh-Hans' }
}

describe('saved search filters', () => {
  test('keep text, outlets and dates of the current filters, never unread', () => {
    const query = savedQuery({ q: '克里姆林宫', outlets: ['bbc', 'voa'], from: '2023-03-01', to: '2023-03-31', unread: true })
    expect(query).toBe('?outlet=bbc,voa&from=2023-03-01&to=2023-03-31&q=%E5%85%8B%E9%87%8C%E5%A7%86%E6%9E%97%E5%AE%AB')
    expect(savedFilters({ query }, ['bbc', 'voa', 'rfi'])).toEqual({ q: '克里姆林宫', outlets: ['bbc', 'voa'], from: '2023-03-01', to: '2023-03-31' })
  })

  test('read back by the URL rules: an outlet the archive no longer has is dropped, the rest applies', () => {
    expect(savedFilters({ query: '?outlet=gone,bbc&from=banana&q=%E5%85%8B' }, ['bbc'])).toEqual({ q: '克', outlets: ['bbc'], from: null, to: null })
  })
})

describe('reading stored or imported saved searches', () => {
  test.each([
    ['not an object', 'x', '不是一个对象'],
    ['an id with a slash', search('../x'), '“id”无效'],
    ['an empty name', search('a', { name: '  ' }), '“name”无效'],
    ['a name of 81 characters', search('a', { name: '名'.repeat(81) }), '“name”无效'],
    ['a query that is not a query string', search('a', { query: 'javascript:alert(1)' }), '“query”无效'],
    ['a seen date that is no date', search('a', { seenNewest: 'yesterday' }), '“seenNewest”无效'],
  ])('%s is rejected with a message naming the field', (_label, value, message) => {
    const result = readSavedSearch(value)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problem).toContain(message)
  })

  test('good entries are kept when some are bad, extra fields dropped', () => {
    const { searches, bad } = readSavedSearches([{ ...search('a'), extra: 1 }, { id: 'b' }, search('c', { seenNewest: null })])
    expect(searches.map((s) => s.id)).toEqual(['a', 'c'])
    expect(Object.keys(searches[0]!).sort()).toEqual(['createdAt', 'id', 'name', 'openedAt', 'query', 'seenNewest'])
    expect(bad).toBe(1)
  })

  test('a merge is a union by id; the later seen mark wins, so an old backup never makes articles new again', () => {
    const current = [search('a', { seenNewest: '2024-04-01T00:00:00.000Z', name: '旧名' }), search('b')]
    const incoming = [search('a', { seenNewest: '2024-01-01T00:00:00.000Z', name: '新名' }), search('c')]
    const merged = mergeSavedSearches(current, incoming)
    expect(merged.added).toBe(1)
    expect(merged.searches.map((s) => [s.id, s.name, s.seenNewest])).toEqual([
      ['a', '新名', '2024-04-01T00:00:00.000Z'],
      ['b', '搜索 b', '2024-03-01T00:00:00.000Z'],
      ['c', '搜索 c', '2024-03-01T00:00:00.000Z'],
    ])
  })

  test('a name is trimmed; empty or too long gets a message', () => {
    expect(checkName('  克宫 ')).toEqual({ ok: true, name: '克宫' })
    expect(checkName(' ')).toMatchObject({ ok: false, error: '名称不能为空。' })
    expect(checkName('名'.repeat(81))).toMatchObject({ ok: false })
  })
})

describe('match and new counts', () => {
  const list = [entry('c', '2024-03-03T00:00:00.000Z'), entry('b', '2024-03-02T00:00:00.000Z'), entry('a', '2024-03-01T00:00:00.000Z')]

  test('counts the matches newer than what was seen', () => {
    expect(matchCounts({ entries: list, total: 3, complete: true }, '2024-03-01T00:00:00.000Z')).toEqual({ total: 3, atLeast: 3, fresh: 2 })
    expect(matchCounts({ entries: list, total: 3, complete: true }, '2024-03-03T00:00:00.000Z').fresh).toBe(0)
  })

  test('never opened and nothing seen: every match is new', () => {
    expect(matchCounts({ entries: list, total: 3, complete: true }, null).fresh).toBe(3)
  })

  test('the new count waits until the loaded list reaches what was seen', () => {
    const partial = list.slice(0, 2)
    expect(matchCounts({ entries: partial, total: 10, complete: false }, '2024-01-01T00:00:00.000Z').fresh).toBeNull()
    expect(matchCounts({ entries: partial, total: 10, complete: false }, '2024-03-02T00:00:00.000Z').fresh).toBe(1)
  })

  test('loading stops once the seen mark is reached and the total is known, or at the cap', () => {
    expect(countsAreSettled(list, '2024-03-02T00:00:00.000Z', true)).toBe(true)
    expect(countsAreSettled(list, '2024-03-02T00:00:00.000Z', false)).toBe(false)
    expect(countsAreSettled(list.slice(0, 1), '2024-03-02T00:00:00.000Z', true)).toBe(false)
    const many = Array.from({ length: COUNT_LOAD_LIMIT }, (_, n) => entry(`e${n}`, '2024-03-03T00:00:00.000Z'))
    expect(countsAreSettled(many, null, false)).toBe(true)
  })
})

describe('saved search store', () => {
  test('save, open (marks the newest match seen, never moves it back), rename and delete, all persisted', async () => {
    const { createTestStorage } = await import('../../../tests/unit/test-storage')
    const { createSavedSearchStore } = await import('./store')
    const storage = createTestStorage()
    const options = { storage: () => storage, now: () => new Date('2024-05-01T00:00:00.000Z'), eventTarget: null }
    const store = createSavedSearchStore(options)
    const saved = store.save('克宫', '?q=%E5%85%8B%E5%AE%AB', '2024-03-01T00:00:00.000Z')
    store.open(saved.id, '2024-04-01T00:00:00.000Z')
    store.open(saved.id, '2024-02-01T00:00:00.000Z')
    store.rename(saved.id, '克里姆林宫')
    const [reloaded] = createSavedSearchStore(options).getSnapshot().value
    expect(reloaded).toMatchObject({ name: '克里姆林宫', seenNewest: '2024-04-01T00:00:00.000Z', openedAt: '2024-05-01T00:00:00.000Z' })
    store.remove(saved.id)
    expect(createSavedSearchStore(options).getSnapshot().value).toEqual([])
  })
})
