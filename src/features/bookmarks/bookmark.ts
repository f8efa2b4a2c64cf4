import type { ListEntry } from '../../types/data'

/** A snapshot, so a bookmark whose article left the archive stays listable. */
export interface Bookmark {
  id: string
  title: string
  url: string
  outlet: string
  outletName: string
  publishedAt: string
  addedAt: string
}

/** What a view hands the store to bookmark an article; the store stamps addedAt. */
export type BookmarkInput = Omit<Bookmark, 'addedAt'>

/** The bookmark of an archive entry as a list shows it. */
export function entryBookmark(entry: ListEntry, outletName: string): BookmarkInput {
  return { id: entry.id, title: entry.title, url: entry.url, outlet: entry.outlet, outletName, publishedAt: entry.publishedAt }
}
