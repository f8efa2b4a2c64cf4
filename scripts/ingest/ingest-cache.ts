// What the ingest remembers between runs: each input file's worker result (list entry, article file,
// grams, story feature, or the problem it had), keyed by the file's content, its path and the ingest's
// own version, so an unchanged file is never parsed again and a new ingest never trusts an old entry.
// One file per entry, `<dir>/<key[0..2]>/<key>.entry` (lines, see entryText), written to a temporary name and renamed.
// An entry that cannot be read is renamed `<key>.entry.corrupt-<pid>-<random>` (set aside, never deleted).
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { SCHEMA_VERSION } from '../../src/types/data'
import { GRAM_GROUPS, type Processed } from './process-file'

export { fileStamp } from './file-stamp'

/** Where default caches go: in the working folder (the project), never inside public/, which Vite copies into dist/. */
export const CACHE_ROOT = '.ingest-cache'

/**
 * The default --cache of an output folder: one per --out, `.ingest-cache/<name>-<hash of its path>`, since
 * a run removes the entries it did not use and two archives must not remove each other's.
 */
export function defaultCacheDir(outDir: string): string {
  const path = resolve(outDir)
  return join(CACHE_ROOT, `${basename(path)}-${createHash('sha256').update(path).digest('hex').slice(0, 8)}`)
}
const ENTRY_FORMAT = 5
const CORRUPT = '.corrupt-'

/** A worker result as the sink spills it: grams in GRAM_GROUPS joined groups (gramGroups). */
export type Remembered =
  | { kind: 'problem'; reason: string }
  | (Omit<Extract<Processed, { kind: 'article' }>, 'grams' | 'gramFlags'> & { groups: string[] })

export type Lookup = { result: Remembered; notice?: undefined } | { result?: undefined; notice?: string }

/**
 * The ingest's version: a hash of the schema and of every source file the worker runs (found by
 * following relative imports from process-file.ts) and the versions of the packages they import.
 * Editing the parser, the cleaner or the outlet table therefore invalidates every entry.
 */
export function ingestVersion(stories: boolean): string {
  const hash = createHash('sha256').update(`schema ${SCHEMA_VERSION} entry ${ENTRY_FORMAT} stories ${stories}\n`)
  const root = fileURLToPath(new URL('../../', import.meta.url))
  const seen = new Set<string>()
  const packages = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    const text = readFileSync(file, 'utf8')
    hash.update(`${relative(root, file)}\n${text}\n`)
    for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
      if (spec!.startsWith('.')) visit(resolveSource(join(dirname(file), spec!)))
      else if (!spec!.startsWith('node:')) packages.add(spec!.startsWith('@') ? spec!.split('/').slice(0, 2).join('/') : spec!.split('/')[0]!)
    }
  }
  visit(fileURLToPath(new URL('./process-file.ts', import.meta.url)))
  for (const name of [...packages].sort()) {
    let version = 'unknown'
    try {
      version = (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version?: string }).version ?? version
    } catch {
      // a package without a readable package.json: its name alone goes into the version
    }
    hash.update(`package ${name}@${version}\n`)
  }
  return hash.digest('hex').slice(0, 16)
}

function resolveSource(path: string): string {
  for (const candidate of [path, `${path}.ts`, `${path}.tsx`, join(path, 'index.ts')]) {
    try {
      readFileSync(candidate) // a folder throws EISDIR
      return candidate
    } catch {
      // try the next spelling
    }
  }
  throw new Error(`ingest version: cannot find the source file ${path}`)
}

/** The stamps of the last finished run (`readStamps`), beside the entry folders. */
const STAMPS_FILE = 'stamps.jsonl'
const STAMPS_HEADER = 'archive-reader ingest stamps'

export class IngestCache {
  constructor(
    readonly dir: string,
    private readonly version: string,
  ) {}

  keyOf(bytes: Uint8Array, source: string): string {
    return createHash('sha256').update(`${this.version}\n${source}\n`).update(bytes).digest('hex')
  }

  private pathOf(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.entry`)
  }

  private get stampsPath(): string {
    return join(this.dir, STAMPS_FILE)
  }

  /** What the last finished run saw: source -> its stamp and key. An unreadable file is no stamps (every file is read). */
  readStamps(): Map<string, { stamp: string; key: string }> {
    const stamps = new Map<string, { stamp: string; key: string }>()
    let text = ''
    try {
      text = readFileSync(this.stampsPath, 'utf8')
    } catch {
      return stamps
    }
    const lines = text.split('\n')
    if (lines[0] !== `${STAMPS_HEADER} ${this.version}`) return stamps
    for (const line of lines.slice(1)) {
      if (line === '') continue
      try {
        const [source, stamp, key] = JSON.parse(line) as unknown[]
        if (typeof source === 'string' && typeof stamp === 'string' && typeof key === 'string') stamps.set(source, { stamp, key })
      } catch {
        return new Map() // a damaged file: trust none of it
      }
    }
    return stamps
  }

  /** Written at the end of a finished run: files with a stamp and a key. */
  writeStamps(files: readonly { source: string; stamp?: string; key?: string }[]): void {
    const lines = [`${STAMPS_HEADER} ${this.version}`]
    for (const { source, stamp, key } of files) if (stamp !== undefined && key !== undefined) lines.push(JSON.stringify([source, stamp, key]))
    mkdirSync(this.dir, { recursive: true })
    const temporary = `${this.stampsPath}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`
    writeFileSync(temporary, lines.join('\n') + '\n')
    renameSync(temporary, this.stampsPath)
  }

  has(key: string): boolean {
    return existsSync(this.pathOf(key))
  }

  /** The stored result of key; a missing entry is no result, an unreadable one is set aside and named in notice. */
  read(key: string): Lookup {
    const path = this.pathOf(key)
    let text: string
    try {
      text = readFileSync(path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
      return { notice: `cache entry ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); the file was parsed again` }
    }
    const checked = checkEntry(text, key)
    if (typeof checked !== 'string') return { result: checked }
    const why = checked
    const aside = `${path}${CORRUPT}${process.pid}-${randomBytes(4).toString('hex')}`
    try {
      renameSync(path, aside)
    } catch (error) {
      return { notice: `cache entry ${path} is ${why} and could not be set aside (${(error as NodeJS.ErrnoException).code ?? String(error)}); the file was parsed again` }
    }
    return { notice: `cache entry ${path} is ${why}; set aside as ${aside}, the file was parsed again` }
  }

  private readonly folders = new Set<string>()

  write(key: string, result: Remembered): void {
    const path = this.pathOf(key)
    const folder = dirname(path)
    if (!this.folders.has(folder)) mkdirSync(folder, { recursive: true })
    this.folders.add(folder)
    const temporary = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`
    writeFileSync(temporary, entryText(key, result))
    renameSync(temporary, path) // a reader sees the old entry or the whole new one
  }

  /**
   * Removes entries of files that are gone or changed (keys not used by this run) and temporary files of
   * dead writes; set-aside entries stay. Returns how many entries it removed.
   */
  prune(used: ReadonlySet<string>): number {
    let removed = 0
    let folders: string[]
    try {
      folders = readdirSync(this.dir)
    } catch {
      return 0
    }
    for (const folder of folders) {
      if (!/^[0-9a-f]{2}$/.test(folder)) continue
      for (const name of readdirSync(join(this.dir, folder))) {
        const entry = /^([0-9a-f]{64})\.entry(\.tmp-\d+-[0-9a-f]+)?$/.exec(name)
        if (!entry || (entry[2] === undefined && used.has(entry[1]!))) continue
        rmSync(join(this.dir, folder, name), { force: true })
        removed++
      }
    }
    return removed
  }
}

// An entry is lines, so reading one parses only the small header as JSON: the header (format, key, the
// result without its article file, story feature and grams), the article file's JSON (JSON.stringify
// writes no raw newline), the story feature as base64 of its bytes, GRAM_GROUPS lines of grams (no gram
// holds whitespace), and `end` last, so a cut-short write never passes for an entry.
const END = 'end'

function entryText(key: string, result: Remembered): string {
  if (result.kind === 'problem') return `${JSON.stringify({ format: ENTRY_FORMAT, key, result })}\n${END}`
  const { json, groups, feature, ...rest } = result
  if ('grams' in rest || 'gramFlags' in rest) throw new Error('a cache entry keeps grams only in groups')
  const header = JSON.stringify({ format: ENTRY_FORMAT, key, result: rest })
  const bytes = Buffer.from(feature.buffer, feature.byteOffset, feature.byteLength).toString('base64')
  return `${header}\n${json}\n${bytes}\n${groups.join('\n')}\n${END}`
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const isString = (value: unknown): value is string => typeof value === 'string'

/** The remembered result, or why text is not a whole entry for key (cut short, edited, another key or format). */
function checkEntry(text: string, key: string): Remembered | string {
  if (!text.endsWith(`\n${END}`)) return 'cut short (no end line)'
  const lines = text.split('\n')
  let value: unknown
  try {
    value = JSON.parse(lines[0]!)
  } catch {
    return 'not valid: its header is not JSON'
  }
  if (!isRecord(value) || value.format !== ENTRY_FORMAT) return 'not an entry of this format'
  if (value.key !== key) return 'the entry of another file'
  const result = value.result
  if (!isRecord(result)) return 'missing its result'
  if (result.kind === 'problem') return lines.length === 2 && isString(result.reason) ? { kind: 'problem', reason: result.reason } : 'a problem without a reason'
  if (result.kind !== 'article') return 'of an unknown kind'
  if (lines.length !== GRAM_GROUPS + 4) return `of ${lines.length} lines, not ${GRAM_GROUPS + 4}`
  const { entry, outlet, labels, canonicalUrl } = result
  if (!isRecord(entry) || !isString(entry.id) || !isString(entry.publishedAt) || !isString(entry.outlet)) return 'missing its list entry'
  if (!isRecord(outlet) || !isString(outlet.id) || !isString(outlet.name) || !isString(outlet.color)) return 'missing its outlet'
  if (!isString(canonicalUrl)) return 'missing its URL'
  if (!isString(result.searchText)) return 'missing its search text'
  if (!Array.isArray(labels) || !labels.every(isString)) return 'missing its labels'
  const bytes = Buffer.from(lines[2]!, 'base64')
  if (bytes.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(lines[2]!)) return 'missing its story feature'
  const json = lines[1]!
  // The story step writes over the article file's closing brace (write-stories.ts).
  if (!json.startsWith('{') || !json.endsWith('}')) return 'holding a broken article file'
  return {
    ...(result as unknown as Omit<Extract<Remembered, { kind: 'article' }>, 'json' | 'groups' | 'feature'>),
    json,
    groups: lines.slice(3, 3 + GRAM_GROUPS),
    feature: new Uint32Array(Uint8Array.from(bytes).buffer), // a copy: aligned, and not a view of Buffer's pool
  }
}
