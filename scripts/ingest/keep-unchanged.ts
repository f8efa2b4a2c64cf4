// Carries unchanged files of the previous bundle into the staged one before the swap: a staged file
// whose bytes equal the file of the same path in --out is replaced by a hard link to that file, so its
// inode and mtime stay and a host or rsync sees it unchanged. A link, not a move: until the swap the
// previous bundle stays whole, so a failed run still leaves it as it was. Files of the old bundle that
// the new one no longer has go with the old folder at the swap.
import { linkSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs'
import { join } from 'node:path'

export interface Carried {
  /** Staged files with no equal file in the previous bundle: new or changed. */
  written: number
  /** Files of the previous bundle moved into the stage in place of an equal staged copy. */
  kept: number
}

export function keepUnchanged(stage: string, outDir: string): Carried {
  let written = 0
  let kept = 0
  const consider = (path: string) => {
    const fresh = join(stage, path)
    const old = join(outDir, path)
    if (sameBytes(fresh, old) && linked(old, fresh)) kept++
    else written++
  }
  for (const entry of readdirSync(stage, { withFileTypes: true })) {
    if (entry.isFile()) consider(entry.name)
    else if (entry.isDirectory()) for (const name of readdirSync(join(stage, entry.name))) consider(`${entry.name}/${name}`)
  }
  return { written, kept }
}

function sameBytes(fresh: string, old: string): boolean {
  let size: number
  try {
    size = statSync(old).size
  } catch {
    return false // new in this bundle
  }
  if (size !== statSync(fresh).size) return false
  return readFileSync(fresh).equals(readFileSync(old))
}

/** Replaces fresh by a link to old; false (fresh kept) where the filesystem has no hard links. */
function linked(old: string, fresh: string): boolean {
  const aside = `${fresh}.fresh`
  try {
    linkSync(old, aside)
  } catch {
    return false
  }
  renameSync(aside, fresh)
  return true
}
