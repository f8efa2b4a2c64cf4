// The data files are read as untrusted input: each fetcher passes what it got through one of
// these pure checks, which return a clean copy of the known fields or null. A bad list entry is
// dropped (the rest of its shard still shows); a bad article or manifest is a DataError.
import { ARTICLE_ID, MAX_SHARD_ENTRIES, SCHEMA_VERSION, SEARCH_PATTERN, SHARD_FILE, STORY_ID, type Article, type IndexShard, type Lang, type ListEntry, type Manifest, type Outlet, type ShardRef, type Story, type StoryMember, type StoryRef } from '../../../types/data'

const LANGS: ReadonlySet<string> = new Set<Lang>(['zh-Hans', 'zh-Hant', 'en'])

const COLOR = /^#[0-9a-f]{3,8}$/i
/** A neutral colour for an outlet whose colour is not a hex colour. */
const FALLBACK_COLOR = '#78716c'

type Fields = Record<string, unknown>

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const isString = (value: unknown): value is string => typeof value === 'string'
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)
const isInstant = (value: unknown): value is string => isString(value) && Number.isFinite(Date.parse(value))

export function isArticleId(value: unknown): value is string {
  return isString(value) && value.length <= 200 && ARTICLE_ID.test(value)
}

export function isShardFile(value: unknown): value is string {
  return isString(value) && SHARD_FILE.test(value)
}

export function isSearchPattern(value: unknown): value is string {
  return isString(value) && SEARCH_PATTERN.test(value)
}

export function isStoryId(value: unknown): value is string {
  return isString(value) && STORY_ID.test(value)
}

const isLang = (value: unknown): value is Lang => isString(value) && LANGS.has(value)

/** An entry's or article's story; null when malformed (the article then shows alone, without it). */
export function validStoryRef(value: unknown): StoryRef | null {
  if (!isRecord(value)) return null
  const { id, size, outlets } = value
  if (!isStoryId(id) || !isCount(size) || size < 2 || !Array.isArray(outlets) || outlets.length === 0 || !outlets.every(isString)) return null
  return { id, size, outlets: [...outlets] }
}

/** The fields a list entry and an article share, checked; null when any is wrong. */
function entryFields(value: Fields): Omit<ListEntry, 'outlet'> | null {
  const { id, title, url, publishedAt, excerpt, chars, readingMinutes, lang } = value
  if (!isArticleId(id) || !isString(title) || !isString(url) || !isInstant(publishedAt)) return null
  if (!isString(excerpt) || !isFiniteNumber(chars) || !isFiniteNumber(readingMinutes)) return null
  if (!isLang(lang)) return null
  const fields: Omit<ListEntry, 'outlet'> = { id, title, url, publishedAt, excerpt, chars, readingMinutes, lang }
  const story = value.story === undefined ? null : validStoryRef(value.story)
  if (story) fields.story = story
  return fields
}

function validStoryMember(value: unknown): StoryMember | null {
  if (!isRecord(value)) return null
  const { id, outlet, publishedAt, title, lang } = value
  if (!isArticleId(id) || !isString(outlet) || !isInstant(publishedAt) || !isString(title) || !isLang(lang)) return null
  return { id, outlet, publishedAt, title, lang }
}

/**
 * A story file (stories/<id>.json). Malformed members are dropped, as malformed list entries are; null
 * when it is no story, its id is not `expectedId` (when given: the id it was fetched by), or fewer than
 * 2 members remain. Members are put in time order whatever order the file had.
 */
export function validStory(value: unknown, expectedId?: string): Story | null {
  if (!isRecord(value) || !isStoryId(value.id) || !Array.isArray(value.members)) return null
  if (expectedId !== undefined && value.id !== expectedId) return null
  const members = value.members.map(validStoryMember).filter((member) => member !== null)
  if (members.length < 2) return null
  members.sort((a, b) => Date.parse(a.publishedAt) - Date.parse(b.publishedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const absent = Array.isArray(value.absent) ? value.absent.filter(isString) : []
  return { id: value.id, members, absent }
}

export function validListEntry(value: unknown): ListEntry | null {
  if (!isRecord(value) || !isString(value.outlet)) return null
  const fields = entryFields(value)
  return fields && { ...fields, outlet: value.outlet }
}

/** A shard whose malformed entries are dropped; `numbers` keeps each kept entry's article number. */
export interface LoadedShard extends IndexShard {
  numbers: number[]
}

export function validShard(value: unknown): LoadedShard | null {
  if (!isRecord(value) || !isCount(value.start) || !Array.isArray(value.entries)) return null
  // The contract's bound: a shard of 130,000 entries once overflowed the call stack further on.
  if (value.entries.length > MAX_SHARD_ENTRIES) return null
  const start = value.start
  const entries: ListEntry[] = []
  const numbers: number[] = []
  value.entries.forEach((raw: unknown, index) => {
    const entry = validListEntry(raw)
    if (!entry) return
    entries.push(entry)
    numbers.push(start + index)
  })
  return { start, entries, numbers }
}

export function validArticle(value: unknown): Article | null {
  if (!isRecord(value) || !isRecord(value.outlet) || !isString(value.html)) return null
  const { id, name } = value.outlet
  if (!isString(id) || !isString(name)) return null
  const fields = entryFields(value)
  if (!fields) return null
  const article: Article = { ...fields, outlet: { id, name }, html: value.html, source: isString(value.source) ? value.source : '' }
  if (isString(value.author)) article.author = value.author
  if (Array.isArray(value.tags) && value.tags.every(isString)) article.tags = value.tags
  return article
}

function validOutlet(value: unknown): Outlet | null {
  if (!isRecord(value)) return null
  const { id, name, color, count } = value
  if (!isString(id) || !isString(name) || !isCount(count)) return null
  return { id, name, count, color: isString(color) && COLOR.test(color) ? color : FALLBACK_COLOR }
}

function validShardRef(value: unknown): ShardRef | null {
  if (!isRecord(value)) return null
  const { file, month, start, count, newest, oldest } = value
  if (!isShardFile(file) || !isString(month) || !/^\d{4}-\d{2}$/.test(month)) return null
  if (!isCount(start) || !isCount(count) || !isInstant(newest) || !isInstant(oldest)) return null
  return { file, month, start, count, newest, oldest }
}

function validMonths(value: unknown): Manifest['months'] | null {
  if (!isRecord(value)) return null
  const months: Manifest['months'] = {}
  for (const [month, perOutlet] of Object.entries(value)) {
    if (!isRecord(perOutlet) || !Object.values(perOutlet).every(isCount)) return null
    months[month] = perOutlet as Record<string, number>
  }
  return months
}

/**
 * How a manifest's schema differs from the one this app reads: 'newer' (a later ingest wrote it), 'older'
 * (an earlier one, or no schema at all), or undefined when it is the same (or the value is no manifest).
 */
export function schemaMismatch(value: unknown): 'newer' | 'older' | undefined {
  if (!isRecord(value) || value.schema === SCHEMA_VERSION) return undefined
  return typeof value.schema === 'number' && value.schema > SCHEMA_VERSION ? 'newer' : 'older'
}

/** The manifest drives every fetch: any malformed part rejects it (the error state with retry). */
export function validManifest(value: unknown): Manifest | null {
  if (!isRecord(value) || value.schema !== SCHEMA_VERSION || !isCount(value.articleCount) || !Array.isArray(value.outlets) || !Array.isArray(value.shards)) return null
  const outlets = value.outlets.map(validOutlet)
  const shards = value.shards.map(validShardRef)
  const months = validMonths(value.months)
  const search = value.search
  if (!months || !isRecord(search) || !isCount(search.buckets) || search.buckets === 0 || !isSearchPattern(search.file)) return null
  if (!outlets.every((outlet) => outlet !== null) || !shards.every((shard) => shard !== null)) return null
  return { schema: SCHEMA_VERSION, articleCount: value.articleCount, outlets, shards, months, search: { buckets: search.buckets, file: search.file } }
}
