// @vitest-environment jsdom
import { describe, expect, test } from 'vitest'
import { createTestStorage } from '../../tests/unit/test-storage'
import { backupKeyPrefix, createRecoverableStore, readStoredValue, type RecoverableSchema } from './recoverable-store'

const NOW = new Date('2024-03-01T08:00:00.000Z')

// A second store beside bookmarks: a list of words under its own key.
const words: RecoverableSchema<string[]> = {
  key: 'archive-reader:words',
  version: 1,
  empty: [],
  read(record) {
    if (!Array.isArray(record.words)) return null
    const good = record.words.filter((word): word is string => typeof word === 'string')
    return { value: good, bad: record.words.length - good.length }
  },
  write: (value) => ({ words: value }),
}

function storeOn(storage: ReturnType<typeof createTestStorage>, eventTarget: EventTarget | null = null) {
  return createRecoverableStore(words, { storage: () => storage, now: () => NOW, eventTarget: eventTarget as Window | null })
}

describe('a recoverable store of any schema', () => {
  test('writes { version, ...payload } under its own key and reads it back in the next tab', () => {
    const storage = createTestStorage({ 'archive-reader:bookmarks': 'untouched' })
    const store = storeOn(storage)
    expect(store.update((value) => [...value, '甲'])).toBe(true)
    expect(JSON.parse(storage.getItem(words.key)!)).toEqual({ version: 1, words: ['甲'] })
    expect(storeOn(storage).getSnapshot()).toEqual({ value: ['甲'], notice: null })
    expect(storage.getItem('archive-reader:bookmarks')).toBe('untouched')
  })

  test('an unreadable value goes to a backup under its own prefix and the good entries stay', () => {
    const raw = JSON.stringify({ version: 1, words: ['甲', 7, '乙'] })
    const storage = createTestStorage({ [words.key]: raw })
    const { value, notice } = storeOn(storage).getSnapshot()
    const backupKey = `${backupKeyPrefix(words.key)}${NOW.toISOString()}`
    expect(value).toEqual(['甲', '乙'])
    expect(notice).toEqual({ kind: 'recovered', backupKey, reason: { kind: 'bad-entries', count: 1 } })
    expect(storage.getItem(backupKey)).toBe(raw)
  })

  test('a newer version is shown as far as it reads and never written over', () => {
    const newer = JSON.stringify({ version: 3, words: ['新'] })
    const storage = createTestStorage({ [words.key]: newer })
    const store = storeOn(storage)
    expect(store.update((value) => [...value, '旧'])).toBe(false)
    expect(store.getSnapshot()).toEqual({ value: ['新', '旧'], notice: { kind: 'newer-version', version: '3' } })
    expect(storage.getItem(words.key)).toBe(newer)
  })

  test('follows its own key in another tab and ignores the keys of other stores', () => {
    const storage = createTestStorage()
    const target = new EventTarget()
    const store = storeOn(storage, target)
    const unsubscribe = store.subscribe(() => {})
    const before = store.getSnapshot()
    target.dispatchEvent(new StorageEvent('storage', { key: 'archive-reader:bookmarks' }))
    expect(store.getSnapshot()).toBe(before)
    storage.setItem(words.key, JSON.stringify({ version: 1, words: ['别的标签页'] }))
    target.dispatchEvent(new StorageEvent('storage', { key: words.key }))
    expect(store.getSnapshot().value).toEqual(['别的标签页'])
    unsubscribe()
  })

  test('readStoredValue names what it cannot read', () => {
    expect(readStoredValue(words, null)).toEqual({ kind: 'empty' })
    expect(readStoredValue(words, '{')).toEqual({ kind: 'unreadable', reason: { kind: 'not-json' } })
    expect(readStoredValue(words, '{"version":1}')).toEqual({ kind: 'unreadable', reason: { kind: 'wrong-shape' } })
    expect(readStoredValue(words, '{"words":[]}')).toEqual({ kind: 'unreadable', reason: { kind: 'old-version', version: null } })
  })
})
