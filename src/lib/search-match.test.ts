import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { foldScript } from './fold-script'
import { normalizeForSearch } from './search-grams'
import { checkText, findTerm, foldWithOffsets, matchesQuery, searchText, snippetOf } from './search-match'
import { foldQuery, parseQuery } from './search-query'

const text = (value: string) => searchText(foldScript(value))
const matches = (value: string, q: string) => matchesQuery(text(value), foldQuery(parseQuery(q), foldScript))

describe('the exact check', () => {
  it('finds a CJK term only as written: not 新冠疫情 … 流感疫苗 for 新冠疫苗, and in either script', () => {
    expect(matches('新冠疫情期间接种流感疫苗', '新冠疫苗')).toBe(false)
    expect(matches('台灣民眾接種新冠疫苗', '新冠疫苗')).toBe(true)
    expect(matches('台湾民众接种新冠疫苗', '新冠疫苗')).toBe(true)
  })

  it('matches words whole and case-folded, phrases by adjacent words whatever the spaces or punctuation between', () => {
    expect(matches('Trump said', 'trump')).toBe(true)
    expect(matches('trumpets sound', 'trump')).toBe(false)
    expect(matches('Human  rights,\nnow', '"human rights now"')).toBe(true)
    expect(matches('human beings have rights', '"human rights"')).toBe(false)
    expect(matches('ICC权力', 'icc权力')).toBe(true)
    expect(matches('ICC的权力', 'icc权力')).toBe(false)
  })

  it('applies groups, OR and exclusions', () => {
    expect(matches('特朗普访华', '川普 OR 特朗普')).toBe(true)
    expect(matches('特朗普访华', '特朗普 -访华')).toBe(false)
    expect(matches('特朗普访华', '-拜登')).toBe(true)
    expect(matches('特朗普访华', '特朗普 拜登')).toBe(false)
  })

  it('agrees with substring search for any CJK term in any CJK text', () => {
    const chars = fc.constantFrom('新', '冠', '疫', '苗', '情', '，', ' ')
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }), fc.array(chars, { minLength: 1, maxLength: 5 }), (body, q) => {
        const term = q.join('').replace(/[， ]/g, '')
        if (term === '') return
        const value = body.join('')
        expect(findTerm(text(value), term) !== null).toBe(value.includes(term))
      }),
      { numRuns: 2000 },
    )
  })
})

describe('snippetOf', () => {
  const snippet = (file: string, q: string) => snippetOf(file, foldQuery(parseQuery(q), foldScript), foldScript)

  it('cuts the body line of the first match to a window and marks every match in it, in the original script', () => {
    const body = `${'前'.repeat(50)}接種新冠疫苗後，新冠疫苗${'后'.repeat(120)}`
    const result = snippet(`标题\n第一段没有\n${body}`, '新冠疫苗')!
    expect(result.parts.filter((part) => part.mark).map((part) => part.text)).toEqual(['新冠疫苗', '新冠疫苗'])
    expect(result.cutStart).toBe(true)
    expect(result.cutEnd).toBe(true)
    expect(result.parts.map((part) => part.text).join('')).toMatch(/^前+接種新冠疫苗後，新冠疫苗后+$/)
  })

  it('is null when only the title matches', () => {
    expect(snippet('新冠疫苗\n别的内容', '新冠疫苗')).toBeNull()
  })

  it('maps marks back to the original when folding changes lengths', () => {
    const file = 'T\nﬁnance and Finance'
    expect(foldWithOffsets(file, normalizeForSearch).folded).toBe('t\nfinance and finance')
    const result = snippetOf(file, foldQuery(parseQuery('finance'), normalizeForSearch), normalizeForSearch)!
    expect(result.parts).toEqual([
      { text: 'ﬁnance', mark: true },
      { text: ' and ', mark: false },
      { text: 'Finance', mark: true },
    ])
  })
})

describe('checkText', () => {
  it('says what matchesQuery and snippetOf say, folding the text once for both', () => {
    const pieces = ['新冠', '疫苗', '國安', '法', 'Trump', ' said', ' ', '，', '\n', 'ﬁnance', 'human', 'rights']
    const queries = ['新冠疫苗', '国安法', 'trump', '"human rights"', 'finance -疫苗', '新冠 OR trump', '疫苗 法']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 16 }), fc.constantFrom(...queries), (parts, q) => {
        const file = parts.join('')
        const query = foldQuery(parseQuery(q), foldScript)
        const holds = matchesQuery(searchText(foldScript(file)), query)
        expect(checkText(file, query, foldScript)).toEqual({ holds, snippet: holds ? snippetOf(file, query, foldScript) : null })
      }),
    )
  })
})
