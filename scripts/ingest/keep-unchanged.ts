// Carries unchanged files of the previous bundle into the staged one before the swap: a staged file
// whose bytes equal the file of the same path in --out is replaced by a hard link to that file, so its
// inode and mtime stay and a host or rsync sees it unchanged. A link, not a move: until the swap the
// previous bundle stays whole, so a failed run still leaves it as it was. Files of the old bundle that
// the new one no longer has go with the old folder at the swap. Article files are linked as they are
// committed (linkIfSame), so a staged file may share its inode with the previous bundle's: whatever
// changes a staged file afterwards must replace it (replaceFile), never write into it.
import { linkSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface Carried {
  /** Staged files with no equal file in the previous bundle: new or changed. */
  written: number
  /** Files of the previous bundle moved into the stage in place of an equal staged copy. */
  kept: number
}

/** known: staged paths already linked to the previous bundle's file (no need to look). */
export function keepUnchanged(stage: string, outDir: string, known: ReadonlySet<string> = new Set()): Carried {
  let written = 0
  let kept = 0
  const consider = (path: string) => {
    if (known.has(path)) {
      kept++
      return
    }
    const fresh = join(stage, path)
    const old = join(outDir, path)
    const same = compare(fresh, old)
    if (same === 'linked' || (same === 'equal' && linked(old, fresh))) kept++
    else written++
  }
  for (const entry of readdirSync(stage, { withFileTypes: true })) {
    if (entry.isFile()) consider(entry.name)
    else if (entry.isDirectory()) for (const name of readdirSync(join(stage, entry.name))) consider(`${entry.name}/${name}`)
  }
  return { written, kept }
}

/** 'linked': one file already (linkIfSame); 'equal': two files of the same bytes. */
function compare(fresh: string, old: string): 'linked' | 'equal' | 'different' {
  let before
  try {
    before = statSync(old)
  } catch {
    return 'different' // new in this bundle
  }
  const after = statSync(fresh)
  // Renaming one link of a file onto another is a no-op (rename(2)), so a linked file must not go through linked().
  if (before.ino === after.ino && before.dev === after.dev) return 'linked'
  if (before.size !== after.size) return 'different'
  return readFileSync(fresh).equals(readFileSync(old)) ? 'equal' : 'different'
}

/** Links old to fresh (a path not yet written) when old holds exactly content; false when it does not or cannot. */
export function linkIfSame(old: string, fresh: string, content: string): boolean {
  let text: string
  try {
    text = readFileSync(old, 'utf8')
  } catch {
    return false
  }
  if (text !== content) return false
  try {
    linkSync(old, fresh)
    return true
  } catch {
    return false
  }
}

/**
 * Writes a staged file: into the file already at path when the stage alone holds it (one a stage started
 * from the spare brought, output-folder.ts: overwriting costs the disk far less than a new file), else as a
 * new file, so a file the current bundle shares is never written into.
 */
export function writeStaged(path: string, content: string | Uint8Array): void {
  const info = statSync(path, { throwIfNoEntry: false })
  if (info !== undefined && info.nlink > 1) unlinkSync(path)
  writeFileSync(path, content)
}

/** Writes content to path through a new file, so a file linked from the previous bundle is never written into. */
export function replaceFile(path: string, content: string): void {
  const temporary = `${path}.fresh`
  writeFileSync(temporary, content)
  renameSync(temporary, path)
}

/** Replaces fresh by a link to old; false (fresh kept) where the filesystem has no hard links. */
function linked(old: string, fresh: string): boolean {
  const aside = `${fresh}.linked`
  try {
    linkSync(old, aside)
  } catch {
    return false
  }
  renameSync(aside, fresh)
  return true
}
