// Second half of the search index: one spill partition (lines "seq gram gram …", appended in file
// order while building) -> the search buckets it holds, with article numbers from the global sort.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { encodePostings, gramBucket } from '../../src/lib/search-grams'

export interface MergeJob {
  work: string
  stage: string
  partition: number
  partitions: number
  buckets: number
  /** Input file sequence number -> article number, -1 for skipped files (problems, duplicates). */
  numberOf: Int32Array
  /** The spill writers (threads) whose files hold this partition. */
  writers: readonly string[]
}

export function spillPath(work: string, partition: number, writer: string): string {
  return join(work, `postings-${partition}-${writer}.txt`)
}

/** Writes search/<b>.json for every bucket b with b % partitions === partition; returns the postings written. */
export async function mergePartition({ work, stage, partition, partitions, buckets, numberOf, writers }: MergeJob): Promise<number> {
  const texts = await Promise.all(writers.map((writer) => readFile(spillPath(work, partition, writer), 'utf8').catch(() => '')))
  const text = texts.join('')
  // Both counts are powers of two and partitions <= buckets, so a gram's bucket lands in its partition.
  const grouped = new Map<number, Map<string, number[]>>()
  for (let b = partition; b < buckets; b += partitions) grouped.set(b, new Map())
  let postings = 0
  let at = 0
  while (at < text.length) {
    let end = text.indexOf('\n', at)
    if (end === -1) end = text.length
    const space = text.indexOf(' ', at)
    const number = numberOf[Number(text.slice(at, space))] ?? -1
    if (number >= 0 && space !== -1 && space < end) {
      for (const gram of text.slice(space + 1, end).split(' ')) {
        const bucket = partitions === buckets ? grouped.get(partition)! : grouped.get(gramBucket(gram, buckets))!
        const list = bucket.get(gram)
        if (list) list.push(number)
        else bucket.set(gram, [number])
        postings++
      }
    }
    at = end + 1
  }
  for (const [b, grams] of grouped) {
    const parts: string[] = []
    for (const key of [...grams.keys()].sort()) {
      const list = grams.get(key)!.sort((x, y) => x - y)
      parts.push(`${JSON.stringify(key)}:[${encodePostings(list).join(',')}]`)
    }
    await writeFile(join(stage, 'search', `${b}.json`), `{${parts.join(',')}}`)
  }
  return postings
}
