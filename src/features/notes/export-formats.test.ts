import { readFileSync } from 'node:fs'
import { parse as parseBibtex } from '@retorquere/bibtex-parser'
import { Ajv } from 'ajv'
import { describe, expect, test } from 'vitest'
import type { Annotation, SourceRef } from './annotation'
import { formatCitation } from './citation'
import { exportText, groupBySource, toMarkdown, type ExportEntry } from './export-formats'

const ACCESSED = new Date('2026-12-01T03:00:00Z')
const options = { accessed: ACCESSED, timeZone: 'Asia/Shanghai' }

// 2024-02-07 23:30 in Shanghai is still 15:30 UTC: the day is the reader's.
const rfi: SourceRef = {
  id: 'rfi-abcdefghjkmn',
  title: '瑞士外长希望中国能在俄乌和谈中“帮我们一把”',
  url: 'https://www.rfi.fr/cn/国际/20240207-瑞士外长',
  outlet: 'rfi',
  outletName: 'RFI 法广',
  publishedAt: '2024-02-07T15:30:00.000Z',
  lang: 'zh-Hans',
}
const voa: SourceRef = {
  id: 'voa-23456789abcd',
  title: 'Under 50% & {braces}: a #1 test_of $pecial characters',
  url: 'https://www.voachinese.com/a/7_000.html?x=1&y={2}',
  outlet: 'voa',
  outletName: '美国之音',
  publishedAt: '2023-03-21T02:00:00.000Z',
  lang: 'en',
  author: 'Jane Q. Doe',
}

const highlight = (source: SourceRef, exact: string, note = '', createdAt = '2026-11-30T10:00:00.000Z'): Annotation => ({
  id: `h-${exact.length}-${createdAt}`,
  source,
  target: { exact, prefix: '', suffix: '', start: 0, end: exact.length },
  note,
  createdAt,
  updatedAt: createdAt,
})
const articleNote = (source: SourceRef, note: string): Annotation => ({ id: 'n-1', source, note, createdAt: '2026-11-29T00:00:00.000Z', updatedAt: '2026-11-29T00:00:00.000Z' })

const entries: ExportEntry[] = groupBySource(
  [rfi, voa],
  [highlight(rfi, '这是一次非常高级别的会议', '外长的原话', '2026-11-30T12:00:00.000Z'), highlight(rfi, '帮我们一把'), articleNote(voa, 'Read again; line two\nhere')],
)

describe('citations', () => {
  test('GB/T 7714: author (when known), title [N/OL], outlet, published and cited days, URL', () => {
    expect(formatCitation('gbt7714', rfi, options)).toBe(`瑞士外长希望中国能在俄乌和谈中“帮我们一把”[N/OL]. RFI 法广, 2024-02-07[2026-12-01]. ${rfi.url}.`)
    expect(formatCitation('gbt7714', voa, options)).toMatch(/^Jane Q\. Doe\. Under 50%.*\[N\/OL\]\. 美国之音, 2023-03-21\[2026-12-01\]\. https:/)
  })

  test('APA: the author inverted with initials, or the title first when there is none', () => {
    expect(formatCitation('apa', voa, options)).toBe(`Doe, J. Q. (2023, March 21). ${voa.title}. 美国之音. ${voa.url}`)
    expect(formatCitation('apa', rfi, options)).toBe(`${rfi.title}. (2024, February 7). RFI 法广. ${rfi.url}`)
    expect(formatCitation('apa', { ...rfi, author: '张三' }, options)).toMatch(/^张三\. \(2024, February 7\)\./)
  })

  test('Chicago: quoted title, outlet, date, accessed date and URL', () => {
    expect(formatCitation('chicago', rfi, options)).toBe(`“${rfi.title}.” RFI 法广, February 7, 2024. Accessed December 1, 2026. ${rfi.url}.`)
    expect(formatCitation('chicago', voa, options)).toMatch(/^Jane Q\. Doe\. “Under 50%/)
  })
})

describe('Markdown', () => {
  test('each article a heading linking to it, its outlet and date line, each quote with its source line and note', () => {
    const text = toMarkdown(entries, options)
    expect(text).toContain(`## [瑞士外长希望中国能在俄乌和谈中“帮我们一把”](<${rfi.url}>)\n\nRFI 法广 · 2024-02-07`)
    expect(text).toContain(`> 帮我们一把\n>\n> —— 《瑞士外长希望中国能在俄乌和谈中“帮我们一把”》，RFI 法广，2024-02-07，<${rfi.url}>`)
    expect(text).toContain('> 这是一次非常高级别的会议\n>\n> —— 《')
    expect(text).toContain('\n\n外长的原话')
    // Oldest highlight first within an article.
    expect(text.indexOf('帮我们一把\n>')).toBeLessThan(text.indexOf('这是一次非常'))
    expect(text).toContain('**笔记：** Read again; line two here')
    // Markup in an article's text stays text.
    expect(toMarkdown([{ source: { ...rfi, title: '<b>*not bold*</b> [x](y)' }, annotations: [] }], options)).toContain('\\<b\\>\\*not bold\\*\\</b\\> \\[x\\](y)')
  })
})

describe('CSL-JSON', () => {
  const schema = JSON.parse(readFileSync('tests/vendor/csl-data.json', 'utf8')) as object
  const validate = new Ajv({ strict: false }).compile(schema)

  test('valid against the CSL-JSON schema, with every field Zotero reads', () => {
    const items = JSON.parse(exportText('csl-json', entries, options)) as unknown
    expect(validate(items), JSON.stringify(validate.errors)).toBe(true)
    expect(items).toEqual([
      {
        id: rfi.id,
        type: 'article-newspaper',
        title: rfi.title,
        'container-title': 'RFI 法广',
        issued: { 'date-parts': [[2024, 2, 7]] },
        accessed: { 'date-parts': [[2026, 12, 1]] },
        URL: rfi.url,
        language: 'zh-Hans',
        note: '“帮我们一把”\n“这是一次非常高级别的会议” — 外长的原话',
      },
      expect.objectContaining({ id: voa.id, author: [{ literal: 'Jane Q. Doe' }], 'container-title': '美国之音', issued: { 'date-parts': [[2023, 3, 21]] }, note: 'Read again; line two here' }),
    ])
  })

  test('the schema rejects what it should (the check is real)', () => {
    expect(validate([{ id: 'x', type: 'newspaper-article' }])).toBe(false)
  })
})

describe('BibTeX', () => {
  test('parses back, with a BibTeX parser, to the same fields; special characters survive as text', () => {
    const library = parseBibtex(exportText('bibtex', entries, options), { sentenceCase: false })
    expect(library.errors).toEqual([])
    expect(library.entries.map((entry) => entry.type)).toEqual(['article', 'article'])
    const [first, second] = library.entries
    expect(first!.key).toBe('rfi2024-abcdefghjkmn')
    expect(first!.fields).toMatchObject({
      title: rfi.title,
      journal: 'RFI 法广',
      entrysubtype: 'newspaper',
      date: '2024-02-07',
      year: '2024',
      month: '2',
      url: rfi.url,
      urldate: '2026-12-01',
      language: 'zh-Hans',
      annote: '“帮我们一把”; “这是一次非常高级别的会议” — 外长的原话',
    })
    expect(second!.fields.title).toBe(voa.title)
    expect(second!.fields.entrysubtype).toBe('newspaper')
    expect(second!.fields.author).toEqual([{ name: 'Jane Q. Doe' }])
    expect(second!.fields.url).toBe(voa.url.replace(/[{}]/g, encodeURIComponent))
    expect(new Set(library.entries.map((entry) => entry.key)).size).toBe(2)
  })
})

/** A small RIS reader: records of tag -> values, as a reference manager splits them. */
function parseRis(text: string): Record<string, string[]>[] {
  const records: Record<string, string[]>[] = []
  let current: Record<string, string[]> | null = null
  for (const line of text.split(/\r\n/)) {
    if (line === '') continue
    const match = /^([A-Z][A-Z0-9]) {2}- ?(.*)$/.exec(line)
    if (!match) throw new Error(`not a RIS line: ${JSON.stringify(line)}`)
    const [, tag, value] = match as unknown as [string, string, string]
    if (tag === 'TY') current = {}
    if (!current) throw new Error(`${tag} before TY`)
    ;(current[tag] ??= []).push(value)
    if (tag === 'ER') {
      records.push(current)
      current = null
    }
  }
  if (current) throw new Error('record without ER')
  return records
}

describe('RIS', () => {
  test('one NEWS record per article with title, outlet, author, dates, URL, language and one note per highlight', () => {
    const records = parseRis(exportText('ris', entries, options))
    expect(records).toHaveLength(2)
    expect(records[0]).toMatchObject({
      TY: ['NEWS'],
      TI: [rfi.title],
      T2: ['RFI 法广'],
      PY: ['2024'],
      DA: ['2024/02/07/'],
      UR: [rfi.url],
      Y2: ['2026/12/01/'],
      LA: ['zh-Hans'],
      N1: ['“帮我们一把”', '“这是一次非常高级别的会议” — 外长的原话'],
      ER: [''],
    })
    expect(records[0]!.AU).toBeUndefined()
    expect(records[1]).toMatchObject({ AU: ['Jane Q. Doe'], N1: ['Read again; line two here'] })
  })
})

test('an article both bookmarked and highlighted is one reference', () => {
  expect(groupBySource([rfi, rfi], [highlight(rfi, 'x')]).map((entry) => entry.source.id)).toEqual([rfi.id])
})

test('citations show the URL readable, as the address bar does', () => {
  const encoded = { ...rfi, url: 'https://www.rfi.fr/cn/%E5%9B%BD%E9%99%85/20240207-%E7%91%9E%E5%A3%AB?a=%20b' }
  expect(formatCitation('apa', encoded, options)).toMatch(/ https:\/\/www\.rfi\.fr\/cn\/国际\/20240207-瑞士\?a=%20b$/)
})
