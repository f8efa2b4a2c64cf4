// The input walk: which files of the archive folder the ingest reads, in a deterministic order.
import { readdir } from 'node:fs/promises'
import { join, relative, resolve, sep } from 'node:path'

const INPUT_EXTENSIONS = /\.(txt|md)$/i

/**
 * Input files under a folder: *.txt and *.md at any depth, as paths relative to root with forward
 * slashes, sorted. Hidden entries are skipped, symlinks not followed, other files counted as ignored.
 */
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
