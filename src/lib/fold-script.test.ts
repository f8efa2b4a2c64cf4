import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FOLD_PAIRS } from './fold-pairs'
import { foldScript } from './fold-script'
import { buildFoldTable, foldPairsText } from './fold-table'
import { queryGrams } from './search-grams'

describe('foldScript', () => {
  it.each([
    ['國安法', '国安法'],
    ['會見', '会见'],
    ['李強', '李强'],
    ['習近平會見俄羅斯外長', '习近平会见俄罗斯外长'],
    ['隨著', '随着'], // Taiwan writes 著 for the particle
    ['衞生', '卫生'], // a Hong Kong variant
    ['臺灣', '台湾'],
    ['ＩＣＣ權力', 'icc权力'], // NFKC and case first
  ])('folds %s onto %s', (traditional, simplified) => {
    expect(foldScript(traditional)).toBe(simplified)
    expect(foldScript(simplified)).toBe(simplified)
  })

  it('folds the one-to-many pairs onto one character, whichever the text wrote', () => {
    expect(new Set(['發', '髮', '发'].map(foldScript))).toEqual(new Set(['发']))
    expect(new Set(['乾', '幹', '干'].map(foldScript))).toEqual(new Set(['干']))
    expect(new Set(['臺', '台', '檯', '颱'].map(foldScript))).toEqual(new Set(['台']))
  })

  it('leaves English, digits and punctuation as search normalises them', () => {
    expect(foldScript('Putin, 2023：')).toBe('putin, 2023:')
  })

  it('is a fixed point on what it returns, so folding twice changes nothing', () => {
    const table = buildFoldTable()
    for (const [from, to] of table) {
      expect(to, `${from} → ${to}`).not.toBe(from)
      expect(table.has(to), `${from} → ${to} folds again`).toBe(false)
    }
  })

  it('maps characters one to one, so a query folds like the same words inside an article', () => {
    // A phrase converter did not: 一目瞭然 became 一目了然 while 瞭然 alone stayed 瞭然, and the query missed.
    const chars = ['瞭', '然', '一', '目', '乾', '坤', '國', '安', '法', '發', '展', 'a', ' ', '𠮷']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 12 }), fc.nat(), fc.nat(), (text, a, b) => {
        const [start, end] = [Math.min(a, b) % (text.length + 1), Math.max(a, b) % (text.length + 1)]
        const query = text.slice(start, end).join('')
        expect(foldScript(text.join(''))).toContain(foldScript(query))
      }),
    )
    expect(queryGrams(foldScript('瞭然')).every((gram) => foldScript('一目瞭然').includes(gram))).toBe(true)
  })

  it('reads the table OpenCC gives today (after updating opencc-js: npm run fold-pairs)', () => {
    expect(FOLD_PAIRS.trim(), 'src/lib/fold-pairs.ts is stale: run npm run fold-pairs').toBe(foldPairsText(buildFoldTable()))
    for (const [from, to] of buildFoldTable()) expect(foldScript(from), from).toBe(to)
  })

  it('holds only Han characters, so a query without Han needs no tables', () => {
    for (const from of buildFoldTable().keys()) expect(from).toMatch(/^\p{Script=Han}$/u)
  })
})
