// The worker's half of story clustering (stories.ts): one article's compact feature, its hashed terms
// of the Simplified-folded title and lead with their counts. It is built beside the article, so the
// main thread receives about 150 numbers per article, never its text.
import { foldScript } from '../../src/lib/fold-script'
import { fnv1a } from '../../src/lib/search-grams'

/**
 * Distinct terms, ascending: `hash << 8 | title count << 4 | lead count` (hash: HASH_BITS of FNV-1a,
 * counts capped at 15). Two terms sharing a hash count as one: at 24 bits that is rare and harmless.
 */
export type StoryFeature = Uint32Array

export const HASH_BITS = 24
const MAX_COUNT = 15
/** Terms kept of a lead: the excerpt is about 120 characters, a pasted title + lead can be longer. */
const MAX_LEAD_TERMS = 400

const TERM = /\p{Script=Han}+|[\p{L}\p{N}]+/gu
const HAN = /\p{Script=Han}/u
/** Function words of English that TF-IDF would weigh at almost nothing anyway; they only cost space. */
const STOPWORDS = new Set(
  'a an and are as at be by for from has have he in is it its of on or that the this to was were will with said says'.split(' '),
)

/** The terms of a text: overlapping pairs of Han characters (a lone one as itself), words of other scripts. */
export function storyTerms(text: string): string[] {
  const terms: string[] = []
  for (const [run] of foldScript(text).matchAll(TERM)) {
    if (HAN.test(run)) {
      const chars = Array.from(run)
      if (chars.length === 1) terms.push(run)
      for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i]! + chars[i + 1]!)
    } else if (run.length > 1 && !STOPWORDS.has(run)) terms.push(run)
  }
  return terms
}

export function termHash(term: string): number {
  return fnv1a(term) >>> (32 - HASH_BITS)
}

export function storyFeature(title: string, lead: string): StoryFeature {
  const counts = new Map<number, number>() // hash -> title count << 4 | lead count
  const add = (terms: string[], shift: number) => {
    for (const term of terms) {
      const hash = termHash(term)
      const packed = counts.get(hash) ?? 0
      if (((packed >>> shift) & MAX_COUNT) < MAX_COUNT) counts.set(hash, packed + (1 << shift))
    }
  }
  add(storyTerms(title), 4)
  add(storyTerms(lead).slice(0, MAX_LEAD_TERMS), 0)
  const feature = new Uint32Array(counts.size)
  let i = 0
  for (const [hash, packed] of counts) feature[i++] = ((hash << 8) | packed) >>> 0
  return feature.sort()
}

/** The feature of a built article: its whole title and its lead (the list entry's excerpt). */
export function articleStoryFeature(article: { title: string }, entry: { excerpt: string }): StoryFeature {
  return storyFeature(article.title, entry.excerpt)
}

export const featureHash = (value: number): number => value >>> 8
export const titleCount = (value: number): number => (value >>> 4) & MAX_COUNT
export const leadCount = (value: number): number => value & MAX_COUNT
