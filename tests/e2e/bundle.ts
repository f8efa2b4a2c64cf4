// What the served bundle holds, read over HTTP like the app does, so tests name real ids.
import type { Page } from 'playwright-core'
import { MANIFEST_FILE, type IndexShard, type ListEntry, type Manifest } from '../../src/types/data'
import { baseURL } from './browser'

export interface ServedBundle {
  manifest: Manifest
  /** Newest first, as the list shows them. */
  entries: ListEntry[]
}

export async function servedBundle(): Promise<ServedBundle> {
  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${baseURL()}/data/${path}`)
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`)
    return (await response.json()) as T
  }
  const manifest = await get<Manifest>(MANIFEST_FILE)
  const shards = await Promise.all(manifest.shards.map((shard) => get<IndexShard>(shard.file)))
  return { manifest, entries: shards.flatMap((shard) => shard.entries) }
}

export function byOutlet(bundle: ServedBundle, outlet: string): ListEntry {
  const entry = bundle.entries.find((candidate) => candidate.outlet === outlet)
  if (!entry) throw new Error(`no ${outlet} article in the bundle`)
  return entry
}

/** Opens the app and stores one bookmark of `entry` (bookmarked 2024-05-01), as the store writes it. */
export async function seedBookmark(page: Page, bundle: ServedBundle, entry: ListEntry): Promise<void> {
  const outletName = bundle.manifest.outlets.find((outlet) => outlet.id === entry.outlet)?.name ?? entry.outlet
  await page.goto('/nowhere')
  await page.evaluate((bookmark) => localStorage.setItem('archive-reader:bookmarks', JSON.stringify({ version: 1, bookmarks: [bookmark] })), {
    id: entry.id,
    title: entry.title,
    url: entry.url,
    outlet: entry.outlet,
    outletName,
    publishedAt: entry.publishedAt,
    addedAt: '2024-05-01T00:00:00.000Z',
  })
}
