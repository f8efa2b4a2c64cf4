// The filters of a collection the reader made (bookmarks, highlights and notes): the outlets it holds,
// named and coloured as in the archive, the URL filters over them, the folded query, and the years
// and newest day the date controls offer. One place, so /bookmarks and /notes filter alike.
import { useMemo } from 'react'
import { dayOf, formatDay } from '../../lib/dates'
import type { Manifest, Outlet } from '../../types/data'
import { manifestInfo } from '../articles/manifest-info'
import { useFoldedQuery } from '../articles/use-script-fold'
import { useUrlFilters } from '../articles/use-url-filters'

/** The colour of an outlet the archive no longer holds. */
export const NEUTRAL = '#78716c'

export interface CollectionItem {
  outlet: string
  outletName: string
  publishedAt: string
}

/** Outlets to offer as filters: those the collection holds, named and coloured as in the archive. */
export function collectionOutlets(items: readonly Pick<CollectionItem, 'outlet' | 'outletName'>[], archive: Map<string, Outlet>): Outlet[] {
  const counts = new Map<string, { name: string; count: number }>()
  for (const item of items) {
    const seen = counts.get(item.outlet)
    counts.set(item.outlet, { name: seen?.name ?? item.outletName, count: (seen?.count ?? 0) + 1 })
  }
  const order = [...archive.keys()]
  return [...counts.entries()]
    .sort(([a], [b]) => (order.indexOf(a) + 1 || Infinity) - (order.indexOf(b) + 1 || Infinity) || a.localeCompare(b))
    .map(([id, { name, count }]) => ({ id, name: archive.get(id)?.name ?? name, color: archive.get(id)?.color ?? NEUTRAL, count }))
}

/** `items` should keep its identity between renders (the store's array, or a memo of it). */
export function useCollectionFilters(items: readonly CollectionItem[], manifest: Manifest | undefined) {
  const archive = useMemo(() => (manifest ? manifestInfo(manifest).outlets : new Map<string, Outlet>()), [manifest])
  const outlets = useMemo(() => collectionOutlets(items, archive), [items, archive])
  const known = useMemo(() => outlets.map((outlet) => outlet.id), [outlets])
  const [filters, setFilters] = useUrlFilters(known)
  const { fold } = useFoldedQuery(filters.q) // until the tables load, texts match as written
  const years = [...new Set(items.map((item) => dayOf(item.publishedAt).year))].sort((a, b) => b - a)
  const newest = items.reduce<string | null>((max, item) => (max === null || item.publishedAt > max ? item.publishedAt : max), null)
  return { archive, outlets, filters, setFilters, fold, years, newestDay: newest ? formatDay(dayOf(newest)) : null }
}
