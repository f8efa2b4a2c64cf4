// A file's stamp, which the ingest trusts in place of reading it (input files, search bucket files).
import { statSync } from 'node:fs'

/**
 * Size, mtime, ctime and inode (nanoseconds), as rsync and make trust them: a file whose stamp is unchanged is
 * taken to hold the bytes it held, so it is not read to find its key. ctime cannot be set back by a tool
 * that restores mtime. undefined when the file cannot be stat'ed.
 */
export function fileStamp(path: string): string | undefined {
  try {
    const info = statSync(path, { bigint: true })
    return `${info.size}:${info.mtimeNs}:${info.ctimeNs}:${info.ino}`
  } catch {
    return undefined
  }
}
