// The ingest run: walk the archive, build every article, write the bundle into a staging folder
// and swap it in. Memory stays flat: bodies are written as they are built, search postings are
// spilled to partition files and merged one partition at a time after the global sort.
// The parts: list-input.ts (the walk), output-folder.ts (everything that may delete a folder),
// build-index.ts (pure: shards and manifest), process-file.ts and search-postings.ts (articles, search).
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { stat, writeFile } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { articlePath, MANIFEST_FILE, searchTextPath, type Article, type ListEntry } from '../../src/types/data'
import { bucketCountFor, buildIndex, listOrder } from './build-index'
import { listInputFiles } from './list-input'
import { agreedLabels } from './outlet-labels'
import { isTableOutlet, type OutletInfo } from './outlets'
import { createRunFolders, discardStage, outputRefusal, prepareRun, removeWork, restoreParked, swapIn } from './output-folder'
import { ArticleSink, type Built } from './process-file'
import { mergePartition } from './search-postings'
import { UrlVersions } from './versions'
import { storiesOf, StoryFeatureStore } from './stories'
import { writeStories } from './write-stories'
import { WorkerPool } from './worker-pool'

export class UsageError extends Error {}

export interface IngestOptions {
  inDir: string
  outDir: string
  /** Called for every file that is skipped: path relative to inDir, and why. */
  onProblem?: (source: string, reason: string) => void
  /** Called after each input file is handled (it may throw to abort the run). */
  onProgress?: (done: number, total: number) => void
  onLog?: (message: string) => void
  /** Something the user should know even without --verbose (a bundle restored after a crash). */
  onNotice?: (message: string) => void
  /** Worker threads for parsing and cleaning; 0 runs everything in this thread. Default: by corpus size. */
  workers?: number
  /** Aborts the run (SIGINT/SIGTERM in the CLI): staging and spill folders are removed, the old bundle stays. */
  signal?: AbortSignal
  /** Read linked files and folders (each real file once); by default each link is reported and skipped. */
  followSymlinks?: boolean
  /** Where the spill (work) folder goes; default the system temp folder. It need not share --out's filesystem. */
  workRoot?: string
  /** Group articles into stories (stories.ts); default true. Off only to measure what clustering costs. */
  stories?: boolean
}

export interface IngestSummary {
  files: number
  articles: number
  duplicates: number
  problems: number
  ignored: number
  shards: number
  buckets: number
  stories: number
}

/** Files kept in flight: enough to keep the workers and the disk busy, small enough to bound memory. */
const WINDOW = 128
/** Files per worker message: one message per file cost more than building small articles. */
const BATCH = 16
const MAX_PARTITIONS = 256

interface Meta {
  seq: number
  entry: ListEntry
}

export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  const inDir = resolve(options.inDir)
  const outDir = resolve(options.outDir)
  const log = options.onLog ?? (() => {})
  const restored = await restoreParked(outDir)
  if (restored) options.onNotice?.(`restored the previous bundle from ${restored}`)
  const info = await stat(inDir).catch(() => undefined)
  if (!info?.isDirectory()) throw new UsageError(`input folder not found: ${options.inDir}`)
  const refusal = await outputRefusal(inDir, outDir)
  if (refusal) throw new UsageError(refusal)

  const listing = await listInputFiles(inDir, { skip: [outDir], followSymlinks: options.followSymlinks })
  const { files, ignored } = listing
  const folders = await prepareRun(outDir, options.workRoot ?? tmpdir())
  const { stage, work } = folders
  const signal = options.signal
  let pool: WorkerPool | undefined
  // Stop the workers at once: their pending jobs reject and the run unwinds through the cleanup below.
  const stopWorkers = () => void pool?.close().catch(() => {})
  signal?.addEventListener('abort', stopWorkers, { once: true })
  try {
    signal?.throwIfAborted()
    await createRunFolders(folders)
    log(`${files.length} input files (${ignored} other files ignored)`)

    const workers = options.workers ?? (files.length >= 2000 ? Math.min(4, Math.max(1, availableParallelism())) : 0)
    if (workers > 0) pool = new WorkerPool(workers)
    const buckets = bucketCountFor(files.length)
    const partitions = Math.max(1, Math.min(buckets / 8, MAX_PARTITIONS))
    const sinkOptions = { work, partitions, stories: options.stories !== false }
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
    const versions = new UrlVersions() // by canonical URL: the newest version stays (versions.ts)
    const slotOf = new Map<string, number>() // canonical URL -> its index in metas
    const byId = new Map<string, { source: string; url: string }>()
    const outlets = new Map<string, OutletInfo>()
    const metas: Meta[] = []
    const labelsBySeq = new Map<number, string[]>() // front matter labels of hosts the table does not know
    let features = options.stories === false ? undefined : new StoryFeatureStore(files.length)
    let duplicates = 0
    let problems = 0
    const report = (source: string, reason: string) => options.onProblem?.(source, reason)
    for (const problem of listing.problems) {
      problems++
      report(problem.source, problem.reason)
    }

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
        const { entry, json, canonicalUrl: url } = result
        const clash = byId.get(entry.id)
        if (clash !== undefined && clash.url !== url) {
          problems++
          report(source, `id ${entry.id} collides with ${clash.source}`)
        } else {
          const offer = versions.offer(url, { source, id: entry.id, publishedAt: entry.publishedAt, json: () => json })
          if (offer.kind === 'new') slotOf.set(url, metas.push({ seq, entry }) - 1)
          else duplicates++
          if (offer.kind === 'replaces') metas[slotOf.get(url)!] = { seq, entry }
          byId.set(entry.id, { source, url }) // a dropped version's id too: it may become an alias
          if (offer.kind !== 'dropped') {
            if (result.labels) labelsBySeq.set(seq, result.labels)
            outlets.set(result.outlet.id, result.outlet)
            features?.add(seq, result.feature) // a replaced version's feature stays unread: clustering reads the kept ones
            const path = join(stage, articlePath(entry.id))
            // Synchronous: the event loop has nothing else to do, and a file create costs more than the wait.
            writeFileSync(path, json)
            writeFileSync(join(stage, searchTextPath(entry.id)), result.searchText)
            // The kept version's body is read back only if its URL comes again (rare), never held.
            versions.kept(url)!.json = () => readFileSync(path, 'utf8')
          }
        }
      }
      options.onProgress?.(seq + 1, files.length)
    }
    const { reports, aliases } = versions.finish()
    for (const { source, reason } of reports) report(source, reason)
    nameOutletsByLabel(stage, metas, labelsBySeq, outlets)
    // A dropped version's id (a URL variant) opens the kept article: bookmarks of it keep working.
    const keptEntries = new Map(aliases.length > 0 ? metas.map(({ entry }) => [entry.id, entry]) : [])
    for (const [oldId, keptId] of aliases) {
      const entry = keptEntries.get(keptId)!
      entry.aliases = [...(entry.aliases ?? []), oldId] // the bookmarks view finds an old id's article by it
    }
    if (pool) await pool.flush()
    else local!.flush()
    log(`${metas.length} articles built; sorting and writing indexes`)

    metas.sort((a, b) => listOrder(a.entry, b.entry))
    // Shared, so merge workers read it without a copy.
    const numberOf = new Int32Array(new SharedArrayBuffer(4 * Math.max(1, files.length))).fill(-1)
    metas.forEach((meta, number) => (numberOf[meta.seq] = number))
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
    // Stories after the merge, when the workers' memory is gone: clustering never adds to the merge's peak.
    const stories = features ? storiesOf(metas, features, log) : []
    features = undefined
    await writeStories(stage, stories, log)
    // After every rewrite of article files (outlet names, story refs): an alias is a byte copy of the final file.
    for (const [oldId, keptId] of aliases) copyFileSync(join(stage, articlePath(keptId)), join(stage, articlePath(oldId)))
    const { shards, manifest } = buildIndex(metas.map((meta) => meta.entry), outlets.values(), { buckets })
    for (const { path, shard } of shards) await writeFile(join(stage, path), JSON.stringify(shard))
    await writeFile(join(stage, MANIFEST_FILE), JSON.stringify(manifest))
    signal?.throwIfAborted() // past this point the run finishes: the swap is two renames
    await swapIn(folders, outDir)
    return { files: files.length, articles: metas.length, duplicates, problems, ignored, shards: shards.length, buckets, stories: stories.length }
  } catch (error) {
    await pool?.close().catch(() => {})
    await discardStage(folders)
    // An abort surfaces as whatever it interrupted (a worker that was stopped): report the abort.
    throw signal?.aborted ? signal.reason : error
  } finally {
    signal?.removeEventListener('abort', stopWorkers)
    await removeWork(folders)
  }
}

/**
 * Outlets the table does not know take the label their files agree on (outlet-labels.ts): in the
 * manifest and in their article files, which are rewritten (only these, after the walk).
 */
function nameOutletsByLabel(stage: string, metas: readonly Meta[], labelsBySeq: ReadonlyMap<number, string[]>, outlets: Map<string, OutletInfo>): void {
  if (labelsBySeq.size === 0) return
  const strangers = new Set([...outlets.keys()].filter((id) => !isTableOutlet(id)))
  const articles = metas.map(({ seq, entry }) => ({ outlet: entry.outlet, labels: labelsBySeq.get(seq) ?? [] }))
  const names = agreedLabels(articles, strangers, new Set([...outlets.values()].map((outlet) => outlet.name)))
  for (const [id, name] of names) outlets.set(id, { ...outlets.get(id)!, name })
  for (const { entry } of metas) {
    const name = names.get(entry.outlet)
    if (name === undefined) continue
    const path = join(stage, articlePath(entry.id))
    const article = JSON.parse(readFileSync(path, 'utf8')) as Article
    writeFileSync(path, JSON.stringify({ ...article, outlet: { id: entry.outlet, name } }))
  }
}
