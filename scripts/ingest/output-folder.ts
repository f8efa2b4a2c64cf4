// Every step of the ingest that may delete a folder, in one place: whether --out may be replaced, this
// run's staging and spill folders, the atomic swap, and the removal of folders left by dead runs.
// Nothing is deleted that this tool did not write: --out only when it is empty or a bundle (see
// replaceRefusal), staging/old/spill folders only by their names, and a live run's never.
import { randomBytes } from 'node:crypto'
import { readdirSync, rmdirSync, unlinkSync, type Dirent } from 'node:fs'
import { lstat, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join, sep } from 'node:path'
import { ARTICLE_DIR, ARTICLE_ID, GENERATOR, MANIFEST_FILE, SEARCH_DIR, SHARD_DIR, SHARD_FILE, STORY_DIR, STORY_ID, TEXT_DIR } from '../../src/types/data'

/** Spill folders in the temp folder: `archive-reader-ingest.work-<pid>-<random>`. */
const WORK_PREFIX = 'archive-reader-ingest.work-'

export interface RunFolders {
  /** The bundle being written, next to --out (same filesystem, so the swap is a rename). */
  stage: string
  /** Spill files; in the temp folder, so a leftover never lands in public/ (Vite would copy it into dist/). */
  work: string
}

/** Why inDir must not be read into outDir or outDir must not be replaced; undefined when the run may go ahead. */
export async function outputRefusal(inDir: string, outDir: string): Promise<string | undefined> {
  if (inDir === outDir || inDir.startsWith(outDir + sep)) return '--in must not be inside --out'
  return replaceRefusal(outDir)
}

/**
 * Why outDir must not be replaced, or undefined when it is missing, empty, or a bundle this tool wrote
 * (a manifest.json with the generator mark, or the schema/shards/search of one written before the mark,
 * and nothing at any depth but the files a bundle holds). The swap deletes the old folder, so anything else is refused.
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
  if (!(await hasBundleManifest(outDir))) {
    return `--out ${outDir} is not empty and is not a bundle written by this tool (no ${MANIFEST_FILE} with "generator": "${GENERATOR}"); refusing to replace it: pick a new or empty folder`
  }
  const stranger = await firstForeignEntry(outDir)
  if (stranger !== undefined) return `--out ${outDir} holds ${stranger}, which is not part of a bundle; refusing to replace it`
  return undefined
}

/** What each bundle folder may hold: plain files named as this tool names them, nothing else. */
const numbered = (name: string) => /^\d+\.json$/.test(name)
const FOLDER_FILES: Readonly<Record<string, (name: string) => boolean>> = {
  [SHARD_DIR]: (name) => SHARD_FILE.test(`${SHARD_DIR}/${name}`),
  [SEARCH_DIR]: numbered,
  [ARTICLE_DIR]: (name) => name.endsWith('.json') && ARTICLE_ID.test(name.slice(0, -'.json'.length)),
  [STORY_DIR]: (name) => name.endsWith('.json') && STORY_ID.test(name.slice(0, -'.json'.length)),
  [TEXT_DIR]: (name) => name.endsWith('.txt') && ARTICLE_ID.test(name.slice(0, -'.txt'.length)),
}

/**
 * The first entry (path relative to outDir) this tool would not have written, or undefined. The whole
 * tree is checked, since the swap deletes all of it; one readdir per folder, no stat per file.
 */
async function firstForeignEntry(outDir: string): Promise<string | undefined> {
  const byName = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : 1)
  const top = (await readdir(outDir, { withFileTypes: true })).sort(byName)
  for (const entry of top) {
    const pattern = FOLDER_FILES[entry.name]
    if (entry.name === MANIFEST_FILE ? !entry.isFile() : !pattern || !entry.isDirectory()) return entry.name
    if (!pattern) continue
    const inner = (await readdir(join(outDir, entry.name), { withFileTypes: true })).sort(byName)
    const foreign = inner.find((file) => !file.isFile() || !pattern(file.name))
    if (foreign) return `${entry.name}/${foreign.name}`
  }
  return undefined
}

/** A manifest.json with the generator mark, or the schema/shards/search of one written before the mark. */
async function hasBundleManifest(dir: string): Promise<boolean> {
  let manifest: unknown
  try {
    manifest = JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8'))
  } catch {
    return false
  }
  const fields = typeof manifest === 'object' && manifest !== null ? (manifest as Record<string, unknown>) : {}
  return (
    fields.generator === GENERATOR ||
    (typeof fields.schema === 'number' && Array.isArray(fields.shards) && typeof fields.search === 'object')
  )
}

async function isMissingOrEmpty(dir: string): Promise<boolean> {
  return readdir(dir).then(
    (names) => names.length === 0,
    (error: NodeJS.ErrnoException) => error.code === 'ENOENT',
  )
}

/** The parked previous bundle's folder name: `.<out>.old-<pid>-<random>`, written by swapIn. */
const parkedPrefix = (outDir: string) => `.${basename(outDir)}.old-`

/**
 * A run that died between the swap's two renames left --out missing and the previous bundle parked
 * beside it: puts the newest complete one back, so no later cleanup can delete the only bundle.
 * Returns the folder name it restored from, or undefined when there was nothing to do.
 */
export async function restoreParked(outDir: string): Promise<string | undefined> {
  if (!(await isMissingOrEmpty(outDir))) return undefined
  const parent = dirname(outDir)
  const prefix = parkedPrefix(outDir)
  const names = await readdir(parent).catch(() => [] as string[])
  let newest: { name: string; time: number } | undefined
  for (const name of names) {
    if (!name.startsWith(prefix) || !isDeadRun(name.slice(prefix.length))) continue
    if (!(await hasBundleManifest(join(parent, name)))) continue
    const time = (await stat(join(parent, name, MANIFEST_FILE))).mtimeMs
    if (!newest || time > newest.time) newest = { name, time }
  }
  if (!newest) return undefined
  await rename(join(parent, newest.name), outDir) // onto a missing or empty folder: both allowed by rename(2)
  return newest.name
}

const runTag = () => `${process.pid}-${randomBytes(4).toString('hex')}`

/** Removes what dead runs left next to outDir and in workRoot, and names this run's folders (not created yet). */
export async function prepareRun(outDir: string, workRoot: string): Promise<RunFolders> {
  const parent = dirname(outDir)
  const name = basename(outDir)
  await mkdir(parent, { recursive: true })
  // Without a current bundle a parked one may be the only copy left (restoreParked did not take it): keep it.
  const parked = (await isMissingOrEmpty(outDir)) ? [] : [parkedPrefix(outDir)]
  await removeStale(parent, [`.${name}.staging-`, ...parked, `.${name}.work-`])
  await removeStale(workRoot, [WORK_PREFIX])
  const tag = runTag()
  return { stage: join(parent, `.${name}.staging-${tag}`), work: join(workRoot, `${WORK_PREFIX}${tag}`) }
}

/** The folders of a bundle that a spare keeps (see SPARE_DIR): one file per article, most of them unchanged from run to run, and the search buckets (overwritten in place, keep-unchanged.ts writeStaged). */
const SPARE_FOLDERS = [ARTICLE_DIR, TEXT_DIR, SEARCH_DIR] as const

/**
 * In the cache: the article and text folders of the bundle the last run replaced. Most of their names are
 * links to the files of the current bundle, so the next run starts its stage from them and links only
 * what changed, instead of 20,000 links now and 20,000 unlinks after the swap. In the cache, not beside
 * --out: public/ is copied into dist/ whole. It must share --out's filesystem (a rename); else there is none.
 */
export const SPARE_DIR = 'spare'

/**
 * Creates the stage and spill folders. With `spareIn` (a cache folder), the stage's article and text folders
 * are the spare's when it has them: returns true, and the stage then holds names this run did not write
 * (write-bundle.ts links over or removes each one).
 */
export async function createRunFolders({ stage, work }: RunFolders, spareIn?: string): Promise<boolean> {
  await mkdir(stage, { recursive: true })
  let reused = spareIn !== undefined
  for (const folder of SPARE_FOLDERS) {
    if (reused) reused = await rename(join(spareIn!, SPARE_DIR, folder), join(stage, folder)).then(() => true, () => false)
  }
  // All of them or none: a stage of fresh folders holds no name this run does not write.
  if (!reused) {
    for (const folder of SPARE_FOLDERS) {
      await rm(join(stage, folder), { recursive: true, force: true })
      await mkdir(join(stage, folder))
    }
  }
  if (spareIn !== undefined) await rm(join(spareIn, SPARE_DIR), { recursive: true, force: true })
  await mkdir(join(stage, SHARD_DIR))
  await mkdir(join(stage, STORY_DIR))
  await mkdir(work, { recursive: true })
  return reused
}

/** After a failure or a stop: the staged bundle goes, --out is not touched. */
export async function discardStage({ stage }: RunFolders): Promise<void> {
  await rm(stage, { recursive: true, force: true })
}

/** At the end of every run, finished or not. */
export async function removeWork({ work }: RunFolders): Promise<void> {
  await rm(work, { recursive: true, force: true })
}

/**
 * Replaces outDir by the staged bundle with renames on one filesystem; the old bundle survives any failure
 * before. With `spareIn` (a cache folder) the old bundle's article and text folders become its spare.
 */
export async function swapIn({ stage }: RunFolders, outDir: string, spareIn?: string): Promise<void> {
  const old = join(dirname(outDir), parkedPrefix(outDir) + runTag())
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
  if (hadOld && spareIn !== undefined) await keepSpare(old, join(spareIn, SPARE_DIR))
  else if (hadOld) await removeBundle(old)
}

/** Moves the article and text folders of a replaced bundle into `spare` and removes the rest of it. */
async function keepSpare(old: string, spare: string): Promise<void> {
  await rm(spare, { recursive: true, force: true })
  try {
    await mkdir(spare, { recursive: true })
    for (const folder of SPARE_FOLDERS) await rename(join(old, folder), join(spare, folder))
  } catch {
    await rm(spare, { recursive: true, force: true }) // another filesystem (EXDEV): no spare
  }
  await removeBundle(old)
}

/**
 * Removes a replaced bundle: its files and their folders, one level deep as a bundle is, without the
 * lstat of each file that a recursive rm makes (20,000 files in a rebuild); anything else goes through rm.
 */
async function removeBundle(dir: string): Promise<void> {
  try {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) {
        for (const name of readdirSync(path)) unlinkSync(join(path, name))
        rmdirSync(path)
      } else unlinkSync(path)
    }
    rmdirSync(dir)
  } catch {
    await rm(dir, { recursive: true, force: true }) // a deeper folder, or one that changed meanwhile
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' // alive, someone else's
  }
}

/** tag is `<pid>-<random>` of a run whose process is gone. */
function isDeadRun(tag: string): boolean {
  const pid = Number(/^(\d+)-[0-9a-f]+$/.exec(tag)?.[1])
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isAlive(pid)
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
    if (isDeadRun(name.slice(prefix.length))) await rm(join(dir, name), { recursive: true, force: true })
  }
}
