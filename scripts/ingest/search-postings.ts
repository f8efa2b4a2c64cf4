// Second half of the search index: one spill partition (lines "seq Fgram Fgram …", F a posting's flags
// as one character, FLAG_CHAR + flags; appended by each
// writer in the order it built files) -> the search buckets it holds, with article numbers from the
// global sort. A partition holds millions of postings, so grams are hashed and compared in place in
// the spill text (no string per posting, little garbage) and numbers are sorted in typed arrays.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fnv1a, FLAG_BASE } from '../../src/lib/search-grams'
import { searchBucketPath } from '../../src/types/data'
import { articleNumber } from './build-index'
import { fileStamp } from './file-stamp'
import { writeStaged } from './keep-unchanged'

export interface MergeJob {
  work: string
  stage: string
  partition: number
  partitions: number
  buckets: number
  /** Input file sequence number -> article number, -1 for skipped files (problems, duplicates). */
  numberOf: Int32Array
  /** The spill writers (threads) whose files hold this partition. */
  writers: readonly string[]
}

export function spillPath(work: string, partition: number, writer: string): string {
  return join(work, `postings-${partition}-${writer}.txt`)
}

/** A posting's flags (IN_TITLE | count, < FLAG_BASE) in a spill line: this character code plus the flags, before the gram. */
export const FLAG_CHAR = 0x21

const SPACE = 0x20
const NEWLINE = 0x0a

/** Grams of one partition and their postings (article number × FLAG_BASE + flags), as parallel typed arrays. */
class GramTable {
  keys: string[] = []
  hashes: number[] = []
  /** Per gram: first and last posting (indexes into value/next), -1 when none. */
  private head = new Int32Array(1024)
  private tail = new Int32Array(1024)
  private counts = new Int32Array(1024)
  private slots = new Int32Array(2048).fill(-1)
  value = new Int32Array(4096)
  next = new Int32Array(4096)
  postings = 0

  /** Adds `number` with its posting flags to the gram text[start, end), hashed in place with the gramBucket hash. */
  add(text: string, start: number, end: number, number: number, flags: number): void {
    const hash = fnv1a(text, start, end)
    const mask = this.slots.length - 1
    let slot = hash & mask
    let id = -1
    for (;;) {
      const found = this.slots[slot]!
      if (found === -1) break
      if (this.hashes[found] === hash && sameText(this.keys[found]!, text, start, end)) {
        id = found
        break
      }
      slot = (slot + 1) & mask
    }
    if (id === -1) {
      id = this.keys.length
      this.keys.push(text.slice(start, end))
      this.hashes.push(hash)
      if (id >= this.head.length) {
        this.head = grow(this.head, this.head.length * 2)
        this.tail = grow(this.tail, this.tail.length * 2)
        this.counts = grow(this.counts, this.counts.length * 2)
      }
      this.head[id] = -1
      this.counts[id] = 0
      this.slots[slot] = id
      if (this.keys.length * 2 > this.slots.length) this.rehash()
    }
    const at = this.postings++
    if (at >= this.value.length) {
      this.value = grow(this.value, this.value.length * 2)
      this.next = grow(this.next, this.next.length * 2)
    }
    this.value[at] = number * FLAG_BASE + flags
    this.next[at] = -1
    if (this.head[id] === -1) this.head[id] = at
    else this.next[this.tail[id]!] = at
    this.tail[id] = at
    this.counts[id]!++
  }

  private scratch = new Int32Array(1024)

  /** The gram's postings, delta-encoded (encodePostings) and comma-separated (a typed array sorts numerically without a comparator). */
  deltas(id: number): string {
    const count = this.counts[id]!
    if (count === 1) return String(this.value[this.head[id]!])
    if (count > this.scratch.length) this.scratch = new Int32Array(count * 2)
    let i = 0
    for (let at = this.head[id]!; at !== -1; at = this.next[at]!) this.scratch[i++] = this.value[at]!
    const list = this.scratch.subarray(0, count).sort()
    let out = String(list[0])
    for (let k = 1; k < count; k++) out += ',' + (list[k]! - list[k - 1]! + (list[k - 1]! % FLAG_BASE))
    return out
  }

  /** The gram's posting values (number × FLAG_BASE + flags), ascending. */
  sortedValues(id: number): Int32Array {
    const out = new Int32Array(this.counts[id]!)
    let i = 0
    for (let at = this.head[id]!; at !== -1; at = this.next[at]!) out[i++] = this.value[at]!
    return out.sort()
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1)
    const mask = slots.length - 1
    for (let id = 0; id < this.keys.length; id++) {
      let slot = this.hashes[id]! & mask
      while (slots[slot] !== -1) slot = (slot + 1) & mask
      slots[slot] = id
    }
    this.slots = slots
  }
}

function grow(array: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(length)
  out.set(array)
  return out
}

// Grams are letters and digits, which JSON never escapes; anything else goes through JSON.stringify.
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/

function jsonString(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`
}

function sameText(key: string, text: string, start: number, end: number): boolean {
  if (key.length !== end - start) return false
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== text.charCodeAt(start + i)) return false
  return true
}

/** Feeds one spill file's lines into the table, skipping files that did not become articles (and numbers below `from`). */
function addSpill(table: GramTable, text: string, numberOf: Int32Array, from = 0): void {
  const length = text.length
  let at = 0
  while (at < length) {
    let seq = 0
    let code = text.charCodeAt(at)
    while (code !== SPACE && code !== NEWLINE && at < length) {
      seq = seq * 10 + (code - 0x30)
      code = text.charCodeAt(++at)
    }
    const number = numberOf[seq] ?? -1
    if (code !== SPACE || number < from) {
      const end = text.indexOf('\n', at)
      at = end === -1 ? length : end + 1
      continue
    }
    at++
    let start = at
    for (;;) {
      code = at < length ? text.charCodeAt(at) : NEWLINE
      if (code === SPACE || code === NEWLINE) {
        if (at > start + 1) table.add(text, start + 1, at, number, text.charCodeAt(start) - FLAG_CHAR)
        at++
        start = at
        if (code === NEWLINE) break
      } else at++
    }
  }
}

/** The bucket files b ≡ partition (mod partitions) of a filled table, one at a time: [b, file content]. */
function* bucketFiles(table: GramTable, partition: number, partitions: number, buckets: number): Generator<[number, string]> {
  // Both counts are powers of two and partitions <= buckets, so a gram's bucket lands in this partition.
  const byBucket = new Map<number, number[]>()
  for (let b = partition; b < buckets; b += partitions) byBucket.set(b, [])
  for (let id = 0; id < table.keys.length; id++) byBucket.get(table.hashes[id]! % buckets)!.push(id)
  for (const [b, ids] of byBucket) {
    const { keys } = table
    ids.sort((x, y) => (keys[x]! < keys[y]! ? -1 : 1)) // keys are distinct
    const parts: string[] = new Array<string>(ids.length)
    for (let i = 0; i < ids.length; i++) parts[i] = `${jsonString(keys[ids[i]!]!)}:[${table.deltas(ids[i]!)}]`
    yield [b, `{${parts.join(',')}}`]
  }
}

/** The partition's spill files (of every writer) in one table: postings of numbers from `from` up. */
function spilledTable({ work, partition, numberOf, writers }: MergeJob, from = 0): GramTable {
  const table = new GramTable()
  for (const writer of writers) {
    let text = ''
    try {
      text = readFileSync(spillPath(work, partition, writer), 'utf16le')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error // a writer with no grams here has no file
    }
    addSpill(table, text, numberOf, from)
  }
  return table
}

/** Writes search/<b>.json for every bucket b with b % partitions === partition; returns the postings written. */
export async function mergePartition(job: MergeJob): Promise<number> {
  const { stage, partition, partitions, buckets } = job
  const table = spilledTable(job)
  for (const [b, content] of bucketFiles(table, partition, partitions, buckets)) writeStaged(join(stage, searchBucketPath(b)), content)
  return table.postings
}

/** The bucket files of the previous bundle, which hold the postings of numbers below `from` (search-state.ts). */
export interface BaseBuckets {
  dir: string
  from: number
  /** Articles the previous bundle numbered: when `from` is all of them, no posting is cut. */
  count: number
  /** fileStamp of each bucket file as the last run left it. */
  stamps: readonly string[]
}

/** A bucket file of the previous bundle is not the one the last run wrote: it cannot be the base of a merge. */
export class StaleBucketError extends Error {}

/**
 * Writes the partition's bucket files from the previous bundle's: each keeps its postings of numbers below
 * base.from and gains the spilled postings of numbers from base.from up, byte for byte what mergePartition
 * writes from every article's postings. Returns the postings added.
 */
export async function mergePartitionOnto(job: MergeJob, base: BaseBuckets): Promise<number> {
  const { stage, partition, partitions, buckets } = job
  const table = spilledTable(job, base.from)
  const byBucket = new Map<number, number[]>()
  for (let b = partition; b < buckets; b += partitions) byBucket.set(b, [])
  for (let id = 0; id < table.keys.length; id++) byBucket.get(table.hashes[id]! % buckets)!.push(id)
  for (const [b, ids] of byBucket) {
    const path = join(base.dir, searchBucketPath(b))
    if (fileStamp(path) !== base.stamps[b]) throw new StaleBucketError(`search bucket ${path} is not the file the last run wrote`)
    const { keys } = table
    ids.sort((x, y) => (keys[x]! < keys[y]! ? -1 : 1))
    const additions = ids.map((id) => ({ key: keys[id]!, values: table.sortedValues(id) }))
    // Synchronous: a thousand small files, and nothing else for the event loop to do meanwhile.
    writeStaged(join(stage, searchBucketPath(b)), spliceBucket(readFileSync(path), base.from, additions, base.from < base.count))
  }
  return table.postings
}

interface Addition {
  key: string
  /** The key as the file holds it, between the quotes, in UTF-8. */
  bytes: Buffer
  /** Escaped, or holding a byte where UTF-8 order and UTF-16 order part (from U+E000 up): compared as strings. */
  slow: boolean
  values: Int32Array
}

function addition(key: string, values: Int32Array): Addition {
  const quoted = jsonString(key)
  const bytes = Buffer.from(quoted.slice(1, -1))
  return { key, bytes, slow: quoted.length !== key.length + 2 || bytes.some((byte) => byte >= 0xee), values }
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COMMA = 0x2c
const CLOSE = 0x5d

/** The order of an addition's key against the old key in old[start, end) (inside its quotes), as JS compares strings. */
function compareKey(item: Addition, old: Buffer, start: number, end: number): number {
  let slow = item.slow
  if (!slow) for (let i = start; i < end; i++) if (old[i]! >= 0xee || old[i] === BACKSLASH) slow = true
  if (slow) {
    const key = JSON.parse(old.toString('utf8', start - 1, end + 1)) as string
    return item.key < key ? -1 : item.key > key ? 1 : 0
  }
  const { bytes } = item
  const length = Math.min(bytes.length, end - start)
  for (let i = 0; i < length; i++) {
    const difference = bytes[i]! - old[start + i]!
    if (difference !== 0) return difference
  }
  return bytes.length - (end - start)
}

/** Values of ascending postings after `last` (a posting value, or -1 for none), as bucketFiles writes them. */
function encodeAfter(last: number, values: Int32Array): string {
  let out = ''
  let previous = last
  for (const value of values) {
    out += (out === '' ? '' : ',') + String(previous < 0 ? value : value - previous + (previous % FLAG_BASE))
    previous = value
  }
  return out
}

/**
 * A bucket file's bytes with the postings of numbers `from` and up cut and the additions (keys ascending,
 * their numbers all `from` or more) merged in: keys stay in order, a key left with no posting goes.
 * Untouched runs of the old file are copied as they are, without decoding.
 */
export function spliceBucket(old: Buffer, from: number, added: readonly { key: string; values: Int32Array }[], cuts = true): Buffer {
  const additions = added.map(({ key, values }) => addition(key, values))
  const pieces: Buffer[] = [Buffer.from('{')]
  let wrote = false
  let runStart = -1
  let runEnd = -1
  const flush = () => {
    if (runStart < 0) return
    if (wrote) pieces.push(Buffer.from(','))
    pieces.push(old.subarray(runStart, runEnd))
    wrote = true
    runStart = -1
  }
  const emit = (text: string) => {
    flush()
    pieces.push(Buffer.from((wrote ? ',' : '') + text))
    wrote = true
  }
  const fresh = (item: Addition) => emit(`"${item.bytes.toString()}":[${encodeAfter(-1, item.values)}]`)
  let next = 0
  const length = old.length
  let at = 1 // after '{'
  while (at < length && old[at] === QUOTE) {
    // Without cuts, once every addition is placed the rest of the file stays as it is.
    if (!cuts && next === additions.length) {
      if (runStart < 0) runStart = at
      runEnd = length - 1 // before '}'
      break
    }
    const keyStart = at + 1
    let keyEnd = keyStart
    while (old[keyEnd] !== QUOTE) keyEnd += old[keyEnd] === BACKSLASH ? 2 : 1
    const valuesStart = keyEnd + 3 // past '":['
    let order = 1
    while (next < additions.length && (order = compareKey(additions[next]!, old, keyStart, keyEnd)) < 0) fresh(additions[next++]!)
    if (!cuts && order !== 0) {
      // Not a key of the additions, and nothing to cut: skip its values unread.
      const entryEnd = old.indexOf(CLOSE, valuesStart) + 1
      if (runStart < 0) runStart = keyStart - 1
      runEnd = entryEnd
      at = entryEnd + 1
      continue
    }
    // Numbers below `from` are kept: the last kept one ends at keptEnd, its value is last.
    let i = valuesStart
    let number = 0
    let last = -1
    let keptEnd = valuesStart
    let cut = false
    for (let first = true; ; first = false) {
      let value = 0
      let code = old[i]!
      while (code !== COMMA && code !== CLOSE) {
        value = value * 10 + (code - 0x30)
        code = old[++i]!
      }
      const flags = value % FLAG_BASE
      number = first ? (value - flags) / FLAG_BASE : number + (value - flags) / FLAG_BASE
      if (number >= from) {
        cut = true
        i = old.indexOf(CLOSE, i)
        break
      }
      last = number * FLAG_BASE + flags
      keptEnd = i
      if (code === CLOSE) break
      i++
    }
    const entryEnd = i + 1 // past ']'
    if (next < additions.length && order === 0) {
      const item = additions[next++]!
      const kept = last < 0 ? '' : old.toString('latin1', valuesStart, keptEnd) + ','
      emit(`${old.toString('utf8', keyStart - 1, valuesStart)}${kept}${encodeAfter(last, item.values)}]`)
    } else if (!cut) {
      if (runStart < 0) runStart = keyStart - 1
      runEnd = entryEnd
    } else if (last >= 0) emit(`${old.toString('utf8', keyStart - 1, keptEnd)}]`)
    else flush() // every posting cut: the key goes
    at = entryEnd + 1 // past ',' or '}'
  }
  while (next < additions.length) fresh(additions[next++]!)
  flush()
  pieces.push(Buffer.from('}'))
  return Buffer.concat(pieces)
}

/**
 * Every search bucket file of a small bundle, built in memory from each article's grams (in list order,
 * newest first) by the same table and writer as mergePartition, without spill files: the app's test fixtures.
 */
export function searchBucketFiles(postingsByPlace: readonly { grams: readonly string[]; flags: ArrayLike<number> }[], buckets: number): Map<number, string> {
  const table = new GramTable()
  postingsByPlace.forEach(({ grams, flags }, place) => {
    const number = articleNumber(place, postingsByPlace.length)
    grams.forEach((gram, i) => table.add(gram, 0, gram.length, number, flags[i]!))
  })
  return new Map(bucketFiles(table, 0, 1, buckets))
}
