// What the search merge remembers between runs (the merge cache): which article each posting number
// stood for (its cache key, oldest first) and the stamp of every search bucket file of the bundle it
// wrote. A run whose articles keep the numbers 0..k-1 of the last one (the usual case: new articles are
// newer than all others) takes each bucket file of the previous bundle as it is, cuts the postings of
// numbers k and up, and adds only the postings of the articles numbered k and up (search-postings.ts
// mergeOnto). A state that cannot be read is set aside (renamed, never deleted) and the index merged in full.
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { searchBucketPath } from '../../src/types/data'
import { fileStamp } from './file-stamp'

export const SEARCH_STATE_FILE = 'search-state.txt'
const HEADER = 'archive-reader search state'
const FORMAT = 1
const END = 'end'

export interface SearchState {
  buckets: number
  /** The cache key of each article, by posting number (oldest first). */
  keys: string[]
  /** fileStamp of each bucket file of the bundle, by bucket number. */
  stamps: string[]
}

export type StateLookup = { state?: SearchState; notice?: string }

/**
 * The state the last finished run left, if it is this ingest version's. None (and no notice) when there is
 * none or it is another version's; a damaged one is set aside and named in notice.
 */
export function readSearchState(cacheDir: string, version: string): StateLookup {
  const path = join(cacheDir, SEARCH_STATE_FILE)
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return {}
  }
  const lines = text.split('\n')
  const head = lines[0]?.split(' ') ?? []
  const prefix = HEADER.split(' ').length
  if (head.slice(0, prefix).join(' ') === HEADER && head[prefix + 1] !== version) return {} // an older ingest's: not damaged, just not ours
  const why = stateProblem(lines, version)
  if (why === undefined) {
    const buckets = Number(head[prefix + 2])
    return { state: { buckets, keys: lines[1] === '' ? [] : lines[1]!.split(' '), stamps: lines[2]!.split(' ') } }
  }
  const aside = `${path}.corrupt-${process.pid}-${randomBytes(4).toString('hex')}`
  try {
    renameSync(path, aside)
  } catch (error) {
    return { notice: `search state ${path} is ${why} and could not be set aside (${(error as NodeJS.ErrnoException).code ?? String(error)}); the search index was merged in full` }
  }
  return { notice: `search state ${path} is ${why}; set aside as ${aside}, the search index was merged in full` }
}

function stateProblem(lines: readonly string[], version: string): string | undefined {
  if (lines.at(-1) !== END) return 'cut short (no end line)'
  if (lines.length !== 4) return `of ${lines.length} lines, not 4`
  const head = lines[0]!.split(' ')
  const prefix = HEADER.split(' ').length
  if (head.slice(0, prefix).join(' ') !== HEADER || head.length !== prefix + 4) return 'not a search state'
  const [format, ofVersion, buckets, count] = head.slice(prefix).map((part, i) => (i === 1 ? part : Number(part))) as [number, string, number, number]
  if (format !== FORMAT || ofVersion !== version) return 'not a search state of this format'
  if (!Number.isInteger(buckets) || buckets < 1 || !Number.isInteger(count) || count < 0) return 'not valid: a bad count in its header'
  const keys = lines[1] === '' ? [] : lines[1]!.split(' ')
  if (keys.length !== count || !keys.every((key) => /^[0-9a-f]{64}$/.test(key))) return 'not valid: its article keys do not match its header'
  const stamps = lines[2]!.split(' ')
  if (stamps.length !== buckets || !stamps.every((stamp) => /^\d+:\d+:\d+:\d+$/.test(stamp))) return 'not valid: its bucket stamps do not match its header'
  return undefined
}

/** Written after the swap: the numbers' keys and the stamps of the bucket files now in outDir. */
export function writeSearchState(cacheDir: string, version: string, outDir: string, buckets: number, keys: readonly string[]): void {
  const stamps = Array.from({ length: buckets }, (_, b) => fileStamp(join(outDir, searchBucketPath(b))) ?? '0:0:0:0')
  const text = [`${HEADER} ${FORMAT} ${version} ${buckets} ${keys.length}`, keys.join(' '), stamps.join(' '), END].join('\n')
  mkdirSync(cacheDir, { recursive: true })
  const path = join(cacheDir, SEARCH_STATE_FILE)
  const temporary = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`
  writeFileSync(temporary, text)
  renameSync(temporary, path)
}

/** How many leading numbers keep their article: the first k keys are the same in both runs. */
export function keptPrefix(before: readonly string[], after: readonly (string | undefined)[]): number {
  let k = 0
  while (k < before.length && k < after.length && before[k] === after[k]) k++
  return k
}
