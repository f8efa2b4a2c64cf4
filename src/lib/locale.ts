// The interface language as Intl reads it: dates and numbers follow the interface, not the
// article. Kept apart from the message files so dates.ts and strings.ts can read it without a cycle.
export type Language = 'zh' | 'en'

/** The value of <html lang> for each interface language. */
export const HTML_LANG: Record<Language, string> = { zh: 'zh-Hans', en: 'en' }

let current: { language: Language; intl: string } = { language: 'zh', intl: 'zh-CN' }

export function currentLanguage(): Language {
  return current.language
}

/** The locale Intl formats with: zh-CN, or the reader's own English (en-GB, en-US…), or en. */
export function intlLocale(): string {
  return current.intl
}

export function intlLocaleFor(language: Language, browserLanguages: readonly string[]): string {
  if (language === 'zh') return 'zh-CN'
  const english = browserLanguages.find((tag) => /^en(-|$)/i.test(tag))
  try {
    return english ? (Intl.getCanonicalLocales(english)[0] ?? 'en') : 'en'
  } catch {
    return 'en'
  }
}

export function setCurrentLanguage(language: Language, intl: string): void {
  current = { language, intl }
}

const numberFormats = new Map<string, Intl.NumberFormat>()

/** 12,345 in the interface's locale. */
export function formatNumber(value: number): string {
  const locale = intlLocale()
  let format = numberFormats.get(locale)
  if (!format) {
    format = new Intl.NumberFormat(locale)
    numberFormats.set(locale, format)
  }
  return format.format(value)
}
