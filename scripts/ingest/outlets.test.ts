import { describe, expect, it } from 'vitest'
import { KNOWN_OUTLETS, PALETTE, outletForUrl, registrableDomain } from './outlets'

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
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

  it('gives an unknown host an outlet of its own, shared across its subdomains', () => {
    const first = outletForUrl('https://cn.nytimes.com/china/20231114/x/')
    expect(first).toMatchObject({ id: 'nytimes', name: 'nytimes.com' })
    expect(outletForUrl('https://www.nytimes.com/zh-hans/x.html')).toEqual(first)
    expect(outletForUrl('https://news.example.com.tw/a/1')).toMatchObject({ id: 'example', name: 'example.com.tw' })
    expect(outletForUrl('http://127.0.0.1:8080/a')).toMatchObject({ id: '127-0-0-1' })
  })

  it('never lets an unknown host take a known outlet id', () => {
    expect(outletForUrl('https://voa.gov/x').id).toBe('voa-gov')
  })

  it('finds the registrable part of a host', () => {
    expect(registrableDomain('news.bbc.co.uk')).toBe('bbc.co.uk')
    expect(registrableDomain('a.b.example.org')).toBe('example.org')
    expect(registrableDomain('localhost')).toBe('localhost')
  })

  it('picks every colour readable (>= 3:1) on white and on the dark background', () => {
    for (const color of [...KNOWN_OUTLETS.map((outlet) => outlet.color), ...PALETTE]) {
      expect(contrast(color, '#ffffff'), color).toBeGreaterThanOrEqual(3)
      expect(contrast(color, '#111827'), color).toBeGreaterThanOrEqual(3)
    }
  })
})
