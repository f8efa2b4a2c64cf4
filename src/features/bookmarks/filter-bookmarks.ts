import { dayRangeInstants, parseDay } from '../../lib/dates'
import type { Filters } from '../../lib/filters'
import { indexGrams, normalizeForSearch, queryGrams } from '../../lib/search-grams'
import type { IndexShard, ShardRef } from '../../types/data'
import type { Bookmark } from './bookmark'

/**
 * The same filters as the archive, over bookmarks: outlet, local-day range on the publication
 * date, and q with the archive's rule (every gram of the query) applied to the title, the only
 * text a bookmark keeps. `fold` is the archive's script fold (foldScript, loaded with the search),
 * applied to the query and the titles alike so 國安法 finds 国安法 here too.
 */
export function filterBookmarks(
  bookmarks: readonly Bookmark[],
  filters: Filters,
  timeZone?: string,
  fold: (text: string) => string = normalizeForSearch,
): Bookmark[] {
  const outlets = filters.outlets.length > 0 ? new Set(filters.outlets) : null
  const { start, end } = dayRangeInstants(parseDay(filters.from), parseDay(filters.to), timeZone)
  const grams = queryGrams(fold(filters.q))
  return bookmarks.filter((bookmark) => {
    if (outlets && !outlets.has(bookmark.outlet)) return false
    const time = Date.parse(bookmark.publishedAt)
    if ((start !== -Infinity || end !== Infinity) && !(time >= start && time < end)) return false
    if (grams.length > 0) {
      const titleGrams = indexGrams(fold(`${bookmark.title} ${bookmark.outletName}`))
      if (!grams.every((gram) => titleGrams.has(gram))) return false
    }
    return true
  })
}

/** The shards whose time span covers a bookmark's publication instant: where its article would be listed. */
export function shardsCovering(shards: readonly ShardRef[], publishedAt: string): ShardRef[] {
  const time = Date.parse(publishedAt)
  return shards.filter((shard) => Date.parse(shard.oldest) <= time && time <= Date.parse(shard.newest))
}

/** 'present' | 'missing' once the covering shards are known; 'unknown' while any is loading. */
export function archiveStatus(shards: readonly ShardRef[], loaded: (file: string) => IndexShard | undefined, bookmark: Bookmark): 'present' | 'missing' | 'unknown' {
  const covering = shardsCovering(shards, bookmark.publishedAt)
  let unknown = false
  for (const ref of covering) {
    const shard = loaded(ref.file)
    if (!shard) unknown = true
    else if (shard.entries.some((entry) => entry.id === bookmark.id || entry.aliases?.includes(bookmark.id))) return 'present'
  }
  return unknown ? 'unknown' : 'missing'
}
