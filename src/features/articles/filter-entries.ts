// Pure filter logic shared by the list, the timeline and the detail's previous/next.
import { dayRangeInstants, parseDay } from '../../lib/dates'
import type { Filters } from '../../lib/filters'
import type { IndexShard, ListEntry, Manifest, ShardRef } from '../../types/data'

export interface CompiledFilter {
  /** null: every outlet. */
  outlets: ReadonlySet<string> | null
  /** [start, end) in epoch ms; local day boundaries already applied. */
  start: number
  end: number
  /** Article numbers matching the search (ascending), null when there is no search. */
  numbers: readonly number[] | null
  /** Articles left out by id (the read ones, under `unread=1`), null when none are. */
  skip?: ReadonlySet<string> | null
}

export function compileFilter(filters: Filters, numbers: readonly number[] | null, timeZone?: string): CompiledFilter {
  const { start, end } = dayRangeInstants(parseDay(filters.from), parseDay(filters.to), timeZone)
  return { outlets: filters.outlets.length > 0 ? new Set(filters.outlets) : null, start, end, numbers }
}

/** A shard as fetched; `numbers` gives each entry's article number when malformed entries were dropped. */
export type Shard = IndexShard & { numbers?: readonly number[] }

/** Entries of one shard that pass the filter, newest first. */
export function matchingEntries(shard: Shard, filter: CompiledFilter): ListEntry[] {
  const end = shard.numbers ? (shard.numbers.at(-1) ?? shard.start) + 1 : shard.start + shard.entries.length
  const wanted = filter.numbers ? numbersInRange(filter.numbers, shard.start, end) : null
  const out: ListEntry[] = []
  shard.entries.forEach((entry, index) => {
    if (wanted && !wanted.has(shard.numbers?.[index] ?? shard.start + index)) return
    if (passes(entry, filter)) out.push(entry)
  })
  return out
}

/** The entry passes the filter's outlets, skipped ids and time range (not its search numbers). */
function passes(entry: ListEntry, filter: CompiledFilter): boolean {
  if (filter.outlets && !filter.outlets.has(entry.outlet)) return false
  if (filter.skip?.has(entry.id)) return false
  const time = Date.parse(entry.publishedAt)
  return time >= filter.start && time < filter.end
}

/** Shards that can hold a match, newest first: by outlet months, by time range, by search numbers. */
export function candidateShards(manifest: Manifest, filter: CompiledFilter): ShardRef[] {
  return manifest.shards.filter((shard) => {
    if (filter.outlets) {
      const month = manifest.months[shard.month] ?? {}
      let count = 0
      for (const id of filter.outlets) count += month[id] ?? 0
      if (count === 0) return false
    }
    if (Date.parse(shard.newest) < filter.start || Date.parse(shard.oldest) >= filter.end) return false
    if (filter.numbers && !hasNumberInRange(filter.numbers, shard.start, shard.start + shard.count)) return false
    return true
  })
}

/** Index of the first element >= value in an ascending array. */
function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (sorted[mid]! < value) low = mid + 1
    else high = mid
  }
  return low
}

function hasNumberInRange(sorted: readonly number[], start: number, end: number): boolean {
  const i = lowerBound(sorted, start)
  return i < sorted.length && sorted[i]! < end
}

function numbersInRange(sorted: readonly number[], start: number, end: number): Set<number> {
  const out = new Set<number>()
  for (let i = lowerBound(sorted, start); i < sorted.length && sorted[i]! < end; i++) out.add(sorted[i]!)
  return out
}

/**
 * Where the detail's walk starts so that it sees the article's nearest newer match: the shard
 * holding the instant, moved back over newer candidates until one holds a match (or none is
 * left). Outlet pruning is per month, so a newer shard of the same month may hold none; a
 * newer shard not yet loaded stops the search there, and the walk fetches it.
 */
export function aroundStart(candidates: readonly ShardRef[], instant: string, loaded: (file: string) => Shard | undefined, filter: CompiledFilter): number {
  const time = Date.parse(instant)
  const at = candidates.findIndex((shard) => Date.parse(shard.oldest) <= time)
  if (at === -1) return Math.max(0, candidates.length - 1)
  for (let index = at - 1; index >= 0; index--) {
    const shard = loaded(candidates[index]!.file)
    if (!shard || matchingEntries(shard, filter).length > 0) return index
  }
  return 0
}

export interface ShardPlan {
  /** Shards to keep subscribed: every loaded one in use plus the next to fetch. */
  shards: ShardRef[]
  /** Matches found in the loaded prefix, newest first. */
  entries: ListEntry[]
  /** Every candidate shard is loaded: entries are the complete result. */
  complete: boolean
}

/**
 * Walks the candidate shards newest first, taking loaded ones, until `enough(entries)` says
 * so; the first unloaded shard met is the one to fetch next (with the one after it, unless it
 * is the very first). Loads at most one shard beyond what is needed.
 */
export function planShards(
  candidates: readonly ShardRef[],
  loaded: (file: string) => Shard | undefined,
  filter: CompiledFilter,
  enough: (entries: readonly ListEntry[]) => boolean,
): ShardPlan {
  const shards: ShardRef[] = []
  const entries: ListEntry[] = []
  for (const [index, ref] of candidates.entries()) {
    if (enough(entries)) return { shards, entries, complete: false }
    shards.push(ref)
    const shard = loaded(ref.file)
    if (!shard) {
      // Past the first shard the matches are sparse: fetch two at a time to shorten the waterfall.
      const next = candidates[index + 1]
      if (index > 0 && next) shards.push(next)
      return { shards, entries, complete: false }
    }
    entries.push(...matchingEntries(shard, filter))
  }
  return { shards, entries, complete: true }
}

/** The exact number of matches when the manifest or the search tells it without loading shards. */
export function knownTotal(manifest: Manifest, filters: Filters, numbers: readonly number[] | null): number | null {
  const dated = filters.from !== null || filters.to !== null
  if (dated || filters.unread) return null
  if (numbers) return filters.outlets.length === 0 ? numbers.length : null
  if (filters.outlets.length === 0) return manifest.articleCount
  const chosen = new Set(filters.outlets)
  return manifest.outlets.reduce((sum, outlet) => sum + (chosen.has(outlet.id) ? outlet.count : 0), 0)
}

/** Numbers looked ahead in relevance order when a shard is missing: their shards are fetched together. */
const RANKED_LOOKAHEAD = 40

/** The shard (of candidates, newest first: numbers ascend) holding article `number`, if any. */
function shardOf(candidates: readonly ShardRef[], number: number): ShardRef | undefined {
  let low = 0
  let high = candidates.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (candidates[mid]!.start <= number) low = mid + 1
    else high = mid
  }
  const ref = candidates[low - 1]
  return ref && number < ref.start + ref.count ? ref : undefined
}

function entryOf(shard: Shard, number: number): ListEntry | undefined {
  const index = shard.numbers ? shard.numbers.indexOf(number) : number - shard.start
  return index >= 0 ? shard.entries[index] : undefined
}

/**
 * planShards for results in a given order (relevance): walks `ranked` article numbers, taking each
 * one's entry from its loaded shard, until `enough(entries)`. A missing shard is fetched together with
 * the shards of the next RANKED_LOOKAHEAD numbers, since this order jumps between months.
 */
export function planRanked(
  ranked: readonly number[],
  candidates: readonly ShardRef[],
  loaded: (file: string) => Shard | undefined,
  filter: CompiledFilter,
  enough: (entries: readonly ListEntry[]) => boolean,
): ShardPlan {
  const shards: ShardRef[] = []
  const using = new Set<string>()
  const keep = (ref: ShardRef) => {
    if (!using.has(ref.file)) shards.push(ref)
    using.add(ref.file)
  }
  const entries: ListEntry[] = []
  for (let i = 0; i < ranked.length; i++) {
    if (enough(entries)) return { shards, entries, complete: false }
    const ref = shardOf(candidates, ranked[i]!)
    if (!ref) continue
    keep(ref)
    const shard = loaded(ref.file)
    if (!shard) {
      for (const next of ranked.slice(i + 1, i + 1 + RANKED_LOOKAHEAD)) {
        const other = shardOf(candidates, next)
        if (other) keep(other)
      }
      return { shards, entries, complete: false }
    }
    const entry = entryOf(shard, ranked[i]!)
    if (entry && passes(entry, filter)) entries.push(entry)
  }
  return { shards, entries, complete: true }
}

/** The list's page of results (the timeline's is its own). */
export const LIST_PAGE = 30
/** Under a search, how many pages of hits one page of results may check before it stops and offers more. */
export const CHECKED_PAGES = 4
export const NONE: ReadonlySet<string> = new Set()

function keptCount(entries: readonly ListEntry[], dropped: ReadonlySet<string>): number {
  if (dropped.size === 0) return entries.length
  let kept = 0
  for (const entry of entries) if (!dropped.has(entry.id)) kept++
  return kept
}

/** A page of `limit` results is found: more than `limit` hits not known wrong (`dropped`), or `cap` hits to check. */
export function pageFilled(dropped: ReadonlySet<string>, limit: number, cap: number): (entries: readonly ListEntry[]) => boolean {
  return (entries) => keptCount(entries, dropped) > limit || entries.length > cap
}

/**
 * The hits whose texts a page checks: from the first, until `limit` are not known wrong (one more,
 * to know whether there is a next page) or `cap` hits are taken.
 */
export function checkWindow(entries: readonly ListEntry[], dropped: ReadonlySet<string>, limit: number, cap: number): ListEntry[] {
  let kept = 0
  let end = 0
  while (end < entries.length && end < cap && kept <= limit) {
    if (!dropped.has(entries[end]!.id)) kept++
    end++
  }
  return entries.slice(0, end)
}
