// The ingest run: walk the archive, build every article, write the bundle into a staging folder
// and swap it in. Memory stays flat: bodies are written as they are built, search postings are
// spilled to partition files and merged one partition at a time after the global sort.
// The parts: list-input.ts (the walk), output-folder.ts (everything that may delete a folder),
// build-index.ts (pure: shards and manifest), process-file.ts and search-postings.ts (articles, search).
import { copyFileSync, existsSync, linkSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { stat, writeFile } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join, resolve, sep } from 'node:path'
import { ARTICLE_DIR, articlePath, MANIFEST_FILE, SEARCH_DIR, searchBucketPath, searchTextPath, TEXT_DIR, type Article, type ListEntry } from '../../src/types/data'
import { articleNumber, bucketCountFor, buildIndex, listOrder } from './build-index'
import { fileStamp, IngestCache, ingestVersion } from './ingest-cache'
import { keepUnchanged, linkIfSame, replaceFile } from './keep-unchanged'
import { listInputFiles } from './list-input'
import { agreedLabels } from './outlet-labels'
import { isTableOutlet, type OutletInfo } from './outlets'
import { createRunFolders, discardStage, outputRefusal, prepareRun, removeWork, restoreParked, swapIn } from './output-folder'
import { ArticleSink, GRAM_GROUPS, readInput, type Built } from './process-file'
import { mergePartition, mergePartitionOnto, StaleBucketError } from './search-postings'
import { keptPrefix, readSearchState, writeSearchState } from './search-state'
import { articleStamp, parseSummary, readSummary, summaryLine, SummaryWriter, type KeptFile } from './run-summary'
import { UrlVersions } from './versions'
import { storiesOf, StoryFeatureStore, type BuiltStory } from './stories'
import { storyTail, writeStories } from './write-stories'
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
  /** Remembers each input file's result here between runs (ingest-cache.ts); none when undefined. */
  cacheDir?: string
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
  /** Input files parsed this run; the others came from the cache. */
  parsed: number
  /** Bundle files written with new content; the others were carried over from the previous bundle. */
  written: number
  kept: number
}

/** Below this many files to parse (or articles to splice) threads cost more to start than they save. */
const POOL_FROM = 2000

/** Files kept in flight: enough to keep the workers and the disk busy, small enough to bound memory. */
const WINDOW = 128
/** Files per worker message: one message per file cost more than building small articles. */
const BATCH = 16
/** Spill partitions: a power of two that divides GRAM_GROUPS (process-file.ts). */
const MAX_PARTITIONS = GRAM_GROUPS

/**
 * A reader of a written article file. Made out here, not in the commit loop: a closure made there
 * shares the loop body's scope, and with it the built file's json and search text, which every kept
 * article then held until the end of the run (30,000 real-shaped articles: a peak of 803 MB, 567 MB without).
 */
const readBack = (path: string) => () => readFileSync(path, 'utf8')

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
  const cacheDir = options.cacheDir === undefined ? undefined : resolve(options.cacheDir)
  // The swap replaces --out whole, and a bundle holds nothing else: a cache there would go with it, or stop the next run.
  if (cacheDir !== undefined && (cacheDir === outDir || cacheDir.startsWith(outDir + sep))) throw new UsageError('--cache must not be inside --out')

  const listing = await listInputFiles(inDir, { skip: [outDir], followSymlinks: options.followSymlinks })
  const { files, ignored } = listing
  const folders = await prepareRun(outDir, options.workRoot ?? tmpdir())
  const { stage, work } = folders
  const signal = options.signal
  let pool: WorkerPool | undefined
  // Stop the workers at once: their pending jobs reject and the run unwinds through the cleanup below.
  const stopWorkers = () => void pool?.close().catch(() => {})
  let summaryOut: SummaryWriter | undefined
  signal?.addEventListener('abort', stopWorkers, { once: true })
  try {
    signal?.throwIfAborted()
    // With a cache, the stage starts from the article and text folders of the bundle the last run replaced.
    const reused = await createRunFolders(folders, cacheDir)
    log(`${files.length} input files (${ignored} other files ignored)`)

    const stories = options.stories !== false
    const cache = cacheDir === undefined ? undefined : { dir: cacheDir, version: ingestVersion(stories) }
    const pathOf = (source: string) => join(inDir, ...source.split('/'))
    // Files the cache holds are built here, the others by workers: a rebuild after a few edits starts none.
    const cacheStore = cache && new IngestCache(cache.dir, cache.version)
    // The last run's summary spares reading the cache entries and article files of unchanged files (run-summary.ts).
    const summary = cache ? readSummary(cache.dir, cache.version) : undefined
    if (summary?.notice !== undefined) options.onNotice?.(summary.notice)
    const { known, stamps } = cacheStore ? findKnown(cacheStore, files, pathOf, (key) => summary!.lines.has(key)) : { known: [], stamps: [] }
    const misses = files.length - known.filter((key) => key !== undefined).length
    if (cache) log(`cache: ${files.length - misses} of ${files.length} files known`)
    const workers = options.workers ?? (misses >= POOL_FROM ? Math.min(4, Math.max(1, availableParallelism())) : 0)
    if (workers > 0) pool = new WorkerPool(workers)
    const buckets = bucketCountFor(files.length)
    const partitions = Math.max(1, Math.min(buckets / 8, MAX_PARTITIONS))
    // The last run's search state: with it, cached files' grams are spilled only if they are renumbered.
    const prior = cache ? readSearchState(cache.dir, cache.version) : {}
    if (prior.notice !== undefined) options.onNotice?.(prior.notice)
    // Without a previous bundle (a first run into a new --out) there is nothing to start from.
    const base = prior.state?.buckets === buckets && existsSync(join(outDir, MANIFEST_FILE)) ? prior.state : undefined
    const sinkOptions = { work, partitions, stories, spillCached: base === undefined, ...(cache ? { cache } : {}) }
    const local = new ArticleSink({ ...sinkOptions, writer: 'main' })
    const writers = [...(pool ? await pool.start(sinkOptions) : []), 'main']
    /** A known file's result from the last run's summary, when the merge needs none of its grams now. */
    const summarized = (seq: number): Built | undefined => {
      const key = known[seq]
      const line = base && key !== undefined ? summary?.lines.get(key) : undefined
      const result = line === undefined ? undefined : parseSummary(line)
      if (result === undefined) return undefined
      const about = { parsed: false, spilled: false, key: key! }
      if (result.kind === 'problem') return { ...result, ...about }
      const { entry, outlet, canonicalUrl, labels, feature } = result
      return { kind: 'article', entry, outlet, canonicalUrl, feature, json: '', searchText: '', summarized: true, ...(labels.length > 0 ? { labels } : {}), ...about }
    }
    /** Builds files [from, to) in one job. */
    const run = (from: number, to: number): Promise<Built[]> => {
      const jobs = files.slice(from, to).map((source, i) => ({ path: pathOf(source), source, seq: from + i }))
      if (pool && jobs.some((job) => known[job.seq] === undefined)) return pool.run(jobs)
      try {
        return Promise.resolve(jobs.map((job) => summarized(job.seq) ?? local.build(job.path, job.source, job.seq, known[job.seq])))
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
    let parsed = 0
    const usedKeys = new Set<string>()
    const keyBySeq: (string | undefined)[] = []
    const spilled: boolean[] = []
    /** Article files linked over from the previous bundle unread, as the last run left them (run-summary.ts). */
    const carried = new Map<string, KeptFile>()
    const linkedPaths = new Set<string>()
    summaryOut = cache ? new SummaryWriter(cache.dir, cache.version) : undefined
    const written = summaryOut
    /** The article and text file contents of a file built from the summary: its cache entry (or a new parse). */
    const bodyOf = (seq: number): { json: string; searchText: string } => {
      const again = local.build(pathOf(files[seq]!), files[seq]!, seq, keyBySeq[seq], false)
      if (again.notice !== undefined) options.onNotice?.(again.notice)
      if (again.spilled) spilled[seq] = true
      if (again.kind !== 'article') throw new Error(`${files[seq]}: its cache entry and the file disagree`)
      return again
    }
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
        if (seq % (BATCH * 16) === 0) await new Promise(setImmediate)
        signal?.throwIfAborted()
        batch = await pending.get(seq)!
        pending.delete(seq)
      }
      const result = batch[seq % BATCH]!
      const source = files[seq]!
      if (result.parsed) parsed++
      if (result.key !== undefined) usedKeys.add(result.key)
      keyBySeq[seq] = result.key
      spilled[seq] = result.spilled
      if (written && result.key !== undefined) {
        const line = result.kind === 'article' && result.summarized ? summary!.lines.get(result.key)! : undefined
        if (line !== undefined) written.result(line)
        else if (result.kind === 'problem') written.result(summaryLine(result.key, result))
        else written.result(summaryLine(result.key, { kind: 'article', entry: result.entry, outlet: result.outlet, canonicalUrl: result.canonicalUrl, labels: result.labels ?? [], feature: result.feature }))
      }
      if (result.notice !== undefined) options.onNotice?.(result.notice)
      if (result.kind === 'problem') {
        problems++
        report(source, result.reason)
      } else {
        const { entry, canonicalUrl: url } = result
        let loaded: { json: string; searchText: string } | undefined = result.summarized ? undefined : result
        const body = () => (loaded ??= bodyOf(seq))
        const clash = byId.get(entry.id)
        if (clash !== undefined && clash.url !== url) {
          problems++
          report(source, `id ${entry.id} collides with ${clash.source}`)
        } else {
          const offer = versions.offer(url, { source, id: entry.id, publishedAt: entry.publishedAt, json: () => body().json })
          if (offer.kind === 'new') slotOf.set(url, metas.push({ seq, entry }) - 1)
          else duplicates++
          if (offer.kind === 'replaces') metas[slotOf.get(url)!] = { seq, entry }
          byId.set(entry.id, { source, url }) // a dropped version's id too: it may become an alias
          if (offer.kind !== 'dropped') {
            if (result.labels) labelsBySeq.set(seq, result.labels)
            outlets.set(result.outlet.id, result.outlet)
            features?.add(seq, result.feature) // a replaced version's feature stays unread: clustering reads the kept ones
            const path = join(stage, articlePath(entry.id))
            const textPath = join(stage, searchTextPath(entry.id))
            const last = result.summarized ? summary!.kept.get(entry.id) : undefined
            carried.delete(entry.id)
            if (last !== undefined && last.key === result.key && carryOver(last, outDir, stage, entry.id, reused)) {
              carried.set(entry.id, last)
              linkedPaths.add(articlePath(entry.id)).add(searchTextPath(entry.id))
            } else {
              linkedPaths.delete(articlePath(entry.id))
              linkedPaths.delete(searchTextPath(entry.id))
              const { json, searchText } = body()
              // Synchronous: the event loop has nothing else to do, and a file create costs more than the wait.
              // The previous bundle's file when it is the same (keep-unchanged.ts): no write, and its inode stays.
              // Otherwise a new file, never a write into one: an earlier version of this URL may have been
              // linked to the previous bundle's file here, which must stay as it was until the swap.
              if (!linkIfSame(join(outDir, articlePath(entry.id)), path, json)) replaceFile(path, json)
              if (!linkIfSame(join(outDir, searchTextPath(entry.id)), textPath, searchText)) replaceFile(textPath, searchText)
            }
            // The kept version's body is read back only if its URL comes again (rare), never held.
            versions.kept(url)!.json = readBack(path)
          }
        }
      }
      options.onProgress?.(seq + 1, files.length)
    }
    const { reports, aliases } = versions.finish()
    for (const { source, reason } of reports) report(source, reason)
    const names = outletNames(metas, labelsBySeq, outlets)
    /** Writes a carried article file afresh from its entry (its outlet's name applied): what the last run did to it no longer holds. */
    const uncarry = ({ seq, entry }: Meta) => {
      carried.delete(entry.id)
      linkedPaths.delete(articlePath(entry.id))
      const { json } = bodyOf(seq)
      const name = names.get(entry.outlet)
      replaceFile(join(stage, articlePath(entry.id)), name === undefined ? json : withOutletName(json, entry.outlet, name))
    }
    for (const meta of metas) {
      const last = carried.get(meta.entry.id)
      if (last && last.outletName !== (names.get(meta.entry.outlet) ?? '')) uncarry(meta)
    }
    nameOutletsByLabel(stage, metas, names, carried)
    // A dropped version's id (a URL variant) opens the kept article: bookmarks of it keep working.
    const keptEntries = new Map(aliases.length > 0 ? metas.map(({ entry }) => [entry.id, entry]) : [])
    for (const [oldId, keptId] of aliases) {
      const entry = keptEntries.get(keptId)!
      entry.aliases = [...(entry.aliases ?? []), oldId] // the bookmarks view finds an old id's article by it
    }
    if (pool) await pool.flush()
    local.flush()
    log(`${metas.length} articles built; sorting and writing indexes`)

    metas.sort((a, b) => listOrder(a.entry, b.entry))
    // Shared, so merge workers read it without a copy.
    const numberOf = new Int32Array(new SharedArrayBuffer(4 * Math.max(1, files.length))).fill(-1)
    metas.forEach((meta, place) => (numberOf[meta.seq] = articleNumber(place, metas.length)))
    const keyByNumber: (string | undefined)[] = new Array<string | undefined>(metas.length)
    for (const meta of metas) keyByNumber[numberOf[meta.seq]!] = keyBySeq[meta.seq]
    /** Spills the grams of the kept files that were not spilled as they were built and pass `wanted`. */
    const spillMissing = (wanted: (number: number) => boolean) => {
      for (const { seq } of metas) {
        if (spilled[seq] || !wanted(numberOf[seq]!)) continue
        const again = local.build(pathOf(files[seq]!), files[seq]!, seq, keyBySeq[seq], true)
        if (again.notice !== undefined) options.onNotice?.(again.notice)
        spilled[seq] = true
      }
      local.flush()
    }
    const job = (partition: number) => ({ work, stage, partition, partitions, buckets, numberOf, writers })
    // Numbers 0..from-1 stand for the articles they stood for in the last run: their postings are in its buckets.
    const from = base ? keptPrefix(base.keys, keyByNumber) : 0
    let merged = false
    // Past a quarter of the archive renumbered, merging everything afresh costs less than cutting and splicing.
    let storyList: BuiltStory[] | undefined
    if (base && from > 0 && metas.length - from <= metas.length / 4) {
      spillMissing((number) => number >= from)
      // A large archive's splice reads and writes every bucket file: worker threads share it, and the main
      // thread clusters the stories meanwhile (a small run's memory: nothing to keep apart).
      if (!pool && options.workers !== 0 && metas.length >= POOL_FROM && partitions > 1 && availableParallelism() > 1) pool = new WorkerPool(Math.min(4, availableParallelism()))
      const splicers = pool
      const onto = { dir: outDir, from, count: base.keys.length, stamps: base.stamps }
      const all = Array.from({ length: partitions }, (_, partition) => partition)
      const spliceHere = async (): Promise<number> => {
        let added = 0
        for (const partition of all) {
          signal?.throwIfAborted()
          added += await mergePartitionOnto(job(partition), onto)
        }
        return added
      }
      // Every partition is queued at once: the workers go on while the main thread clusters, with no turn
      // of its event loop to hand them the next. Settled, not raced: a full merge after a stale bucket must
      // not meet a splice still writing.
      const splicing = Promise.allSettled(splicers ? all.map((partition) => splicers.mergeOnto(job(partition), onto)) : [spliceHere()])
      if (splicers) storyList = features ? storiesOf(metas, features, log) : []
      const spliced = await splicing
      const failure = spliced.find((result) => result.status === 'rejected')
      if (failure === undefined) {
        const added = spliced.reduce((sum, result) => sum + (result.status === 'fulfilled' ? result.value : 0), 0)
        log(`${added} postings added to ${buckets} search buckets (articles 0..${from - 1} as in the last run)`)
        merged = true
      } else {
        const error: unknown = failure.reason
        if (!(error instanceof StaleBucketError)) throw error
        options.onNotice?.(`${error.message}; the search index was merged in full`)
      }
    }
    if (!merged) {
      spillMissing(() => true)
      // One partition per worker at a time: memory holds a few partitions' postings, never all of them.
      let postings = 0
      let nextPartition = 0
      const mergeNext = async (): Promise<void> => {
        while (nextPartition < partitions) {
          signal?.throwIfAborted()
          const written = await (pool ? pool.merge(job(nextPartition++)) : mergePartition(job(nextPartition++)))
          postings += written
        }
      }
      await Promise.all(Array.from({ length: Math.max(1, workers) }, mergeNext))
      log(`${postings} postings in ${buckets} search buckets`)
    }
    await pool?.close()
    pool = undefined
    // Stories after a full merge, when the workers' memory is gone: clustering never adds to the merge's peak.
    storyList ??= features ? storiesOf(metas, features, log) : []
    features = undefined
    const tails = new Map<string, string>()
    for (const { story, ref } of storyList) for (const member of story.members) tails.set(member.id, storyTail(ref))
    for (const meta of metas) {
      const last = carried.get(meta.entry.id)
      if (last && last.storyTail !== (tails.get(meta.entry.id) ?? '')) uncarry(meta)
    }
    await writeStories(stage, storyList, log, (id) => carried.has(id))
    // After every rewrite of article files (outlet names, story refs): an alias is a byte copy of the final file.
    // The old id's file may be a link to the previous bundle's: removed first, so the copy is a new file.
    for (const [oldId, keptId] of aliases) {
      rmSync(join(stage, articlePath(oldId)), { force: true })
      copyFileSync(join(stage, articlePath(keptId)), join(stage, articlePath(oldId)))
    }
    const { shards, manifest } = buildIndex(metas.map((meta) => meta.entry), outlets.values(), { buckets })
    for (const { path, text } of shards) await writeFile(join(stage, path), text)
    await writeFile(join(stage, MANIFEST_FILE), JSON.stringify(manifest))
    if (reused) removeStrays(stage, metas, aliases, buckets)
    const { written: fresh, kept } = keepUnchanged(stage, outDir, linkedPaths)
    log(`${fresh} bundle files written, ${kept} unchanged ones carried over`)
    // What the next run needs to carry each article file over: the files' stamps (a link keeps them) and what was done to them.
    for (const { seq, entry } of metas) {
      const key = keyBySeq[seq]
      if (key === undefined || !written) continue
      const last = carried.get(entry.id)
      const article = last?.article ?? articleStamp(join(stage, articlePath(entry.id)))
      const text = last?.text ?? articleStamp(join(stage, searchTextPath(entry.id)))
      if (article === undefined || text === undefined) continue
      written.kept(entry.id, { key, outletName: names.get(entry.outlet) ?? '', storyTail: tails.get(entry.id) ?? '', article, text })
    }
    signal?.throwIfAborted() // past this point the run finishes: the swap is two renames
    await swapIn(folders, outDir, cacheDir)
    if (cacheDir !== undefined) {
      written!.finish()
      const removed = cacheStore!.prune(usedKeys)
      cacheStore!.writeStamps(files.map((source, seq) => ({ source, stamp: stamps[seq], key: keyBySeq[seq] })))
      if (keyByNumber.every((key) => key !== undefined)) writeSearchState(cacheDir, cache!.version, outDir, buckets, keyByNumber)
      log(`cache: ${files.length - parsed} files from ${cacheDir}, ${parsed} parsed, ${removed} old entries removed`)
    }
    return { files: files.length, articles: metas.length, duplicates, problems, ignored, shards: shards.length, buckets, stories: storyList.length, parsed, written: fresh, kept }
  } catch (error) {
    summaryOut?.abandon()
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
 * Each file's cache key when the cache has an entry for it, else undefined, and its stamp. A file whose
 * stamp (size, mtime, ctime, inode) is the one the last run saw has that run's key, unread; any other is
 * read and hashed here (unless the cache is empty).
 */
function findKnown(cache: IngestCache, files: readonly string[], pathOf: (source: string) => string, summarized: (key: string) => boolean) {
  const last = cache.readStamps()
  const empty = !existsSync(cache.dir)
  const stamps = files.map((source) => fileStamp(pathOf(source)))
  const known = files.map((source, seq) => {
    if (empty) return undefined
    const seen = last.get(source)
    if (seen !== undefined && stamps[seq] !== undefined && seen.stamp === stamps[seq]) return summarized(seen.key) || cache.has(seen.key) ? seen.key : undefined
    const input = readInput(pathOf(source))
    if (!input.ok) return undefined
    const key = cache.keyOf(input.bytes, source)
    return cache.has(key) ? key : undefined
  })
  return { known, stamps }
}

/**
 * Outlets the table does not know take the label their files agree on (outlet-labels.ts): set in the
 * manifest's outlets here, and returned (outlet id -> name) for their article files.
 */
function outletNames(metas: readonly Meta[], labelsBySeq: ReadonlyMap<number, string[]>, outlets: Map<string, OutletInfo>): Map<string, string> {
  if (labelsBySeq.size === 0) return new Map()
  const strangers = new Set([...outlets.keys()].filter((id) => !isTableOutlet(id)))
  const articles = metas.map(({ seq, entry }) => ({ outlet: entry.outlet, labels: labelsBySeq.get(seq) ?? [] }))
  const names = agreedLabels(articles, strangers, new Set([...outlets.values()].map((outlet) => outlet.name)))
  for (const [id, name] of names) outlets.set(id, { ...outlets.get(id)!, name })
  return names
}

function withOutletName(json: string, outlet: string, name: string): string {
  const article = JSON.parse(json) as Article
  return JSON.stringify({ ...article, outlet: { id: outlet, name } })
}

/** Rewrites the article files of outlets named by label (only these, after the walk); a carried file has its name already. */
function nameOutletsByLabel(stage: string, metas: readonly Meta[], names: ReadonlyMap<string, string>, carried: ReadonlyMap<string, KeptFile>): void {
  if (names.size === 0) return
  for (const { entry } of metas) {
    const name = names.get(entry.outlet)
    if (name === undefined || carried.has(entry.id)) continue
    const path = join(stage, articlePath(entry.id))
    replaceFile(path, withOutletName(readFileSync(path, 'utf8'), entry.outlet, name))
  }
}

/**
 * Links an unchanged article's article and text files from the previous bundle into the stage, unread,
 * when both are the files the last run left (their size, mtime and inode); false (nothing linked) otherwise.
 * In a stage started from the spare (`reused`) the name is often there already as a link to that very file.
 */
function carryOver(last: KeptFile, outDir: string, stage: string, id: string, reused: boolean): boolean {
  const pairs = [
    [articlePath(id), last.article],
    [searchTextPath(id), last.text],
  ].map(([path, stamp]) => ({ old: join(outDir, path!), fresh: join(stage, path!), stamp: stamp! }))
  // The spare's name is the very file the last run left (its stamp): nothing to do, and nothing to check in --out.
  const placed = pairs.map(({ fresh, stamp }) => reused && articleStamp(fresh) === stamp)
  if (!pairs.every(({ old, stamp }, i) => placed[i] || articleStamp(old) === stamp)) return false
  try {
    pairs.forEach(({ old, fresh }, i) => {
      if (placed[i]) return
      if (reused) rmSync(fresh, { force: true })
      linkSync(old, fresh)
    })
    return true
  } catch {
    for (const { fresh } of pairs) rmSync(fresh, { force: true })
    return false
  }
}

/** Names of a stage started from the spare that the new bundle does not have (removed articles, old alias copies, buckets past the count). */
function removeStrays(stage: string, metas: readonly Meta[], aliases: readonly (readonly [string, string])[], buckets: number): void {
  const ids = new Set([...metas.map(({ entry }) => entry.id), ...aliases.map(([oldId]) => oldId)])
  const wanted = new Set([...ids].map((id) => articlePath(id)))
  for (const { entry } of metas) wanted.add(searchTextPath(entry.id))
  for (let b = 0; b < buckets; b++) wanted.add(searchBucketPath(b))
  for (const folder of [ARTICLE_DIR, TEXT_DIR, SEARCH_DIR]) {
    for (const name of readdirSync(join(stage, folder))) if (!wanted.has(`${folder}/${name}`)) rmSync(join(stage, folder, name), { force: true })
  }
}
