import { describe, expect, it } from 'vitest'
import type { ListEntry } from '../../types/data'
import { checkWindow } from './filter-entries'

const entries = Array.from({ length: 10 }, (_, n) => ({ id: `a-${n}` }) as ListEntry)
const ids = (list: readonly ListEntry[]) => list.map((entry) => entry.id)

describe('the hits a results page checks', () => {
  it('reaches past the ones known wrong, to one more than a page of the others', () => {
    expect(ids(checkWindow(entries, new Set(), 3, 100))).toEqual(['a-0', 'a-1', 'a-2', 'a-3'])
    expect(ids(checkWindow(entries, new Set(['a-0', 'a-2']), 3, 100))).toEqual(['a-0', 'a-1', 'a-2', 'a-3', 'a-4', 'a-5'])
  })

  it('stops at the cap however many are wrong, and at the end of the hits', () => {
    const wrong = new Set(ids(entries).slice(0, 8))
    expect(checkWindow(entries, wrong, 3, 5)).toHaveLength(5)
    expect(checkWindow(entries, wrong, 3, 100)).toHaveLength(10)
  })
})
