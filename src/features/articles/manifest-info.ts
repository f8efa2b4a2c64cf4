import { dayOf, formatDay } from '../../lib/dates'
import type { Manifest, Outlet } from '../../types/data'

const cache = new WeakMap<Manifest, { outlets: Map<string, Outlet>; ids: string[]; years: number[]; newestDay: string | null }>()

/** Facts derived once per manifest: outlets by id, their ids in order, years (newest first), newest local day. */
export function manifestInfo(manifest: Manifest) {
  let info = cache.get(manifest)
  if (!info) {
    const years = [...new Set(Object.keys(manifest.months).map((month) => Number(month.slice(0, 4))))].filter(Number.isFinite).sort((a, b) => b - a)
    const newest = manifest.shards[0]?.newest
    info = {
      outlets: new Map(manifest.outlets.map((outlet) => [outlet.id, outlet])),
      ids: manifest.outlets.map((outlet) => outlet.id),
      years,
      newestDay: newest ? formatDay(dayOf(newest)) : null,
    }
    cache.set(manifest, info)
  }
  return info
}
