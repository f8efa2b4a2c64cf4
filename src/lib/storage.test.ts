import { describe, expect, test } from 'vitest'
import { createTestStorage } from '../../tests/unit/test-storage'
import { keysWithPrefix, readItem, storageFailureOf, writeItem } from './storage'

describe('storage wrapper', () => {
  test('reads and writes through', () => {
    const storage = createTestStorage()
    expect(writeItem('k', 'v', storage)).toEqual({ ok: true })
    expect(readItem('k', storage)).toEqual({ ok: true, value: 'v' })
    expect(readItem('missing', storage)).toEqual({ ok: true, value: null })
  })

  test('lists the keys under a prefix, sorted; a storage that cannot be read lists nothing', () => {
    const storage = createTestStorage({ 'p:b': '2', other: 'x', 'p:a': '1' })
    expect(keysWithPrefix('p:', storage)).toEqual(['p:a', 'p:b'])
    expect(keysWithPrefix('p:', null)).toBeNull()
  })

  test('turns a throwing storage into values instead of exceptions', () => {
    const storage = createTestStorage()
    storage.failReads = true
    storage.failWrites = 'quota'
    expect(readItem('k', storage)).toEqual({ ok: false, reason: 'unavailable' })
    expect(writeItem('k', 'v', storage)).toEqual({ ok: false, reason: 'quota' })
    storage.failWrites = 'security'
    expect(writeItem('k', 'v', storage)).toEqual({ ok: false, reason: 'unavailable' })
    expect(writeItem('k', 'v', null)).toEqual({ ok: false, reason: 'unavailable' })
  })

  test('recognises quota errors under the names and codes browsers use', () => {
    expect(storageFailureOf(new DOMException('full', 'QuotaExceededError'))).toBe('quota')
    expect(storageFailureOf(Object.assign(new Error('full'), { name: 'NS_ERROR_DOM_QUOTA_REACHED', code: 1014 }))).toBe('quota')
    expect(storageFailureOf(Object.assign(new Error('full'), { code: 22 }))).toBe('quota')
    expect(storageFailureOf(new TypeError('x'))).toBe('unknown')
    expect(storageFailureOf('x')).toBe('unknown')
  })
})
