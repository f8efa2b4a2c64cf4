import { describe, expect, it } from 'vitest'
import { KNOWN_OUTLETS, PALETTE, outletForUrl, registrableDomain } from './outlets'

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

function oklab(hex: string): number[] {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b)
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b)
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b)
  return [0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s, 1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s, 0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s]
}

function oklabDistance(a: string, b: string): number {
  const [x, y] = [oklab(a), oklab(b)]
  return Math.hypot(...x.map((value, i) => value - y[i]!))
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

describe('outlets', () => {
  it.each([
    ['https://www.bbc.com/zhongwen/simp/x', 'bbc', 'BBC 中文'],
    ['https://www.bbc.co.uk/zhongwen/trad/x', 'bbc', 'BBC 中文'],
    ['https://www.rfi.fr/cn/x', 'rfi', 'RFI 法广'],
    ['https://www.voachinese.com/a/x.html', 'voa', '美国之音'],
    ['https://www.voanews.com/a/x.html', 'voa', '美国之音'],
    ['https://www.voacantonese.com/a/x.html', 'voa', '美国之音'],
    ['https://www.dw.com/zh/x/a-1', 'dw', '德国之声'],
    ['https://www.zaobao.com/realtime/x', 'zaobao', '联合早报'],
    ['https://www.zaobao.com.sg/realtime/x', 'zaobao', '联合早报'],
  ])('%s belongs to %s', (url, id, name) => {
    expect(outletForUrl(url)).toMatchObject({ id, name })
  })

  it.each([
    ['https://www.cna.com.tw/news/aipl/202303210001.aspx', 'cna', '中央社'],
    ['https://cn.reuters.com/article/x', 'reuters', '路透中文网'],
    ['https://cn.nytimes.com/china/20231114/x/', 'nytimes', '纽约时报中文网'],
    ['https://www.ftchinese.com/story/001', 'ftchinese', 'FT中文网'],
    ['https://www.rfa.org/mandarin/x.html', 'rfa', '自由亚洲电台'],
    ['https://www.rti.org.tw/news/view/id/1', 'rti', '中央广播电台'],
    ['https://www.epochtimes.com/gb/23/3/21/n1.htm', 'epochtimes', '大纪元'],
    ['https://www.economist.com/china/x', 'economist', '经济学人'],
    ['https://zh.cn.nikkei.com/politicsaeconomy/x.html', 'nikkei', '日经中文网'],
    ['https://theinitium.com/article/x', 'theinitium', '端传媒'],
    ['https://chinadigitaltimes.net/chinese/1.html', 'chinadigitaltimes', '中国数字时代'],
    ['https://www.thepaper.cn/newsDetail_forward_1', 'thepaper', '澎湃新闻'],
    ['https://www.caixin.com/2023-03-21/1.html', 'caixin', '财新'],
    ['https://news.mingpao.com/pns/x', 'mingpao', '明报'],
    ['https://std.stheadline.com/realtime/x', 'singtao', '星岛'],
    ['https://www.hk01.com/x', 'hk01', '香港01'],
    ['https://www.dwnews.com/x', 'dwnews', '多维新闻'],
    ['https://www.solidot.org/story?sid=1', 'solidot', 'Solidot'],
  ])('%s belongs to %s', (url, id, name) => {
    expect(outletForUrl(url)).toMatchObject({ id, name })
  })

  it('gives an unknown site an outlet of its own, shared across its subdomains, www. and m.', () => {
    const first = outletForUrl('https://news.example.com/a/1')
    expect(first).toMatchObject({ id: 'example-com', name: 'example.com' })
    expect(outletForUrl('https://www.example.com/b')).toEqual(first)
    expect(outletForUrl('https://m.example.com./b')).toEqual(first)
    expect(outletForUrl('https://news.example.com.tw/a/1')).toMatchObject({ id: 'example-com-tw', name: 'example.com.tw' })
    expect(outletForUrl('http://127.0.0.1:8080/a')).toMatchObject({ id: '127-0-0-1' })
  })

  it('keeps two registrable domains with the same first label apart (example.com, example.org)', () => {
    expect(outletForUrl('https://example.com/a').id).not.toBe(outletForUrl('https://example.org/a').id)
    expect(outletForUrl('https://example.org/a')).toMatchObject({ id: 'example-org', name: 'example.org' })
  })

  it('never lets an unknown host take a known outlet id, nor a known outlet a neighbour host', () => {
    expect(outletForUrl('https://voa.gov/x').id).toBe('voa-gov')
    expect(outletForUrl('https://www.dwnews.com/x').id).toBe('dwnews')
    expect(outletForUrl('https://notdw.com/x').id).toBe('notdw-com')
  })

  it('makes each blog on a hosting platform an outlet of its own', () => {
    expect(outletForUrl('https://alice.blogspot.com/2023/03/x.html')).toMatchObject({ id: 'alice-blogspot-com', name: 'alice.blogspot.com' })
    expect(outletForUrl('https://bob.blogspot.com/x').id).toBe('bob-blogspot-com')
    expect(outletForUrl('https://carol.substack.com/p/x').id).toBe('carol-substack-com')
    expect(outletForUrl('https://dave.github.io/x').id).toBe('dave-github-io')
    expect(outletForUrl('https://erin.wordpress.com/x').id).toBe('erin-wordpress-com')
    expect(outletForUrl('https://medium.com/@frank/a-story-1').id).toBe('medium-com-frank')
    expect(outletForUrl('https://medium.com/@grace/b').id).not.toBe(outletForUrl('https://medium.com/@frank/b').id)
    expect(outletForUrl('https://medium.com/@%E0%A4/x').id).toBe('medium-com-e0-a4') // a malformed escape, as written
    // The platform's own pages are one outlet, not a blog named www.
    expect(outletForUrl('https://www.blogspot.com/about').id).toBe('blogspot-com')
  })

  it('finds the registrable part of a host', () => {
    expect(registrableDomain('news.bbc.co.uk')).toBe('bbc.co.uk')
    expect(registrableDomain('a.b.example.org')).toBe('example.org')
    expect(registrableDomain('localhost')).toBe('localhost')
    expect(registrableDomain('www.example.com.')).toBe('example.com')
  })

  // 0.05 in OKLab is about 2.5 just-noticeable differences (~0.02): enough for a 10 px dot beside a name.
  it('gives every outlet of the table and of the palette a colour a reader can tell apart (OKLab distance >= 0.05)', () => {
    const colors = [...KNOWN_OUTLETS.map((outlet) => outlet.color), ...PALETTE]
    expect(new Set(KNOWN_OUTLETS.map((outlet) => outlet.id)).size).toBe(KNOWN_OUTLETS.length)
    for (const [i, a] of colors.entries()) {
      for (const b of colors.slice(i + 1)) expect(oklabDistance(a, b), `${a} ~ ${b}`).toBeGreaterThanOrEqual(0.05)
    }
  })

  it('picks every colour readable (>= 3:1) on white and on the dark background', () => {
    for (const color of [...KNOWN_OUTLETS.map((outlet) => outlet.color), ...PALETTE]) {
      expect(contrast(color, '#ffffff'), color).toBeGreaterThanOrEqual(3)
      expect(contrast(color, '#111827'), color).toBeGreaterThanOrEqual(3)
    }
  })
})
