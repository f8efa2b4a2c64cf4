// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { createTestStorage } from '../../../tests/unit/test-storage'
import { applyReadingSettings, DEFAULT_READING, READING_KEY, readReadingSettings, saveReadingSettings, storedReadingSettings } from './settings'

describe('reading settings', () => {
  it('are remembered: what is saved is what the next visit reads, and <html> carries it', () => {
    const storage = createTestStorage()
    const chosen = { size: 'largest', leading: 'loose', width: 'narrow' } as const
    expect(saveReadingSettings(chosen, storage)).toEqual({ ok: true })
    expect(storedReadingSettings(storage)).toEqual(chosen)
    const root = document.documentElement
    expect([root.dataset.readingSize, root.dataset.readingLeading, root.dataset.readingWidth]).toEqual(['largest', 'loose', 'narrow'])
  })

  it('start at the defaults with nothing stored or storage off', () => {
    expect(storedReadingSettings(createTestStorage())).toEqual(DEFAULT_READING)
    const off = createTestStorage({ [READING_KEY]: JSON.stringify({ size: 'large' }) })
    off.failReads = true
    expect(storedReadingSettings(off)).toEqual(DEFAULT_READING)
  })

  it('read what they can of a bad stored value, field by field, and leave it in place', () => {
    expect(readReadingSettings('not json')).toEqual(DEFAULT_READING)
    expect(readReadingSettings('[1,2]')).toEqual(DEFAULT_READING)
    expect(readReadingSettings('null')).toEqual(DEFAULT_READING)
    expect(readReadingSettings(JSON.stringify({ size: 'huge', leading: 'loose', width: 3 }))).toEqual({ ...DEFAULT_READING, leading: 'loose' })
    const storage = createTestStorage({ [READING_KEY]: '{oops' })
    storedReadingSettings(storage)
    expect(storage.entries()).toEqual({ [READING_KEY]: '{oops' })
  })

  it('still apply to the page when storage is full', () => {
    const storage = createTestStorage()
    storage.failWrites = 'quota'
    expect(saveReadingSettings({ ...DEFAULT_READING, size: 'small' }, storage)).toEqual({ ok: false, reason: 'quota' })
    expect(document.documentElement.dataset.readingSize).toBe('small')
    applyReadingSettings(DEFAULT_READING)
    expect(document.documentElement.dataset.readingSize).toBe('medium')
  })
})
