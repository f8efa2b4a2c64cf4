import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fnv1a, gramBucket, indexGramList, indexGrams, normalizeForSearch, queryGrams } from './search-grams'

// The regex formulation of the grams: the oracle for the code-unit loop. A run is CJK when its first
// code point (not its first UTF-16 unit) is, so supplementary-plane Han such as 𠮷 starts a CJK run.
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u
const RUNS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])[\p{L}\p{N}])+/gu

function referenceIndexGrams(text: string): string[] {
  const into = new Set<string>()
  let previousWord = ''
  for (const [run] of normalizeForSearch(text).matchAll(RUNS)) {
    if (CJK.test(run)) {
      previousWord = ''
      const chars = Array.from(run)
      for (let i = 0; i < chars.length; i++) {
        if (i >= 2) into.add(chars[i - 2]! + chars[i - 1]! + chars[i]!)
        if (i >= 1) into.add(chars[i - 1]! + chars[i]!)
        into.add(chars[i]!)
      }
    } else {
      if (previousWord !== '') into.add(`${previousWord}_${run}`)
      into.add(run)
      previousWord = run
    }
  }
  return [...into]
}

function referenceQueryGrams(query: string): string[] {
  const grams = new Set<string>()
  const runs = [...normalizeForSearch(query).matchAll(RUNS)].map(([run]) => run)
  runs.forEach((run, i) => {
    const word = (other: string | undefined) => other !== undefined && !CJK.test(other)
    if (CJK.test(run)) {
      const chars = Array.from(run)
      if (chars.length <= 2) grams.add(chars.join(''))
      for (let k = 0; k + 2 < chars.length; k++) grams.add(chars[k]! + chars[k + 1]! + chars[k + 2]!)
    } else if (word(runs[i + 1])) grams.add(`${run}_${runs[i + 1]}`)
    else if (!word(runs[i - 1])) grams.add(run)
  })
  return [...grams]
}

// Characters from every class the scanner tells apart: ASCII, Latin, CJK of four scripts, full-width
// forms (NFKC), supplementary-plane Han and letters, lone surrogates, punctuation and spaces.
const PIECES = ['a', 'Z', '9', ' ', '-', 'É', 'ß', 'İ', '中', '國', '权', '力', 'の', 'カ', 'ー', '한', '々', '〇', '⺀',
  'Ａ', '１', '。', '，', '𠀀', '𝐀', '\uD800', '\uDC00', '\n', 'ǅ', 'ﬁ', '①', '٣']

describe('indexGrams and queryGrams', () => {
  it('index CJK characters, bigrams and trigrams, and lower-cased words and word pairs', () => {
    expect([...indexGrams('ICC权力 Court')]).toEqual(['icc', '权', '权力', '力', 'court'])
    expect([...indexGrams('国际刑事')]).toEqual(['国', '国际', '际', '国际刑', '际刑', '刑', '际刑事', '刑事', '事'])
    expect([...indexGrams('Human rights, now')]).toEqual(['human', 'human_rights', 'rights', 'rights_now', 'now'])
    expect(queryGrams('国际刑事')).toEqual(['国际刑', '际刑事'])
    expect(queryGrams('国际')).toEqual(['国际'])
    expect(queryGrams('国')).toEqual(['国'])
    expect(queryGrams('human rights now')).toEqual(['human_rights', 'rights_now'])
    expect(queryGrams('Trump')).toEqual(['trump'])
  })

  it('index text after a supplementary-plane Han character (CJK Extension B) like any CJK run', () => {
    expect([...indexGrams('𠮷中国发')]).toEqual(['𠮷', '𠮷中', '中', '𠮷中国', '中国', '国', '中国发', '国发', '发'])
    expect(indexGramList(['𠮷野家'])).toEqual(['𠮷', '𠮷野', '野', '𠮷野家', '野家', '家'])
    // The app's query side agrees, so 中国 and 𠮷野 are found.
    expect(queryGrams('中国')).toEqual(['中国'])
    expect(queryGrams('𠮷野')).toEqual(['𠮷野'])
    expect(queryGrams('𠮷')).toEqual(['𠮷'])
    const grams = new Set(indexGrams('𠮷中国发'))
    for (const gram of [...queryGrams('中国发'), ...queryGrams('𠮷中'), ...queryGrams('𠮷中国')]) expect(grams.has(gram)).toBe(true)
  })

  it('give the same grams, in the same order, as the regex formulation', () => {
    const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''))
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'binary', maxLength: 40 })), (input) => {
        expect([...indexGrams(input)]).toEqual(referenceIndexGrams(input))
        expect(queryGrams(input)).toEqual(referenceQueryGrams(input))
      }),
      { numRuns: 3000 },
    )
  })

  it('list the grams of several texts once each, as one Set over them would', () => {
    const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join(''))
    fc.assert(
      fc.property(fc.array(text, { maxLength: 4 }), (texts) => {
        const into = new Set<string>()
        for (const part of texts) for (const gram of referenceIndexGrams(part)) into.add(gram)
        expect(indexGramList(texts)).toEqual([...into])
      }),
      { numRuns: 3000 },
    )
  })

  it('classify every BMP character as the regex does', () => {
    for (let code = 0; code <= 0xffff; code += 1) {
      const input = `a${String.fromCharCode(code)}中${String.fromCharCode(code)}`
      expect([...indexGrams(input)]).toEqual(referenceIndexGrams(input))
    }
  })

  it('hash with 32-bit FNV-1a (published test vectors), over a whole string or a range of one', () => {
    expect([fnv1a(''), fnv1a('a'), fnv1a('foobar')]).toEqual([0x811c9dc5, 0xe40c292c, 0xbf9cf968])
    expect(fnv1a('xx中国yy', 2, 4)).toBe(fnv1a('中国'))
    expect(gramBucket('中国', 512)).toBe(fnv1a('中国') % 512)
  })
})
