// The incremental search merge: a bucket file spliced from the previous one equals the file a full
// merge writes, whatever the cut and the additions.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FLAG_BASE } from '../../src/lib/search-grams'
import { searchBucketFiles, spliceBucket } from './search-postings'

/** Keys of every kind the file holds: BMP Han, supplementary Han (UTF-8 and UTF-16 order part there), words, a pair. */
const KEYS = ['中', '中国', '中国人', '𠮷', '𠮷中', '\uf900', '\uff5e', 'a', 'ab', 'human_rights', '乌克兰', 'z9', '俄']

type Posting = { grams: string[]; flags: number[] }

/** One bucket (buckets = 1) of articles given oldest first, as a full merge writes it. */
function fullBucket(oldestFirst: readonly Posting[]): string {
  return searchBucketFiles([...oldestFirst].reverse(), 1).get(0)!
}

const article = fc.uniqueArray(fc.constantFrom(...KEYS), { maxLength: KEYS.length }).chain((grams) =>
  fc.record({ grams: fc.constant(grams), flags: fc.array(fc.integer({ min: 1, max: FLAG_BASE - 1 }), { minLength: grams.length, maxLength: grams.length }) }),
)

describe('spliceBucket', () => {
  it('gives the bytes of a full merge: kept numbers below the cut, the others replaced', () => {
    fc.assert(
      fc.property(fc.array(article, { maxLength: 12 }), fc.array(article, { maxLength: 12 }), fc.nat(), (before, after, cutAt) => {
        const kept = cutAt % (before.length + 1)
        const next = [...before.slice(0, kept), ...after]
        const added = new Map<string, number[]>()
        next.forEach(({ grams, flags }, number) => {
          if (number < kept) return
          grams.forEach((gram, i) => (added.get(gram) ?? added.set(gram, []).get(gram)!).push(number * FLAG_BASE + flags[i]!))
        })
        const additions = [...added]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([key, values]) => ({ key, values: Int32Array.from(values) }))
        const spliced = spliceBucket(Buffer.from(fullBucket(before)), kept, additions).toString()
        expect(spliced).toBe(fullBucket(next))
        // Every old article kept: nothing to cut, and the file is read only where the additions go.
        if (kept === before.length) expect(spliceBucket(Buffer.from(fullBucket(before)), kept, additions, false).toString()).toBe(fullBucket(next))
      }),
      { numRuns: 500 },
    )
  })
})
