// Reading comfort: text size, line spacing and line width of the article body, remembered per
// browser. Applied as data attributes on <html>, which reading.css turns into the custom
// properties .article-body reads (no style attribute: the CSP allows none).
import { readItem, writeItem, type WriteResult } from '../../lib/storage'
import './reading.css'

export const SIZES = ['small', 'medium', 'large', 'largest'] as const
export const LEADINGS = ['compact', 'normal', 'loose'] as const
export const WIDTHS = ['narrow', 'normal', 'wide'] as const

export interface ReadingSettings {
  size: (typeof SIZES)[number]
  leading: (typeof LEADINGS)[number]
  width: (typeof WIDTHS)[number]
}

export const DEFAULT_READING: ReadingSettings = { size: 'medium', leading: 'normal', width: 'normal' }
export const READING_KEY = 'archive-reader:reading'

function pick<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback
}

/** The stored text -> settings; whatever cannot be read falls back to the default, field by field. */
export function readReadingSettings(raw: string | null): ReadingSettings {
  let data: unknown = null
  try {
    data = raw === null ? null : JSON.parse(raw)
  } catch {
    // Not JSON: the defaults. The stored text is left as it is until the reader changes a setting.
  }
  const value = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {}
  return {
    size: pick(SIZES, value.size, DEFAULT_READING.size),
    leading: pick(LEADINGS, value.leading, DEFAULT_READING.leading),
    width: pick(WIDTHS, value.width, DEFAULT_READING.width),
  }
}

export function storedReadingSettings(storage?: Storage | null): ReadingSettings {
  const read = readItem(READING_KEY, storage)
  return readReadingSettings(read.ok ? read.value : null)
}

export function applyReadingSettings(settings: ReadingSettings, root: HTMLElement = document.documentElement): void {
  root.dataset.readingSize = settings.size
  root.dataset.readingLeading = settings.leading
  root.dataset.readingWidth = settings.width
}

export function saveReadingSettings(settings: ReadingSettings, storage?: Storage | null): WriteResult {
  applyReadingSettings(settings)
  return writeItem(READING_KEY, JSON.stringify(settings), storage)
}

/** Before the first render, so an article opens at the reader's size. */
export function applyStoredReadingSettings(): void {
  applyReadingSettings(storedReadingSettings())
}
