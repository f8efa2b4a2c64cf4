// The ingest run: walk the archive, build every article, write the bundle into a staging folder
// and swap it in. Memory stays flat: bodies are written as they are built, search postings are
// spilled to partition files and merged one partition at a time after the global sort.
import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { lstat, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import {
  MAX_SHARD_ENTRIES,
  SCHEMA_VERSION,
  type IndexShard,
  type ListEntry,
  type Manifest,
  type Outlet,
  type ShardRef,
} from '../../src/types/data'
import type { OutletInfo } from './outlets'
import { ArticleSink, type Built } from './process-file'
import { mergePartition } from './search-postings'
import { WorkerPool } from './worker-pool'

export class UsageError extends Error {}

/** Written into manifest.json: marks a folder as a bundle this tool wrote, which a later run may replace. */
export const GENERATOR = 'archive-reader ingest'
/** What a bundle folder holds; a folder with anything else is never replaced. */
const BUNDLE_ENTRIES = new Set(['manifest.json', 'index', 'search', 'articles'])

export interface IngestOptions {
  inDir: string
  outDir: string
  /** Called for every file that is skipped: path relative to inDir, and why. */
  onProblem?: (source: string, reason: string) => void
  /** Called after each input file is handled (it may throw to abort the run). */
  onProgress?: (done: number, total: number) => void
  onLog?: (message: string) => void
  /** Worker threads for parsing and cleaning; 0 runs everything in this thread. Default: by corpus size. */
  workers?: number
  /** Aborts the run (SIGINT/SIGTERM in the CLI): staging and spill folders are removed, the old bundle stays. */
  signal?: AbortSignal
  /** Where the spill (work) folder goes; default the system temp folder. It need not share --out's filesystem. */
  workRoot?: string
}

export interface IngestSummary {
  files: number
  articles: number
  duplicates: number
  problems: number
  ignored: number
  shards: number
  buckets: number
}

const INPUT_EXTENSIONS = /\.(txt|md)$/i
/** Files kept in flight: enough to keep the workers and the disk busy, small enough to bound memory. */
const WINDOW = 128
/** Files per worker message: one message per file cost more than building small articles. */
const BATCH = 16
const MAX_PARTITIONS = 256
/** Spill folders in the temp folder: `archive-reader-ingest.work-<pid>-<random>`. */
const WORK_PREFIX = 'archive-reader-ingest.work-'

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' // alive, someone else's
  }
}

/**
 * Removes folders `<prefix><pid>-<random>` in dir left by runs that died (killed with SIGKILL, power
 * loss): only those whose process is gone, so a concurrent run's folders are never touched.
 */
export async function removeStale(dir: string, prefixes: readonly string[]): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[])
  for (const name of names) {
    const prefix = prefixes.find((p) => name.startsWith(p))
    if (prefix === undefined) continue
    const pid = Number(/^(\d+)-[0-9a-f]+$/.exec(name.slice(prefix.length))?.[1])
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isAlive(pid)) {
      await rm(join(dir, name), { recursive: true, force: true })
    }
  }
}

/** Search buckets scale with the corpus: about 25 articles' postings per bucket, a power of two, 1..4096. */
export function bucketCountFor(articles: number): number {
  let buckets = 1
  while (buckets < articles / 25 && buckets < 4096) buckets *= 2
  return buckets
}

/** Input files under a folder: *.txt and *.md at any depth, hidden entries skipped, sorted by path. */
export async function listInputFiles(root: string, skip: readonly string[] = []): Promise<{ files: string[]; ignored: number }> {
  const files: string[] = []
  let ignored = 0
  const skipped = new Set(skip.map((path) => resolve(path)))
  const walk = async (dir: string) => {
    const entries = await readdir(dir, { withFileTypes: true })
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue
      const path = join(dir, entry.name)
      if (entry.isDirectory()) {
        if (!skipped.has(resolve(path))) await walk(path)
      } else if (entry.isFile() && INPUT_EXTENSIONS.test(entry.name)) {
        files.push(relative(root, path).split(sep).join('/'))
      } else {
        ignored++
      }
    }
  }
  await walk(root)
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  return { files, ignored }
}

interface Meta {
  seq: number
  entry: ListEntry
}

export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  const inDir = resolve(options.inDir)
  const outDir = resolve(options.outDir)
  const log = options.onLog ?? (() => {})
  const info = await stat(inDir).catch(() => undefined)
  if (!info?.isDirectory()) throw new UsageError(`input folder not found: ${options.inDir}`)
  if (inDir === outDir || inDir.startsWith(outDir + sep)) throw new UsageError('--in must not be inside --out')
  const refusal = await replaceRefusal(outDir)
  if (refusal) throw new UsageError(refusal)

  const { files, ignored } = await listInputFiles(inDir, [outDir])

  const parent = dirname(outDir)
  const workRoot = options.workRoot ?? tmpdir()
  const name = basename(outDir)
  await mkdir(parent, { recursive: true })
  await removeStale(parent, [`.${name}.staging-`, `.${name}.old-`, `.${name}.work-`])
  await removeStale(workRoot, [WORK_PREFIX])
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`
  // Staging must share --out's filesystem (the swap is a rename); the spill folder need not, so it stays
  // out of public/ (where Vite would copy a leftover into dist/).
  const stage = join(parent, `.${name}.staging-${tag}`)
  const work = join(workRoot, `${WORK_PREFIX}${tag}`)
  const signal = options.signal
  let pool: WorkerPool | undefined
  // Stop the workers at once: their pending jobs reject and the run unwinds through the cleanup below.
  const stopWorkers = () => void pool?.close().catch(() => {})
  signal?.addEventListener('abort', stopWorkers, { once: true })
  try {
    signal?.throwIfAborted()
    await mkdir(join(stage, 'articles'), { recursive: true })
    await mkdir(join(stage, 'index'))
    await mkdir(join(stage, 'search'))
    await mkdir(work, { recursive: true })
    log(`${files.length} input files (${ignored} other files ignored)`)

    const workers = options.workers ?? (files.length >= 2000 ? Math.min(4, Math.max(1, availableParallelism())) : 0)
    if (workers > 0) pool = new WorkerPool(workers)
    const buckets = bucketCountFor(files.length)
    const partitions = Math.max(1, Math.min(buckets / 8, MAX_PARTITIONS))
    const sinkOptions = { work, partitions }
    const local = pool ? undefined : new ArticleSink({ ...sinkOptions, writer: 'main' })
    const writers = pool ? await pool.start(sinkOptions) : ['main']
    const pathOf = (source: string) => join(inDir, ...source.split('/'))
    /** Builds files [from, to) in one job. */
    const run = (from: number, to: number): Promise<Built[]> => {
      const jobs = files.slice(from, to).map((source, i) => ({ path: pathOf(source), source, seq: from + i }))
      if (pool) return pool.run(jobs)
      try {
        return Promise.resolve(jobs.map((job) => local!.build(job.path, job.source, job.seq)))
      } catch (error) {
        return Promise.reject(error)
      }
    }
    const byUrl = new Map<string, string>()
    const byId = new Map<string, string>()
    const outlets = new Map<string, OutletInfo>()
    const metas: Meta[] = []
    let duplicates = 0
    let problems = 0
    const report = (source: string, reason: string) => options.onProblem?.(source, reason)

    // Files are built out of order but committed in path order, so "first file wins" is deterministic.
    const pending = new Map<number, Promise<Built[]>>() // by the first seq of each batch
    let launched = 0
    let batch: Built[] = []
    for (let seq = 0; seq < files.length; seq++) {
      while (launched < files.length && launched < seq + WINDOW) {
        const job = run(launched, Math.min(files.length, launched + BATCH))
        job.catch(() => {}) // awaited in order below; this only keeps an abandoned run from an unhandled rejection
        pending.set(launched, job)
        launched = Math.min(files.length, launched + BATCH)
      }
      if (seq % BATCH === 0) {
        // Without workers every await here is a microtask: give a signal handler a turn now and then.
        if (!pool && seq % (BATCH * 16) === 0) await new Promise(setImmediate)
        signal?.throwIfAborted()
        batch = await pending.get(seq)!
        pending.delete(seq)
      }
      const result = batch[seq % BATCH]!
      const source = files[seq]!
      if (result.kind === 'problem') {
        problems++
        report(source, result.reason)
      } else {
        const first = byUrl.get(result.canonicalUrl)
        const clash = byId.get(result.entry.id)
        if (first !== undefined) {
          duplicates++
          report(source, `duplicate of ${first}`)
        } else if (clash !== undefined) {
          problems++
          report(source, `id ${result.entry.id} collides with ${clash}`)
        } else {
          byUrl.set(result.canonicalUrl, source)
          byId.set(result.entry.id, source)
          outlets.set(result.outlet.id, result.outlet)
          metas.push({ seq, entry: result.entry })
          // Synchronous: the event loop has nothing else to do, and a file create costs more than the wait.
          writeFileSync(join(stage, 'articles', `${result.entry.id}.json`), result.json)
        }
      }
      options.onProgress?.(seq + 1, files.length)
    }
    if (pool) await pool.flush()
    else local!.flush()
    log(`${metas.length} articles built; sorting and writing indexes`)

    metas.sort((a, b) =>
      a.entry.publishedAt < b.entry.publishedAt ? 1 : a.entry.publishedAt > b.entry.publishedAt ? -1 : a.entry.id < b.entry.id ? -1 : 1,
    )
    // Shared, so merge workers read it without a copy.
    const numberOf = new Int32Array(new SharedArrayBuffer(4 * Math.max(1, files.length))).fill(-1)
    metas.forEach((meta, number) => (numberOf[meta.seq] = number))

    const shards = await writeShards(stage, metas)
    // One partition per worker at a time: memory holds a few partitions' postings, never all of them.
    let postings = 0
    let nextPartition = 0
    const mergeNext = async (): Promise<void> => {
      while (nextPartition < partitions) {
        signal?.throwIfAborted()
        const job = { work, stage, partition: nextPartition++, partitions, buckets, numberOf, writers }
        const written = await (pool ? pool.merge(job) : mergePartition(job))
        postings += written
      }
    }
    await Promise.all(Array.from({ length: Math.max(1, workers) }, mergeNext))
    log(`${postings} postings in ${buckets} search buckets`)
    await pool?.close()
    pool = undefined
    const manifest = manifestOf(metas, outlets, shards, buckets)
    await writeFile(join(stage, 'manifest.json'), JSON.stringify(manifest))
    signal?.throwIfAborted() // past this point the run finishes: the swap is two renames
    await swapIn(stage, outDir)
    return { files: files.length, articles: metas.length, duplicates, problems, ignored, shards: shards.length, buckets }
  } catch (error) {
    await pool?.close().catch(() => {})
    await rm(stage, { recursive: true, force: true })
    // An abort surfaces as whatever it interrupted (a worker that was stopped): report the abort.
    throw signal?.aborted ? signal.reason : error
  } finally {
    signal?.removeEventListener('abort', stopWorkers)
    await rm(work, { recursive: true, force: true })
  }
}

/**
 * Why outDir must not be replaced, or undefined when it is missing, empty, or a bundle this tool wrote
 * (a manifest.json with the generator mark, or the schema/shards/search of one written before the mark,
 * and nothing but bundle entries). The swap deletes the old folder, so anything else is refused.
 */
export async function replaceRefusal(outDir: string): Promise<string | undefined> {
  const info = await lstat(outDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined
    throw error
  })
  if (!info) return undefined
  if (!info.isDirectory()) return `--out ${outDir} exists and is not a folder; refusing to replace it`
  const names = await readdir(outDir)
  if (names.length === 0) return undefined
  let manifest: unknown
  try {
    manifest = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8'))
  } catch {
    manifest = undefined
  }
  const fields = typeof manifest === 'object' && manifest !== null ? (manifest as Record<string, unknown>) : {}
  const isBundle =
    fields.generator === GENERATOR ||
    (typeof fields.schema === 'number' && Array.isArray(fields.shards) && typeof fields.search === 'object')
  if (!isBundle) {
    return `--out ${outDir} is not empty and is not a bundle written by this tool (no manifest.json with "generator": "${GENERATOR}"); refusing to replace it: pick a new or empty folder`
  }
  const others = names.filter((name) => !BUNDLE_ENTRIES.has(name))
  if (others.length > 0) {
    return `--out ${outDir} holds files that are not part of a bundle (${others.slice(0, 3).join(', ')}${others.length > 3 ? ', …' : ''}); refusing to replace it`
  }
  return undefined
}

/** Replaces outDir by the staged bundle with renames on one filesystem; the old bundle survives any failure before. */
async function swapIn(stage: string, outDir: string): Promise<void> {
  const old = `${join(dirname(outDir), '.' + basename(outDir))}.old-${process.pid}-${randomBytes(4).toString('hex')}`
  const hadOld = await stat(outDir).then(
    () => true,
    () => false,
  )
  if (hadOld) await rename(outDir, old)
  try {
    await rename(stage, outDir)
  } catch (error) {
    if (hadOld) await rename(old, outDir)
    throw error
  }
  if (hadOld) await rm(old, { recursive: true, force: true })
}

async function writeShards(stage: string, metas: readonly Meta[]): Promise<ShardRef[]> {
  const shards: ShardRef[] = []
  let start = 0
  while (start < metas.length) {
    const month = metas[start]!.entry.publishedAt.slice(0, 7)
    let end = start + 1
    while (end < metas.length && end - start < MAX_SHARD_ENTRIES && metas[end]!.entry.publishedAt.slice(0, 7) === month) end++
    const entries = metas.slice(start, end).map((meta) => meta.entry)
    const file = `index/${shards.length}.json`
    const shard: IndexShard = { start, entries }
    await writeFile(join(stage, file), JSON.stringify(shard))
    shards.push({ file, month, start, count: entries.length, newest: entries[0]!.publishedAt, oldest: entries.at(-1)!.publishedAt })
    start = end
  }
  return shards
}

function manifestOf(
  metas: readonly Meta[],
  outlets: Map<string, OutletInfo>,
  shards: ShardRef[],
  buckets: number,
): Manifest & { generator: string } {
  const counts = new Map<string, number>()
  const months: Record<string, Record<string, number>> = {}
  for (const { entry } of metas) {
    counts.set(entry.outlet, (counts.get(entry.outlet) ?? 0) + 1)
    const month = (months[entry.publishedAt.slice(0, 7)] ??= {})
    month[entry.outlet] = (month[entry.outlet] ?? 0) + 1
  }
  for (const [key, perOutlet] of Object.entries(months)) {
    months[key] = Object.fromEntries(Object.entries(perOutlet).sort(([a], [b]) => (a < b ? -1 : 1)))
  }
  const outletList: Outlet[] = [...outlets.values()]
    .map((outlet) => ({ id: outlet.id, name: outlet.name, color: outlet.color, count: counts.get(outlet.id) ?? 0 }))
    .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1))
  return {
    schema: SCHEMA_VERSION,
    generator: GENERATOR, // the app ignores it; a later run checks it before replacing the folder
    articleCount: metas.length,
    outlets: outletList,
    shards,
    months,
    search: { buckets, file: 'search/{bucket}.json' },
  }
}
