// Read marks, encoded compactly: article ids are `<label>-<12 hash characters>`, so the stored
// value groups the hashes by label and writes each group as one string with no separators:
// { version: 1, read: { "bbc": "r27miehhcxnd6h3kq2vz7wyb", ... } }. 20,000 marks take about
// 250 KB, a third of a JSON list of ids, and decode into a Set in milliseconds
// (scripts/bench/read-marks-bench.ts).
import { ARTICLE_ID, ID_ALPHABET, ID_HASH_LENGTH } from '../../types/bundle-paths'
import type { RecoverableSchema } from '../../lib/recoverable-store'

export type ReadMarks = ReadonlySet<string>

export const READ_STATE_KEY = 'archive-reader:read'
export const READ_STATE_VERSION = 1
/** One mark per article of the largest archive we plan for (1.2 M characters stored, well inside the quota). */
export const MAX_READ_MARKS = 100_000

const LABEL = /^[a-z0-9][a-z0-9-]*$/
const HASHES = new RegExp(`^(?:[${ID_ALPHABET}]{${ID_HASH_LENGTH}})*$`)

export function isMarkableId(id: string): boolean {
  return ARTICLE_ID.test(id)
}

/** Marks -> { label: concatenated hashes }, labels and hashes in insertion order. */
export function encodeReadMarks(marks: Iterable<string>): Record<string, string> {
  const groups = new Map<string, string[]>()
  for (const id of marks) {
    const cut = id.length - ID_HASH_LENGTH - 1
    const label = id.slice(0, cut)
    let group = groups.get(label)
    if (!group) groups.set(label, (group = []))
    group.push(id.slice(cut + 1))
  }
  const out: Record<string, string> = {}
  for (const [label, hashes] of groups) out[label] = hashes.join('')
  return out
}

/** The stored groups -> marks; a group that is not a label with whole hashes counts as bad (and is dropped). */
export function decodeReadMarks(groups: unknown): { marks: Set<string>; bad: number } | null {
  if (typeof groups !== 'object' || groups === null || Array.isArray(groups)) return null
  const marks = new Set<string>()
  let bad = 0
  for (const [label, hashes] of Object.entries(groups)) {
    if (!LABEL.test(label) || typeof hashes !== 'string' || !HASHES.test(hashes)) {
      bad += 1
      continue
    }
    for (let at = 0; at < hashes.length && marks.size < MAX_READ_MARKS; at += ID_HASH_LENGTH) marks.add(`${label}-${hashes.slice(at, at + ID_HASH_LENGTH)}`)
  }
  return { marks, bad }
}

export const readStateSchema: RecoverableSchema<ReadMarks> = {
  key: READ_STATE_KEY,
  version: READ_STATE_VERSION,
  empty: new Set(),
  read(record) {
    const decoded = decodeReadMarks(record.read)
    return decoded && { value: decoded.marks, bad: decoded.bad }
  },
  write: (marks) => ({ read: encodeReadMarks(marks) }),
}

/** Marks with `ids` added (ids no bundle could hold are skipped); the same Set when nothing is new. */
export function withMarks(marks: ReadMarks, ids: Iterable<string>): ReadMarks {
  let next: Set<string> | null = null
  for (const id of ids) {
    if ((next ?? marks).has(id) || !isMarkableId(id)) continue
    next ??= new Set(marks)
    if (next.size >= MAX_READ_MARKS) break
    next.add(id)
  }
  return next ?? marks
}
