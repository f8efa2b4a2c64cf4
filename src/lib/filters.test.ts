import { describe, expect, it } from 'vitest'
import { EMPTY_FILTERS, hasFilters, parseFilters, toSearch, toSearchParams } from './filters'

const KNOWN = ['bbc', 'rfi', 'voa', 'dw', 'zaobao']
const parse = (query: string) => parseFilters(new URLSearchParams(query), KNOWN)

describe('parseFilters', () => {
  it('reads every part', () => {
    expect(parse('outlet=voa,bbc&from=2024-01-01&to=2024-02-29&q=克里姆林宫')).toEqual({
      outlets: ['bbc', 'voa'],
      from: '2024-01-01',
      to: '2024-02-29',
      q: '克里姆林宫',
    })
  })

  it('is empty for an empty query', () => {
    expect(parse('')).toEqual(EMPTY_FILTERS)
  })

  it('drops unknown outlets and keeps the known ones', () => {
    expect(parse('outlet=cnn,bbc,,%20DW').outlets).toEqual(['bbc', 'dw'])
  })

  it('accepts repeated outlet parameters', () => {
    expect(parse('outlet=rfi&outlet=bbc').outlets).toEqual(['bbc', 'rfi'])
  })

  it('ignores a nonsense date and applies the rest', () => {
    expect(parse('from=banana&to=2024-02-07&outlet=rfi')).toEqual({ outlets: ['rfi'], from: null, to: '2024-02-07', q: '' })
    expect(parse('from=2023-02-30').from).toBeNull()
  })

  it('swaps a range written backwards', () => {
    expect(parse('from=2024-03-01&to=2024-01-01')).toMatchObject({ from: '2024-01-01', to: '2024-03-01' })
  })

  it('trims the search text and caps its length', () => {
    expect(parse('q=%20%20普京%20').q).toBe('普京')
    expect(parse(`q=${'字'.repeat(500)}`).q).toHaveLength(200)
  })
})

describe('toSearchParams', () => {
  it('writes the canonical order and leaves empty parts out', () => {
    expect(toSearchParams({ outlets: ['bbc', 'voa'], from: null, to: '2024-01-31', q: ' 普京 ' }).toString()).toBe('outlet=bbc%2Cvoa&to=2024-01-31&q=%E6%99%AE%E4%BA%AC')
    expect(toSearchParams(EMPTY_FILTERS).toString()).toBe('')
  })

  it('round-trips through parseFilters', () => {
    const filters = { outlets: ['rfi', 'dw'], from: '2022-03-01', to: '2024-04-30', q: 'Putin 普京' }
    expect(parseFilters(toSearchParams(filters), KNOWN)).toEqual(filters)
  })

  it('keeps commas readable in links', () => {
    expect(toSearch({ ...EMPTY_FILTERS, outlets: ['bbc', 'voa'] })).toBe('?outlet=bbc,voa')
    expect(toSearch(EMPTY_FILTERS)).toBe('')
  })
})

describe('group=story', () => {
  it('is read only as story, written last, and is no filter', () => {
    const filters = parseFilters(new URLSearchParams('group=story&outlet=voa'), KNOWN)
    expect(filters.group).toBe('story')
    expect(toSearch(filters)).toBe('?outlet=voa&group=story')
    expect(hasFilters({ ...EMPTY_FILTERS, group: 'story' })).toBe(false)
    expect(parseFilters(new URLSearchParams('group=outlet'), KNOWN).group).toBeUndefined()
    expect(toSearch(parseFilters(new URLSearchParams('group=STORY'), KNOWN))).toBe('')
  })
})
