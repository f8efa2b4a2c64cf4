// The interface language: chosen from the browser's languages, switchable, remembered.
// `strings` (strings.ts) stays the one object every component reads; switching copies the
// chosen file's texts into its sections, so `const s = strings.app` at a module's top keeps
// working, and the app re-renders under a key (LanguageBoundary) to show them.
import { currentLanguage, HTML_LANG, intlLocaleFor, setCurrentLanguage, type Language } from './locale'
import { readItem, writeItem, type WriteResult } from './storage'
import { strings } from './strings'
import { en, type Messages } from './strings-en'

export type { Language } from './locale'
export const LANGUAGE_KEY = 'archive-reader:language'
export const LANGUAGES: readonly Language[] = ['zh', 'en']

type Sections = { -readonly [S in keyof Messages]: Record<string, unknown> }

// The Chinese texts as shipped, taken before any switch writes over them.
const zh = Object.fromEntries(Object.entries(strings).map(([section, texts]) => [section, { ...texts }])) as unknown as Messages
const FILES: Record<Language, Messages> = { zh, en }

/**
 * The reader's languages in their order of preference: the first that is Chinese or English
 * decides (en-US before zh-CN gives English). None of the two: English, the wider second
 * language; no languages known at all: Chinese, the archive's own.
 */
export function preferredLanguage(browserLanguages: readonly string[]): Language {
  for (const tag of browserLanguages) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0]
    if (primary === 'zh') return 'zh'
    if (primary === 'en') return 'en'
  }
  return browserLanguages.length > 0 ? 'en' : 'zh'
}

/** The stored choice, or null: none stored, storage off, or a value this app does not know (left as it is). */
export function storedLanguage(storage?: Storage | null): Language | null {
  const read = readItem(LANGUAGE_KEY, storage)
  if (!read.ok || read.value === null) return null
  return (LANGUAGES as readonly string[]).includes(read.value) ? (read.value as Language) : null
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return []
  return navigator.languages?.length ? navigator.languages : navigator.language ? [navigator.language] : []
}

const listeners = new Set<() => void>()

/** Puts the language's texts into `strings`, sets <html lang> and the Intl locale, tells subscribers. */
export function applyLanguage(language: Language): void {
  const target = strings as unknown as Sections
  const source = FILES[language] as unknown as Sections
  for (const section of Object.keys(source) as (keyof Sections)[]) Object.assign(target[section], source[section])
  setCurrentLanguage(language, intlLocaleFor(language, browserLanguages()))
  if (typeof document !== 'undefined') document.documentElement.lang = HTML_LANG[language]
  for (const listener of listeners) listener()
}

/** The reader's switch: remembered (when storage takes it), then applied. */
export function chooseLanguage(language: Language, storage?: Storage | null): WriteResult {
  const saved = writeItem(LANGUAGE_KEY, language, storage)
  applyLanguage(language)
  return saved
}

/** Before the first render: the stored choice, else the browser's. */
export function applyStoredLanguage(): void {
  applyLanguage(storedLanguage() ?? preferredLanguage(browserLanguages()))
}

export function subscribeLanguage(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export { currentLanguage }
