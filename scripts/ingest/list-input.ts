// The input walk: which files of the archive folder the ingest reads, in a deterministic order.
import { readdir } from 'node:fs/promises'
import { join, relative, resolve, sep } from 'node:path'

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

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message

/**
 * Input files under a folder: *.txt and *.md at any depth, as paths relative to root with forward
 * slashes, sorted. Hidden entries are skipped, symlinks not followed, other files counted as ignored.
 * A subfolder that cannot be listed is a problem, not a failure: the rest of the archive still comes out.
 */
export async function listInputFiles(root: string, skip: readonly string[] = []): Promise<InputListing> {
  const files: string[] = []
  const problems: WalkProblem[] = []
  let ignored = 0
  const skipped = new Set(skip.map((path) => resolve(path)))
  const relativeName = (path: string) => relative(root, path).split(sep).join('/')
  const walk = async (dir: string) => {
    let entries
    try {
      entries = await readdir(dir, { withFileTypes: true })
    } catch (error) {
      if (dir === root) throw error // nothing to read at all: the run fails
      problems.push({ source: `${relativeName(dir)}/`, reason: `cannot read folder (${errorCode(error)})` })
      return
    }
    entries.sort((a, b) => byName(a.name, b.name))
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue
      const path = join(dir, entry.name)
      if (entry.isDirectory()) {
        if (!skipped.has(resolve(path))) await walk(path)
      } else if (entry.isFile() && INPUT_EXTENSIONS.test(entry.name)) {
        files.push(relativeName(path))
      } else {
        ignored++
      }
    }
  }
  await walk(root)
  files.sort(byName)
  return { files, ignored, problems }
}
