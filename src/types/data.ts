// The data contract between the ingest (scripts/ingest) and the app (src/).
// Layout of a bundle (default public/data, served as /data), paths built in bundle-paths.ts:
//   manifest.json             Manifest: the only file the first screen must load
//   index/<shard>.json        IndexShard: list entries of one time shard, newest first
//   search/<bucket>.json      SearchBucket: n-gram postings, fetched per query gram
//   articles/<id>.json        Article: one article with its cleaned body
//   text/<id>.txt             the article's title and body text, for the exact check and snippets of search
//   stories/<id>.json         Story: the members of one story of 2 or more articles
// Documented for humans in docs/data-layout.md.

export * from './bundle-paths'

/** Bumped on an incompatible change: the app refuses a manifest of another schema with a message. */
export const SCHEMA_VERSION = 4

export type Lang = 'zh-Hans' | 'zh-Hant' | 'en'

export interface OutletRef {
  id: string
  name: string
}

export interface Outlet extends OutletRef {
  /** Hex colour readable on both the light and the dark background. */
  color: string
  /** Articles in the whole bundle. */
  count: number
}

/** What the list, timeline and search results need of an article: no body. */
export interface ListEntry {
  id: string
  title: string
  url: string
  outlet: string
  /** ISO 8601 UTC. */
  publishedAt: string
  excerpt: string
  chars: number
  readingMinutes: number
  lang: Lang
  /** Present when the article belongs to a story of 2 or more articles. */
  story?: StoryRef
  /** Ids of older versions of this article saved under another spelling of its URL; each still opens it. */
  aliases?: string[]
}

export interface Article extends Omit<ListEntry, 'outlet'> {
  outlet: OutletRef
  /** Body cleaned at build time by the allow-list; still sanitized again in the browser. */
  html: string
  /** Input file path relative to the ingest's --in folder, with forward slashes. */
  source: string
  author?: string
  tags?: string[]
}

/**
 * A time shard: a run of articles, newest first, that never crosses a UTC month
 * and holds at most MAX_SHARD_ENTRIES. The list places articles 0..n-1 across the
 * whole bundle in (publishedAt desc, id asc) order; a shard holds places
 * start..start+count-1, so a search posting maps to its shard by range once its
 * article number is turned into a place (listPlace).
 */
export interface ShardRef {
  file: string
  /** UTC month, YYYY-MM. */
  month: string
  start: number
  count: number
  /** publishedAt of the newest and oldest entry. */
  newest: string
  oldest: string
}

export interface IndexShard {
  start: number
  entries: ListEntry[]
}

export interface Manifest {
  schema: typeof SCHEMA_VERSION
  articleCount: number
  outlets: Outlet[]
  /** Newest first. */
  shards: ShardRef[]
  /** Articles per UTC month and outlet: { '2024-02': { rfi: 1 } }, for the timeline bars. */
  months: Record<string, Record<string, number>>
  search: {
    /** Number of search buckets; a gram lives in bucket gramBucket(gram, buckets). */
    buckets: number
    /** Path pattern with {bucket}: 'search/{bucket}.json'. */
    file: string
  }
}

/** index key (a CJK character, bigram or trigram, a word, or two words joined by "_") -> article numbers, delta-encoded ascending (first value absolute). */
export type SearchBucket = Record<string, number[]>

/**
 * The list place (newest first, as shards hold them) of a search posting's article number. Numbers count
 * from the oldest article up, so articles newer than all others (an archive's daily growth) take new numbers
 * and leave every older article's number, and so the search buckets, as they were.
 */
export function listPlace(articleNumber: number, articleCount: number): number {
  return articleCount - 1 - articleNumber
}

export const MAX_SHARD_ENTRIES = 500
/** Characters of a title in a list entry; the article file keeps the whole title. */
export const MAX_LIST_TITLE = 300
/** Characters of a list entry's excerpt. */
export const MAX_EXCERPT = 200

/**
 * The story an article belongs to: articles of several outlets (or several of one) that report one
 * event, grouped at build time (scripts/ingest, docs/data-layout.md). Only stories of 2 or more
 * articles exist; an article alone has no `story`.
 */
export interface StoryRef {
  /** STORY_ID; stable across rebuilds while the story's members stay the same. */
  id: string
  /** Articles in the story. */
  size: number
  /** Distinct outlet ids of the members, in order of each outlet's first report. */
  outlets: string[]
}

/** One article of a story, as much as the story page and the detail section show: no body. */
export interface StoryMember {
  id: string
  outlet: string
  /** ISO 8601 UTC. */
  publishedAt: string
  title: string
  lang: Lang
}

/** stories/<id>.json */
export interface Story {
  id: string
  /** Time order, oldest first: members[0] is the first report (首发). */
  members: StoryMember[]
  /** Outlets with articles in the archive within the story's window (first report − 3 days .. last + 3 days) and none in the story. */
  absent: string[]
}
