import { describe, expect, it } from 'vitest'
import { agreedLabels, labelName } from './outlet-labels'

const strangers = new Set(['example-com', 'alice-blogspot-com', 'other-org'])
const taken = new Set(['BBC 中文', 'example.com', 'alice.blogspot.com', 'other.org'])
const files = (outlet: string, ...labels: string[][]) => labels.map((list) => ({ outlet, labels: list }))

describe('agreedLabels', () => {
  it('names an outlet by the label all its files carry', () => {
    expect(agreedLabels(files('example-com', ['某某评论'], ['某某评论'], ['某某评论', '时评']), strangers, taken)).toEqual(new Map([['example-com', '某某评论']]))
  })

  it('takes a label more than half of the outlet’s files carry, files without labels counted', () => {
    expect(agreedLabels(files('example-com', ['甲'], ['甲'], []), strangers, taken).get('example-com')).toBe('甲')
    expect(agreedLabels(files('example-com', ['甲'], ['甲'], [], []), strangers, taken).has('example-com')).toBe(false) // half is not a majority
    expect(agreedLabels(files('example-com', ['甲'], ['乙'], ['丙']), strangers, taken).has('example-com')).toBe(false)
  })

  it('prefers the label most files carry, then code-unit order', () => {
    expect(agreedLabels(files('example-com', ['乙', '甲'], ['乙', '甲'], ['乙']), strangers, taken).get('example-com')).toBe('乙')
    expect(agreedLabels(files('example-com', ['b', 'a'], ['a', 'b']), strangers, taken).get('example-com')).toBe('a')
  })

  it('names each blog of a hosting platform by its own label', () => {
    const names = agreedLabels([...files('alice-blogspot-com', ['爱丽丝的博客'], ['爱丽丝的博客']), ...files('other-org', ['另一个网站'])], strangers, taken)
    expect(names).toEqual(new Map([['alice-blogspot-com', '爱丽丝的博客'], ['other-org', '另一个网站']]))
  })

  it('never gives a name twice: a known outlet’s name, or one label claimed by two outlets, keeps the domains', () => {
    expect(agreedLabels(files('example-com', ['BBC 中文']), strangers, taken).size).toBe(0)
    expect(agreedLabels([...files('example-com', ['新闻']), ...files('other-org', ['新闻'])], strangers, taken).size).toBe(0)
  })

  it('leaves outlets of the table alone', () => {
    expect(agreedLabels(files('bbc', ['别的名字']), strangers, taken).size).toBe(0)
  })
})

describe('labelName', () => {
  it('keeps one line of text of at most 40 characters', () => {
    expect(labelName('  某某\n评论 ')).toBe('某某 评论')
    expect(labelName('a\u202eb')).toBe('ab')
    expect(labelName('   ')).toBeUndefined()
    expect(labelName('长'.repeat(41))).toBeUndefined()
  })
})
