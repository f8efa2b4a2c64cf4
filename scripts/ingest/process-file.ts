// The unit of work of the ingest, run in the main thread or in a worker: read one file, build its
// article and spill its search grams to the worker's own partition files, so the main thread never
// receives grams (it was the bottleneck).
import { appendFileSync, closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { FLAG_BASE, gramBucket } from '../../src/lib/search-grams'
import type { ListEntry } from '../../src/types/data'
import { buildArticle } from './build-article'
import { IngestCache, type Remembered } from './ingest-cache'
import type { OutletInfo } from './outlets'
import { FLAG_CHAR, spillPath } from './search-postings'
import { articleStoryFeature, type StoryFeature } from './story-features'

const FLAG_CHARS = Array.from({ length: FLAG_BASE }, (_, flags) => String.fromCharCode(FLAG_CHAR + flags))

/** Larger files are reported, not read: no news article is this big, and it keeps memory bounded. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024
/** Grams buffered per writer before they are appended to the partition files. */
const SPILL_CHARS = 4 * 1024 * 1024

export type Processed =
  | { kind: 'problem'; reason: string }
  | {
      kind: 'article'
      entry: ListEntry
      outlet: OutletInfo
      canonicalUrl: string
      /** The article file's content. */
      json: string
      /** The search text file's content: title line, body text. */
      searchText: string
      grams: string[]
      gramFlags: Uint8Array
      /** Front matter labels of a host the table does not know (outlet-labels.ts). */
      labels: string[]
      /** What story clustering needs of the article (story-features.ts). */
      feature: StoryFeature
    }

/**
 * Spill partitions are powers of two up to this, so a gram's partition is fixed by its group
 * (gramBucket(gram, GRAM_GROUPS)): the cache keeps an article's grams grouped and joined, and a cached
 * article is spilled without splitting its grams again.
 */
export const GRAM_GROUPS = 256

/**
 * grams in GRAM_GROUPS groups as spilled, each gram after its flags character (FLAG_CHAR + flags), each
 * group joined by spaces (a gram holds no whitespace).
 */
export function gramGroups(grams: readonly string[], flags: Uint8Array): string[] {
  const lists: string[][] = Array.from({ length: GRAM_GROUPS }, () => [])
  grams.forEach((gram, i) => lists[gramBucket(gram, GRAM_GROUPS)]!.push(FLAG_CHARS[flags[i]!]! + gram))
  return lists.map((list) => list.join(' '))
}

/** What the main thread learns about a file: its article file's content, not its grams. */
export type Built = (
  | Extract<Processed, { kind: 'problem' }>
  // json and searchText are '' when `summarized`.
  | (Omit<Extract<Processed, { kind: 'article' }>, 'grams' | 'gramFlags' | 'labels'> & {
      labels?: string[]
      /** Taken from the last run's summary (run-summary.ts): json and searchText are not loaded. */
      summarized?: boolean
    })
) & {
  /** False when the result came from the cache (ingest-cache.ts). */
  parsed: boolean
  /** Its grams went to the spill files (SinkOptions.spillCached). */
  spilled: boolean
  /** The file's cache key, when a cache is used. */
  key?: string
  /** A cache entry that could not be used, and what became of it. */
  notice?: string
}

const INTERNAL_ERROR = 'internal error: '

/** The bytes of a file, or why it cannot be read. Synchronous: it runs in a worker (or a small run). */
export function readInput(path: string): { ok: true; bytes: Uint8Array } | { ok: false; reason: string } {
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    const { size } = fstatSync(fd)
    if (size > MAX_FILE_BYTES) return { ok: false, reason: `file too large (${size} bytes, limit ${MAX_FILE_BYTES})` }
    const bytes = Buffer.allocUnsafe(size)
    let read = 0
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read)
      if (n === 0) break
      read += n
    }
    return { ok: true, bytes: read === size ? bytes : bytes.subarray(0, read) }
  } catch (error) {
    return { ok: false, reason: `cannot read file (${(error as NodeJS.ErrnoException).code ?? String(error)})` }
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

export function processBytes(bytes: Uint8Array, source: string, stories = true): Processed {
  let result
  try {
    result = buildArticle(bytes, source)
  } catch (error) {
    // A bug must not cost the rest of the archive: name the file and go on.
    return { kind: 'problem', reason: `${INTERNAL_ERROR}${error instanceof Error ? error.message : String(error)}` }
  }
  if (!result.ok) return { kind: 'problem', reason: result.reason }
  const { article, entry, outlet, canonicalUrl, grams, gramFlags, labels, text } = result.built
  const feature = stories ? articleStoryFeature(result.built) : NO_FEATURE
  return { kind: 'article', entry, outlet, canonicalUrl, json: JSON.stringify(article), searchText: `${article.title}\n${text}`, grams, gramFlags, labels, feature }
}

const NO_FEATURE: StoryFeature = new Uint32Array(0)

export function processFile(path: string, source: string, stories = true): Processed {
  const input = readInput(path)
  return input.ok ? processBytes(input.bytes, source, stories) : { kind: 'problem', reason: input.reason }
}

export interface SinkOptions {
  /** Spill folder: grams go to `spillPath(work, partition, writer)`. */
  work: string
  partitions: number
  /** Names this writer's spill files (one per thread, so writers never share a file). */
  writer: string
  /** Build the story feature of each article (default true; off only to measure what stories cost). */
  stories?: boolean
  /** Where results are remembered between runs, and the ingest version they must carry (ingest-cache.ts). */
  cache?: { dir: string; version: string }
  /**
   * Spill the grams of a file whose result came from the cache (default true). Off when the search merge
   * starts from the previous bundle's buckets (search-state.ts): only the files it renumbers are spilled, later.
   */
  spillCached?: boolean
}

/**
 * Builds files and spills their grams. Article files are written by the main thread as it commits
 * them: one thread creating files in a folder is faster than several contending for its lock.
 */
export class ArticleSink {
  private buffers: string[][]
  private chars = 0
  private readonly cache: IngestCache | undefined
  constructor(private readonly options: SinkOptions) {
    if (GRAM_GROUPS % options.partitions !== 0) throw new Error(`spill partitions must divide ${GRAM_GROUPS}, got ${options.partitions}`)
    this.buffers = Array.from({ length: options.partitions }, () => [])
    this.cache = options.cache && new IngestCache(options.cache.dir, options.cache.version)
  }

  /**
   * known: the file's cache key when the caller found an entry for it (the file is then not read).
   * spillCached: whether grams of a result from the cache are spilled (parsed files' always are).
   */
  build(path: string, source: string, seq: number, known?: string, spillCached = this.options.spillCached !== false): Built {
    let notice: string | undefined
    if (known !== undefined && this.cache) {
      const found = this.cache.read(known)
      if (found.result) return this.commit(seq, found.result, { parsed: false, key: known, spill: spillCached })
      notice = found.notice
    }
    const input = readInput(path)
    if (!input.ok) return { kind: 'problem', reason: input.reason, parsed: false, spilled: false, ...(notice === undefined ? {} : { notice }) }
    const key = this.cache?.keyOf(input.bytes, source)
    if (key !== undefined && key !== known) {
      const found = this.cache!.read(key)
      if (found.result) return this.commit(seq, found.result, { parsed: false, key, spill: spillCached })
      notice ??= found.notice
    }
    const fresh = processBytes(input.bytes, source, this.options.stories !== false)
    let result: Remembered
    if (fresh.kind === 'problem') result = fresh
    else {
      const { grams, gramFlags, ...rest } = fresh
      result = { ...rest, groups: gramGroups(grams, gramFlags) }
    }
    // An internal error is a bug of this version: the next version should try the file again.
    if (key !== undefined && !(result.kind === 'problem' && result.reason.startsWith(INTERNAL_ERROR))) this.cache!.write(key, result)
    return this.commit(seq, result, { parsed: true, key, notice, spill: true })
  }

  private commit(seq: number, result: Remembered, { parsed, key, notice, spill }: { parsed: boolean; key?: string; notice?: string; spill: boolean }): Built {
    const about = { parsed, spilled: spill && result.kind === 'article', ...(key === undefined ? {} : { key }), ...(notice === undefined ? {} : { notice }) }
    if (result.kind === 'problem') return { kind: 'problem', reason: result.reason, ...about }
    if (spill) this.spill(seq, result.groups)
    const { entry, outlet, canonicalUrl, json, searchText, feature } = result
    const built: Built = { kind: 'article', entry, outlet, canonicalUrl, json, searchText, feature, ...about }
    if (result.labels.length > 0) built.labels = result.labels
    return built
  }

  /**
   * Lines `seq gram gram …` per partition (gramBucket(gram, partitions)): partition p holds the groups
   * k ≡ p (mod partitions), since partitions divides GRAM_GROUPS.
   */
  private spill(seq: number, groups: readonly string[]): void {
    const { partitions } = this.options
    for (let p = 0; p < partitions; p++) {
      let line = ''
      for (let k = p; k < GRAM_GROUPS; k += partitions) {
        const group = groups[k]!
        if (group !== '') line = line === '' ? group : `${line} ${group}`
      }
      if (line === '') continue
      line = `${seq} ${line}\n`
      this.buffers[p]!.push(line)
      this.chars += line.length
    }
    if (this.chars >= SPILL_CHARS) this.flush()
  }

  flush(): void {
    const { work, partitions, writer } = this.options
    for (let p = 0; p < partitions; p++) {
      const buffer = this.buffers[p]!
      if (buffer.length === 0) continue
      appendFileSync(spillPath(work, p, writer), buffer.join(''), 'utf16le') // read back without decoding
      this.buffers[p] = []
    }
    this.chars = 0
  }
}
