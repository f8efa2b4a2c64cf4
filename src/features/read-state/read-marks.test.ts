// @vitest-environment jsdom
import { describe, expect, test } from 'vitest'
import { parseFilters, toSearch } from '../../lib/filters'
import { backupKeyPrefix } from '../../lib/recoverable-store'
import { createTestStorage } from '../../../tests/unit/test-storage'
import { ID_ALPHABET, ID_HASH_LENGTH } from '../../types/bundle-paths'
import { READ_STATE_KEY, decodeReadMarks, encodeReadMarks, withMarks } from './read-marks'
import { createReadStateStore } from './store'

const NOW = new Date('2024-03-01T08:00:00.000Z')
const BBC_A = 'bbc-r27miehhcxnd'
const BBC_B = 'bbc-abcdefghijkl'
const VOA = 'voa-zzzzzzzzzzzz'
const DASHED = 'news-site-234567234567'

/** The n-th distinct 12-character hash of the id alphabet. */
function articleHash(n: number): string {
  return [...n.toString(32).padStart(ID_HASH_LENGTH, '0')].map((digit) => ID_ALPHABET[parseInt(digit, 32)]).join('')
}

function storeOn(storage: ReturnType<typeof createTestStorage>, eventTarget: EventTarget | null = null) {
  return createReadStateStore({ storage: () => storage, now: () => NOW, eventTarget: eventTarget as Window | null })
}

describe('read marks encoding', () => {
  test('groups hashes by outlet label and reads back the same ids, labels with dashes included', () => {
    const encoded = encodeReadMarks([BBC_A, VOA, BBC_B, DASHED])
    expect(encoded).toEqual({ bbc: 'r27miehhcxndabcdefghijkl', voa: 'zzzzzzzzzzzz', 'news-site': '234567234567' })
    expect(decodeReadMarks(encoded)).toEqual({ marks: new Set([BBC_A, BBC_B, VOA, DASHED]), bad: 0 })
  })

  test('20,000 marks take under 70 % of the characters of a JSON list of their ids', () => {
    const ids = Array.from({ length: 20_000 }, (_, n) => `${['bbc', 'voa', 'rfi', 'dw'][n % 4]}-${articleHash(n)}`)
    expect(decodeReadMarks(encodeReadMarks(ids))?.marks.size).toBe(20_000)
    expect(JSON.stringify(encodeReadMarks(ids)).length).toBeLessThan(JSON.stringify(ids).length * 0.7)
  })

  test('a group that is not whole hashes is counted bad and dropped; the other groups stay', () => {
    expect(decodeReadMarks({ bbc: 'r27miehhcxnd', voa: 'short', '../x': 'abcdefghijkl', dw: 7 })).toEqual({ marks: new Set([BBC_A]), bad: 3 })
    expect(decodeReadMarks(['bbc'])).toBeNull()
  })

  test('withMarks skips ids no bundle could hold and keeps the same set when nothing is new', () => {
    const marks = withMarks(new Set(), [BBC_A, '../../etc', 'BBC-R27MIEHHCXND', BBC_A])
    expect([...marks]).toEqual([BBC_A])
    expect(withMarks(marks, [BBC_A])).toBe(marks)
  })
})

describe('read-state store', () => {
  test('marks survive a reload, stored compactly under its own key', () => {
    const storage = createTestStorage()
    const store = storeOn(storage)
    store.markRead(BBC_A)
    store.markAllRead([VOA, BBC_B])
    expect(JSON.parse(storage.getItem(READ_STATE_KEY)!)).toEqual({ version: 1, read: { bbc: 'r27miehhcxndabcdefghijkl', voa: 'zzzzzzzzzzzz' } })
    expect([...storeOn(storage).marks()]).toEqual([BBC_A, BBC_B, VOA])
  })

  test('a damaged value is set aside in a backup, never deleted, and the readable marks stay', () => {
    const raw = JSON.stringify({ version: 1, read: { bbc: 'r27miehhcxnd', voa: 'broken' } })
    const storage = createTestStorage({ [READ_STATE_KEY]: raw })
    const store = storeOn(storage)
    const backupKey = `${backupKeyPrefix(READ_STATE_KEY)}${NOW.toISOString()}`
    expect(store.getSnapshot().notice).toEqual({ kind: 'recovered', backupKey, reason: { kind: 'bad-entries', count: 1 } })
    expect([...store.marks()]).toEqual([BBC_A])
    expect(storage.getItem(backupKey)).toBe(raw)
  })

  test('marks of a newer app version are read, never written over', () => {
    const newer = JSON.stringify({ version: 2, read: { bbc: 'r27miehhcxnd' }, readAt: {} })
    const storage = createTestStorage({ [READ_STATE_KEY]: newer })
    const store = storeOn(storage)
    store.markRead(VOA)
    expect(store.marks().has(BBC_A) && store.marks().has(VOA)).toBe(true)
    expect(storage.getItem(READ_STATE_KEY)).toBe(newer)
  })

  test('follows the marks another tab writes', () => {
    const storage = createTestStorage()
    const target = new EventTarget()
    const store = storeOn(storage, target)
    const unsubscribe = store.subscribe(() => {})
    storeOn(storage).markRead(VOA)
    target.dispatchEvent(new StorageEvent('storage', { key: READ_STATE_KEY }))
    expect(store.marks().has(VOA)).toBe(true)
    unsubscribe()
  })
})

test('unread=1 is a filter of the URL like the others: read, written back, and cleared with them', () => {
  const filters = parseFilters(new URLSearchParams('?outlet=bbc&unread=1'), ['bbc'])
  expect(filters).toEqual({ outlets: ['bbc'], from: null, to: null, q: '', unread: true })
  expect(toSearch(filters)).toBe('?outlet=bbc&unread=1')
  expect(toSearch({ ...filters, unread: false })).toBe('?outlet=bbc')
  expect(parseFilters(new URLSearchParams('?unread=yes'), [])).not.toHaveProperty('unread')
})
