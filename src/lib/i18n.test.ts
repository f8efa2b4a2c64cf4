// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { createTestStorage } from '../../tests/unit/test-storage'
import { formatDate, formatDayKey, formatMonthKey, formatYear } from './dates'
import { applyLanguage, chooseLanguage, LANGUAGE_KEY, preferredLanguage, storedLanguage } from './i18n'
import { formatNumber } from './locale'
import { strings } from './strings'

// How components hold their section: once, at the top of the module.
const app = strings.app

afterEach(() => applyLanguage('zh'))

describe('preferredLanguage', () => {
  it('takes the first of the reader’s languages that is Chinese or English, in their order', () => {
    expect(preferredLanguage(['zh-CN'])).toBe('zh')
    expect(preferredLanguage(['zh-TW', 'en'])).toBe('zh')
    expect(preferredLanguage(['zh-Hant-HK'])).toBe('zh')
    expect(preferredLanguage(['en-US', 'zh-CN'])).toBe('en')
    expect(preferredLanguage(['fr-FR', 'zh_CN', 'en'])).toBe('zh')
    expect(preferredLanguage(['de', 'en-GB'])).toBe('en')
  })
  it('falls back to English for other languages, and to Chinese when the browser names none', () => {
    expect(preferredLanguage(['fr', 'ja'])).toBe('en')
    expect(preferredLanguage([])).toBe('zh')
  })
})

describe('storedLanguage', () => {
  it('reads a stored choice', () => {
    expect(storedLanguage(createTestStorage({ [LANGUAGE_KEY]: 'en' }))).toBe('en')
    expect(storedLanguage(createTestStorage({ [LANGUAGE_KEY]: 'zh' }))).toBe('zh')
  })
  it('ignores a value it does not know, and leaves it where it is', () => {
    const storage = createTestStorage({ [LANGUAGE_KEY]: '{"lang":"en"}' })
    expect(storedLanguage(storage)).toBeNull()
    expect(storage.entries()).toEqual({ [LANGUAGE_KEY]: '{"lang":"en"}' })
  })
  it('is null with nothing stored or storage off', () => {
    expect(storedLanguage(createTestStorage())).toBeNull()
    const off = createTestStorage({ [LANGUAGE_KEY]: 'en' })
    off.failReads = true
    expect(storedLanguage(off)).toBeNull()
  })
})

describe('switching', () => {
  it('puts the English texts into the same strings object, <html lang> following, and back', () => {
    applyLanguage('en')
    expect(app.navList).toBe('Articles')
    expect(strings.filters.resultCount(1)).toBe('1 article')
    expect(document.documentElement.lang).toBe('en')
    applyLanguage('zh')
    expect(app.navList).toBe('文章')
    expect(strings.filters.resultCount(1)).toBe('共 1 篇')
    expect(document.documentElement.lang).toBe('zh-Hans')
  })

  it('dates and numbers follow the interface', () => {
    expect(formatDate('2024-02-07T14:45:01Z')).toBe('2024年2月7日')
    expect(formatMonthKey('2023-03')).toBe('2023年3月')
    expect(formatYear(2023)).toBe('2023年')
    expect(formatDayKey('2023-03-21')).toBe('3月21日周二')
    expect(formatNumber(12345)).toBe('12,345')
    applyLanguage('en')
    expect(formatDate('2024-02-07T14:45:01Z')).toBe('February 7, 2024')
    expect(formatMonthKey('2023-03')).toBe('March 2023')
    expect(formatYear(2023)).toBe('2023')
    expect(formatDayKey('2023-03-21')).toBe('Tue, March 21')
    expect(strings.filters.resultCount(12345)).toBe('12,345 articles')
  })

  it('remembers the reader’s choice; with storage full the choice still applies to this page', () => {
    const storage = createTestStorage()
    expect(chooseLanguage('en', storage)).toEqual({ ok: true })
    expect(storage.entries()).toEqual({ [LANGUAGE_KEY]: 'en' })
    storage.failWrites = 'quota'
    expect(chooseLanguage('zh', storage)).toEqual({ ok: false, reason: 'quota' })
    expect(app.navList).toBe('文章')
  })
})
