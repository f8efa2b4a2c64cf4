// Read marks and saved searches stored as the app stores them, for browser tests to start from.
import type { Page } from 'playwright-core'

export const READ_KEY = 'archive-reader:read'
export const SAVED_SEARCHES_KEY = 'archive-reader:saved-searches'

/** Stores read marks for `ids` (the app's compact encoding: hashes grouped by outlet label). */
export async function seedReadMarks(page: Page, ids: readonly string[]): Promise<void> {
  const read: Record<string, string> = {}
  for (const id of ids) {
    const label = id.slice(0, -13)
    read[label] = (read[label] ?? '') + id.slice(-12)
  }
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [READ_KEY, JSON.stringify({ version: 1, read })] as const)
}

/** Stores one saved search of `query` (as toSearch writes it); matches newer than seenNewest count as new. */
export async function seedSavedSearch(page: Page, name: string, query: string, seenNewest: string | null): Promise<void> {
  const search = { id: 'seeded-1', name, query, createdAt: '2024-05-01T00:00:00.000Z', seenNewest, openedAt: null }
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [SAVED_SEARCHES_KEY, JSON.stringify({ version: 1, searches: [search] })] as const)
}
