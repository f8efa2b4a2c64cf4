import { describe, expect, it } from 'vitest'
import { normalizeForSearch } from './search-grams'
import { foldQuery, indexIsExact, isSearch, lookupKeys, MAX_TERM_KEYS, parseQuery, queryKeys } from './search-query'

const term = (text: string, phrase = false) => ({ text, phrase })

describe('parseQuery', () => {
  it('needs every term separated by spaces', () => {
    expect(parseQuery(' 新冠疫苗  世卫 ')).toEqual({ all: [[term('新冠疫苗')], [term('世卫')]], none: [] })
  })

  it('keeps a quoted phrase as one term, with straight, curly or corner quotes, and an unclosed quote to the end', () => {
    expect(parseQuery('"human rights" watch').all).toEqual([[term('human rights', true)], [term('watch')]])
    expect(parseQuery('“人权 观察”').all).toEqual([[term('人权 观察', true)]])
    expect(parseQuery('「国安法」').all).toEqual([[term('国安法', true)]])
    expect(parseQuery('"human rig').all).toEqual([[term('human rig', true)]])
  })

  it('leaves out -terms and -"phrases", but a lone dash or one inside a word is text', () => {
    expect(parseQuery('疫苗 -流感 -"side effects"')).toEqual({ all: [[term('疫苗')]], none: [term('流感'), term('side effects', true)] })
    expect(parseQuery('covid-19 - x').all).toEqual([[term('covid-19')], [term('-')], [term('x')]])
  })

  it('joins terms around OR into one group; OR elsewhere, or in lower case, is a word', () => {
    expect(parseQuery('特朗普 OR 川普 OR 川普 推特').all).toEqual([[term('特朗普'), term('川普'), term('川普')], [term('推特')]])
    expect(parseQuery('OR 川普').all).toEqual([[term('OR')], [term('川普')]])
    expect(parseQuery('a or b').all).toEqual([[term('a')], [term('or')], [term('b')]])
    expect(parseQuery('a OR -b').all).toEqual([[term('a')], [term('OR')]])
  })

  it('never throws and reads an empty box as no search', () => {
    expect(parseQuery('')).toEqual({ all: [], none: [] })
    expect(isSearch(parseQuery('  "" - ！！'))).toBe(false)
    expect(isSearch(parseQuery('-流感'))).toBe(true)
  })
})

describe('lookupKeys', () => {
  const fold = (q: string) => foldQuery(parseQuery(q), normalizeForSearch)

  it('looks a CJK term up by its trigrams, a short one by itself, English words by adjacent pairs', () => {
    expect(lookupKeys(term('新冠疫苗'))).toEqual(['新冠疫', '冠疫苗'])
    expect(lookupKeys(term('疫苗'))).toEqual(['疫苗'])
    expect(lookupKeys(term('human rights watch', true))).toEqual(['human_rights', 'rights_watch'])
    expect(queryKeys(fold('Trump -"Human Rights"'))).toEqual(['trump', 'human_rights'])
  })

  it('takes a few trigrams spread over a pasted headline, first and last included', () => {
    const headline = '中国国家主席习近平周二在莫斯科与俄罗斯总统普京举行会谈双方签署联合声明'
    const keys = lookupKeys(term(headline))
    expect(keys).toHaveLength(MAX_TERM_KEYS)
    expect(keys[0]).toBe('中国国')
    expect(keys.at(-1)).toBe('联合声明'.slice(1))
  })
})

describe('when the index alone counts a query exactly', () => {
  const exact = (input: string) => indexIsExact(foldQuery(parseQuery(input), normalizeForSearch))
  it('every term one key: a CJK run of up to three characters, a word, two adjacent words', () => {
    for (const input of ['国安法', '习近平 普京', 'trump', '"hong kong"', '台积电 OR 英伟达', '克里 -拉夫']) expect(exact(input), input).toBe(true)
  })
  it('a longer run, a longer phrase or mixed scripts may over-match: the texts must tell', () => {
    for (const input of ['新冠疫苗', '"belt and road"', '2024年', '国安法 克里姆林宫', '克里 -新冠疫苗']) expect(exact(input), input).toBe(false)
  })
})

describe('the keys a pasted headline is looked up by', () => {
  it('are trigrams spread over it, never a lone number or word when there are trigrams enough', () => {
    const keys = lookupKeys({ text: normalizeForSearch('两会：中国将2024年经济增长目标定在5%左右：它提到了领土尊严'), phrase: false })
    expect(keys).toHaveLength(MAX_TERM_KEYS)
    for (const key of keys) expect(key, keys.join(' ')).toMatch(/^\p{Script=Han}{3}$/u)
  })
})
