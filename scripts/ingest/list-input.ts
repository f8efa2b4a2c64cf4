// The input walk: which files of the archive folder the ingest reads, in a deterministic order.
import { readdir, realpath, stat } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'

const INPUT_EXTENSIONS = /\.(txt|md)$/i

/** An entry the walk could not use: path relative to the root (a folder ends in `/`), and why. */
export interface WalkProblem {
  source: string
  reason: string
}

export interface InputListing {
  files: string[]
  ignored: number
  problems: WalkProblem[]
}

export interface WalkOptions {
  /** Folders not to read (the --out folder when it lies inside --in). */
  skip?: readonly string[]
  /** Read linked files and folders; otherwise each link is reported and not read. */
  followSymlinks?: boolean
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message
const realOrResolved = (path: string) => realpath(path).catch(() => resolve(path))

/**
 * Input files under a folder: *.txt and *.md at any depth, as paths relative to root with forward
 * slashes, sorted. Hidden entries are skipped, other files counted as ignored. A subfolder that cannot be
 * listed and every symbolic link are problems, not failures: the rest of the archive still comes out.
 * Followed links are loop-safe: each real folder is walked once and each real file read once, wherever
 * the links point (outside root too: the user asked for them).
 */
export async function listInputFiles(root: string, options: WalkOptions = {}): Promise<InputListing> {
  const files: string[] = []
  const problems: WalkProblem[] = []
  let ignored = 0
  const skipped = new Set(await Promise.all((options.skip ?? []).map(realOrResolved)))
  const follow = options.followSymlinks === true
  /** Real paths of every folder walked; the walk only descends real folders, so a path under one is real too. */
  const walked = new Set<string>()
  /** Real path -> source of every file listed, to read a file reached through two links once (only when following). */
  const readAs = new Map<string, string>()
  /** Links found, handled after the real tree so that "already read" does not depend on where a link sorts. */
  const links: { path: string; source: string }[] = []
  const isSkipped = (real: string) => {
    for (let path = real; ; path = dirname(path)) {
      if (skipped.has(path)) return true
      if (path === dirname(path)) return false
    }
  }
  const addFile = (real: string, source: string) => {
    files.push(source)
    if (follow) readAs.set(real, source)
  }

  const walk = async (dir: string, prefix: string) => {
    walked.add(dir)
    let entries
    try {
      entries = await readdir(dir, { withFileTypes: true })
    } catch (error) {
      if (prefix === '') throw error // nothing to read at all: the run fails
      problems.push({ source: `${prefix.slice(0, -1)}/`, reason: `cannot read folder (${errorCode(error)})` })
      return
    }
    entries.sort((a, b) => byName(a.name, b.name))
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue
      const path = join(dir, entry.name)
      const source = prefix + entry.name
      if (entry.isDirectory()) {
        if (skipped.has(path)) continue
        if (walked.has(path)) problems.push({ source: `${source}/`, reason: 'folder already read through a symbolic link' })
        else await walk(path, `${source}/`)
      } else if (entry.isFile() && INPUT_EXTENSIONS.test(entry.name)) {
        if (!readAs.has(path)) addFile(path, source)
      } else if (entry.isSymbolicLink()) {
        links.push({ path, source })
      } else {
        ignored++
      }
    }
  }

  const followLink = async ({ path, source }: { path: string; source: string }) => {
    if (!follow) return problems.push({ source, reason: 'symbolic link, not followed' })
    let target
    let real
    try {
      target = await stat(path)
      real = await realpath(path)
    } catch (error) {
      const code = errorCode(error)
      return problems.push({ source, reason: code === 'ENOENT' ? 'symbolic link to a missing target' : `symbolic link cannot be followed (${code})` })
    }
    if (target.isDirectory()) {
      if (isSkipped(real)) return problems.push({ source, reason: 'symbolic link into the output folder, not followed' })
      if (walked.has(real)) return problems.push({ source, reason: 'symbolic link to a folder already read' })
      return walk(real, `${source}/`)
    }
    if (!target.isFile() || !INPUT_EXTENSIONS.test(source)) return ignored++
    const first = readAs.get(real)
    if (first !== undefined) return problems.push({ source, reason: `symbolic link to a file already read (${first})` })
    addFile(real, source)
  }

  await walk(await realpath(root), '')
  for (let i = 0; i < links.length; i++) await followLink(links[i]!) // a followed folder may add links
  files.sort(byName)
  return { files, ignored, problems }
}
