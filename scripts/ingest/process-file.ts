// The unit of work of the ingest, run in the main thread or in a worker: read one file, build its article.
import { open } from 'node:fs/promises'
import { gramBucket } from '../../src/lib/search-grams'
import type { ListEntry } from '../../src/types/data'
import { buildArticle } from './build-article'
import type { OutletInfo } from './outlets'

/** Larger files are reported, not read: no news article is this big, and it keeps memory bounded. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024

export type Processed =
  | { kind: 'problem'; reason: string }
  | {
      kind: 'article'
      entry: ListEntry
      outlet: OutletInfo
      canonicalUrl: string
      /** The article file's content. */
      json: string
      /** Search grams by spill partition (gramBucket(gram, partitions)), space-separated: a gram holds no whitespace. */
      grams: string[]
    }

export async function processFile(path: string, source: string, partitions = 1): Promise<Processed> {
  let bytes: Uint8Array
  try {
    const file = await open(path, 'r')
    try {
      const { size } = await file.stat()
      if (size > MAX_FILE_BYTES) return { kind: 'problem', reason: `file too large (${size} bytes, limit ${MAX_FILE_BYTES})` }
      bytes = await file.readFile()
    } finally {
      await file.close()
    }
  } catch (error) {
    return { kind: 'problem', reason: `cannot read file (${(error as NodeJS.ErrnoException).code ?? String(error)})` }
  }
  return processBytes(bytes, source, partitions)
}

export function processBytes(bytes: Uint8Array, source: string, partitions = 1): Processed {
  let result
  try {
    result = buildArticle(bytes, source)
  } catch (error) {
    // A bug must not cost the rest of the archive: name the file and go on.
    return { kind: 'problem', reason: `internal error: ${error instanceof Error ? error.message : String(error)}` }
  }
  if (!result.ok) return { kind: 'problem', reason: result.reason }
  const { article, entry, outlet, canonicalUrl, grams } = result.built
  let parts: string[]
  if (partitions === 1) parts = [[...grams].join(' ')]
  else {
    const lists: string[][] = Array.from({ length: partitions }, () => [])
    for (const gram of grams) lists[gramBucket(gram, partitions)]!.push(gram)
    parts = lists.map((list) => list.join(' '))
  }
  return { kind: 'article', entry, outlet, canonicalUrl, json: JSON.stringify(article), grams: parts }
}
