// What a finished run leaves for the next one in one packed file, `<cache>/summary.txt`, so that a rebuild
// after a few changes reads neither 10,000 cache entries nor the previous bundle's article files:
// - per cache key the run used, what the main thread needs of its result without the article's body and
//   grams (list entry, outlet, URL, labels, story feature; or the file's problem);
// - per article the bundle kept, what was done to its article file after it was built (its outlet's name
//   from the archive's labels, its story ref) and the stamps of its article and text files, so an
//   unchanged article's files are linked over from the previous bundle unread (write-bundle.ts).
// A summary that cannot be read is set aside (renamed, never deleted) and the run reads the entries instead.
import { randomBytes } from 'node:crypto'
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import type { ListEntry } from '../../src/types/data'
import type { OutletInfo } from './outlets'
import type { StoryFeature } from './story-features'

export const SUMMARY_FILE = 'summary.txt'
const HEADER = 'archive-reader run summary 1'
const END = 'end'

export type Summary =
  | { kind: 'problem'; reason: string }
  | { kind: 'article'; entry: ListEntry; outlet: OutletInfo; canonicalUrl: string; labels: string[]; feature: StoryFeature }

/** The article file as the last run left it, beyond what its cache entry holds. */
export interface KeptFile {
  key: string
  /** The outlet name given from the archive's labels (outlet-labels.ts), '' for none. */
  outletName: string
  /** What the story step appended (write-stories.ts), '' for none. */
  storyTail: string
  /** articleStamp of the article file and of the text file. */
  article: string
  text: string
}

/** Size, mtime and inode, which linking a file leaves as they are (ctime it does not). */
export function articleStamp(path: string): string | undefined {
  try {
    const info = statSync(path, { bigint: true })
    return `${info.size}:${info.mtimeNs}:${info.ino}`
  } catch {
    return undefined
  }
}

export interface SummaryLookup {
  /** key -> its raw line (parsed when asked for). */
  lines: Map<string, string>
  /** article id -> its file as the last run left it. */
  kept: Map<string, KeptFile>
  notice?: string
}

/** The summary of the last finished run of this version; empty when there is none or it is another version's. */
export function readSummary(cacheDir: string, version: string): SummaryLookup {
  const empty = (notice?: string): SummaryLookup => ({ lines: new Map(), kept: new Map(), ...(notice === undefined ? {} : { notice }) })
  const path = join(cacheDir, SUMMARY_FILE)
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return empty()
  }
  const first = text.slice(0, text.indexOf('\n'))
  if (first.startsWith(HEADER) && first !== `${HEADER} ${version}`) return empty() // an older ingest's
  const why = summaryProblem(text, version)
  if (why === undefined) {
    const lines = new Map<string, string>()
    const kept = new Map<string, KeptFile>()
    const all = text.split('\n')
    for (let i = 1; i < all.length - 1; i++) {
      const line = all[i]!
      if (line.startsWith('k\t')) {
        const fields = line.split('\t')
        const [, id, key, outletName, storyTail, article, text] = fields
        try {
          if (fields.length !== 7) throw new Error('not a kept line')
          const file = { key: key!, outletName: JSON.parse(outletName!) as unknown, storyTail: JSON.parse(storyTail!) as unknown, article: article!, text: text! }
          if (typeof file.outletName === 'string' && typeof file.storyTail === 'string') kept.set(id!, file as KeptFile)
        } catch {
          // a kept file of an unreadable line is not carried: it is built again from its entry
        }
      } else lines.set(line.slice(0, 64), line)
    }
    return { lines, kept }
  }
  const aside = `${path}.corrupt-${process.pid}-${randomBytes(4).toString('hex')}`
  try {
    renameSync(path, aside)
  } catch (error) {
    return empty(`run summary ${path} is ${why} and could not be set aside (${(error as NodeJS.ErrnoException).code ?? String(error)}); the cache entries were read instead`)
  }
  return empty(`run summary ${path} is ${why}; set aside as ${aside}, the cache entries were read instead`)
}

/** Why the file is not a whole summary; its lines are checked as they are used (parseSummary, the kept lines' fields). */
function summaryProblem(text: string, version: string): string | undefined {
  if (!text.endsWith(`\n${END}`)) return 'cut short (no end line)'
  if (!text.startsWith(`${HEADER} ${version}\n`)) return 'not a run summary of this format'
  return undefined
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** A summary line's result, or undefined when the line does not hold one (the entry is read instead). */
export function parseSummary(line: string): Summary | undefined {
  const [, header, feature, ...rest] = line.split('\t')
  if (header === undefined || feature === undefined || rest.length > 0) return undefined
  let value: unknown
  try {
    value = JSON.parse(header)
  } catch {
    return undefined
  }
  if (!isRecord(value)) return undefined
  if (value.kind === 'problem') return typeof value.reason === 'string' ? { kind: 'problem', reason: value.reason } : undefined
  const { entry, outlet, canonicalUrl, labels } = value
  if (value.kind !== 'article' || !isRecord(entry) || typeof entry.id !== 'string' || typeof entry.publishedAt !== 'string') return undefined
  if (!isRecord(outlet) || typeof outlet.id !== 'string' || typeof canonicalUrl !== 'string' || !Array.isArray(labels)) return undefined
  const bytes = Buffer.from(feature, 'base64')
  if (bytes.length % 4 !== 0) return undefined
  return {
    kind: 'article',
    entry: entry as unknown as ListEntry,
    outlet: outlet as unknown as OutletInfo,
    canonicalUrl,
    labels: labels as string[],
    feature: new Uint32Array(Uint8Array.from(bytes).buffer),
  }
}

/** A summary line of a result (its key first). */
export function summaryLine(key: string, result: Summary): string {
  if (result.kind === 'problem') return `${key}\t${JSON.stringify({ kind: 'problem', reason: result.reason })}\t`
  const { entry, outlet, canonicalUrl, labels, feature } = result
  const bytes = Buffer.from(feature.buffer, feature.byteOffset, feature.byteLength).toString('base64')
  return `${key}\t${JSON.stringify({ kind: 'article', entry, outlet, canonicalUrl, labels })}\t${bytes}`
}

/** A field of a kept line, as JSON: it then holds no tab or newline. */
const field = (text: string) => JSON.stringify(text)

/** Written as the run goes (lines of results, then kept files), to a temporary name renamed at the end. */
export class SummaryWriter {
  private readonly temporary: string
  private fd: number
  private buffer: string[] = []
  private chars = 0

  constructor(private readonly cacheDir: string, version: string) {
    mkdirSync(cacheDir, { recursive: true })
    this.temporary = join(cacheDir, `${SUMMARY_FILE}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`)
    this.fd = openSync(this.temporary, 'w')
    this.push(`${HEADER} ${version}`)
  }

  private push(line: string): void {
    this.buffer.push(line)
    this.chars += line.length
    if (this.chars > 1 << 20) this.drain()
  }

  private drain(): void {
    if (this.buffer.length > 0) writeSync(this.fd, this.buffer.join('\n') + '\n')
    this.buffer = []
    this.chars = 0
  }

  /** line: summaryLine's, or a line read from the last summary. */
  result(line: string): void {
    this.push(line)
  }

  kept(id: string, file: KeptFile): void {
    this.push(['k', id, file.key, field(file.outletName), field(file.storyTail), file.article, file.text].join('\t'))
  }

  finish(): void {
    this.push(END)
    const text = this.buffer.join('\n')
    this.buffer = []
    writeSync(this.fd, text)
    closeSync(this.fd)
    renameSync(this.temporary, join(this.cacheDir, SUMMARY_FILE))
  }

  /** A run that fails leaves the last summary as it was. */
  abandon(): void {
    try {
      closeSync(this.fd)
    } catch {
      // already closed
    }
    rmSync(this.temporary, { force: true })
  }
}
