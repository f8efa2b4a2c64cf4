// Bookmarks and highlights as files other tools read: Markdown (quotes with their source lines),
// CSL-JSON, BibTeX and RIS, one reference per article with its highlights and notes as notes, in
// the forms Zotero imports (CSL-JSON article-newspaper, BibTeX @article with journal, urldate and
// biblatex's entrysubtype newspaper, RIS TY NEWS with T2 and N1). Pure: what to write in, text out.
import { dayOf, type CalendarDay } from '../../lib/dates'
import type { Annotation, SourceRef } from './annotation'

export type ExportFormat = 'markdown' | 'csl-json' | 'bibtex' | 'ris'
export const EXPORT_FORMATS: readonly ExportFormat[] = ['markdown', 'csl-json', 'bibtex', 'ris']
export const EXPORT_FILES: Record<ExportFormat, { extension: string; type: string }> = {
  markdown: { extension: 'md', type: 'text/markdown' },
  'csl-json': { extension: 'json', type: 'application/vnd.citationstyles.csl+json' },
  bibtex: { extension: 'bib', type: 'application/x-bibtex' },
  ris: { extension: 'ris', type: 'application/x-research-info-systems' },
}

/** One article to export, with its highlights and notes (oldest first). */
export interface ExportEntry {
  source: SourceRef
  annotations: readonly Annotation[]
}

export interface ExportOptions {
  accessed: Date
  timeZone?: string
}

const pad = (n: number) => String(n).padStart(2, '0')
const isoDay = ({ year, month, day }: CalendarDay) => `${year}-${pad(month)}-${pad(day)}`

/** Joins entries for one article: the same article bookmarked and highlighted is one reference. */
export function groupBySource(sources: readonly SourceRef[], annotations: readonly Annotation[]): ExportEntry[] {
  const entries = new Map<string, { source: SourceRef; annotations: Annotation[] }>()
  for (const source of sources) if (!entries.has(source.id)) entries.set(source.id, { source, annotations: [] })
  for (const annotation of annotations) {
    const entry = entries.get(annotation.source.id) ?? { source: annotation.source, annotations: [] }
    entry.annotations.push(annotation)
    entries.set(annotation.source.id, entry)
  }
  for (const entry of entries.values()) entry.annotations.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  return [...entries.values()]
}

export function exportText(format: ExportFormat, entries: readonly ExportEntry[], options: ExportOptions): string {
  switch (format) {
    case 'markdown':
      return toMarkdown(entries, options)
    case 'csl-json':
      return `${JSON.stringify(toCslJson(entries, options), null, 2)}\n`
    case 'bibtex':
      return toBibtex(entries, options)
    case 'ris':
      return toRis(entries, options)
  }
}

/** A note's text as one line of plain text for a field: the quote first, then the reader's note. */
function annotationText(annotation: Annotation): string {
  const parts = [annotation.target ? `“${annotation.target.exact}”` : '', annotation.note.trim()].filter(Boolean)
  return parts.join(' — ').replace(/\s+/g, ' ')
}

// ---------- Markdown

/** Markdown-significant characters escaped so an article's text stays text. */
const mdText = (text: string) =>
  text
    .replace(/([\\`*_[\]<>|~])/g, '\\$1')
    .replace(/\s+/g, ' ')
    .replace(/^(\s*)([#>+-]|\d+[.)])/, '$1\\$2')
/** A line quoted as a block quote, every line of it. */
const mdQuote = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => `> ${mdText(line)}`.trimEnd())
    .join('\n')

export function toMarkdown(entries: readonly ExportEntry[], { timeZone }: ExportOptions): string {
  const blocks = entries.map(({ source, annotations }) => {
    const date = isoDay(dayOf(source.publishedAt, timeZone))
    const line = [mdText(source.outletName), date, source.author ? mdText(source.author) : ''].filter(Boolean).join(' · ')
    const heading = source.url ? `## [${mdText(source.title)}](<${source.url.replace(/[<>]/g, encodeURIComponent)}>)` : `## ${mdText(source.title)}`
    const parts = [heading, '', line]
    for (const annotation of annotations) {
      parts.push('')
      if (annotation.target) {
        parts.push(mdQuote(annotation.target.exact), '>', `> —— 《${mdText(source.title)}》，${mdText(source.outletName)}，${date}${source.url ? `，<${source.url.replace(/[<>]/g, encodeURIComponent)}>` : ''}`)
        if (annotation.note.trim()) parts.push('', mdText(annotation.note.trim()))
      } else parts.push(`**笔记：** ${mdText(annotation.note.trim())}`)
    }
    return parts.join('\n')
  })
  return `${blocks.join('\n\n')}\n`
}

// ---------- CSL-JSON

type CslDate = { 'date-parts': [[number, number, number]] }
const cslDate = ({ year, month, day }: CalendarDay): CslDate => ({ 'date-parts': [[year, month, day]] })

export interface CslItem {
  id: string
  type: 'article-newspaper'
  title: string
  'container-title': string
  author?: { literal: string }[]
  issued: CslDate
  accessed: CslDate
  URL?: string
  language?: string
  note?: string
}

export function toCslJson(entries: readonly ExportEntry[], { accessed, timeZone }: ExportOptions): CslItem[] {
  return entries.map(({ source, annotations }) => {
    const item: CslItem = {
      id: source.id,
      type: 'article-newspaper',
      title: source.title,
      'container-title': source.outletName,
      issued: cslDate(dayOf(source.publishedAt, timeZone)),
      accessed: cslDate(dayOf(accessed, timeZone)),
    }
    if (source.lang) item.language = source.lang
    // A name as the outlet prints it: literal, not split into family and given.
    if (source.author) item.author = [{ literal: source.author }]
    if (source.url) item.URL = source.url
    const note = annotations.map(annotationText).join('\n')
    if (note) item.note = note
    return item
  })
}

// ---------- BibTeX

/** Braces balanced and TeX specials escaped: a field value is data, never markup. */
function bibValue(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\textbackslash{}')
    .replace(/([{}])/g, '\\$1')
    .replace(/([&%$#_])/g, '\\$1')
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}')
    .replace(/\s+/g, ' ')
  return `{${escaped}}`
}

const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** A citation key of letters, digits and dashes: outlet, year, and the article id's hash. */
function bibKey(source: SourceRef, year: number): string {
  const hash = source.id.split('-').at(-1) ?? source.id
  return `${source.outlet}${year}-${hash}`.replace(/[^A-Za-z0-9-]/g, '')
}

export function toBibtex(entries: readonly ExportEntry[], { accessed, timeZone }: ExportOptions): string {
  const records = entries.map(({ source, annotations }) => {
    const published = dayOf(source.publishedAt, timeZone)
    const fields: [string, string][] = [['title', bibValue(source.title)]]
    // Double braces: a literal name, not parsed into first and last by BibTeX.
    if (source.author) fields.push(['author', `{${bibValue(source.author)}}`])
    fields.push(
      ['journal', bibValue(source.outletName)],
      // biblatex's mark of a newspaper article: Better BibTeX's importer, biber and pandoc read it;
      // Zotero's own BibTeX importer ignores it and makes a journal article.
      ['entrysubtype', '{newspaper}'],
      ['date', `{${isoDay(published)}}`],
      ['year', `{${published.year}}`],
      ['month', MONTH_MACROS[published.month - 1]!],
    )
    if (source.url) fields.push(['url', `{${source.url.replace(/[{}\\\s]/g, encodeURIComponent)}}`])
    fields.push(['urldate', `{${isoDay(dayOf(accessed, timeZone))}}`])
    if (source.lang) fields.push(['language', bibValue(source.lang)])
    const note = annotations.map(annotationText).join('; ')
    if (note) fields.push(['annote', bibValue(note)])
    return `@article{${bibKey(source, published.year)},\n${fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n')}\n}`
  })
  return `${records.join('\n\n')}\n`
}

// ---------- RIS

/** One RIS value: a single line (tags are per line). */
const risValue = (text: string) => text.replace(/\s+/g, ' ').trim()
const risDate = ({ year, month, day }: CalendarDay) => `${year}/${pad(month)}/${pad(day)}/`

export function toRis(entries: readonly ExportEntry[], { accessed, timeZone }: ExportOptions): string {
  const records = entries.map(({ source, annotations }) => {
    const published = dayOf(source.publishedAt, timeZone)
    const lines: [string, string][] = [
      ['TY', 'NEWS'],
      ['TI', source.title],
      ['T2', source.outletName],
    ]
    if (source.author) lines.push(['AU', source.author])
    lines.push(['PY', String(published.year)], ['DA', risDate(published)])
    if (source.url) lines.push(['UR', source.url])
    lines.push(['Y2', risDate(dayOf(accessed, timeZone))])
    if (source.lang) lines.push(['LA', source.lang])
    for (const annotation of annotations) lines.push(['N1', annotationText(annotation)])
    lines.push(['ID', source.id], ['ER', ''])
    return lines.map(([tag, value]) => `${tag}  - ${risValue(value)}`.trimEnd()).join('\r\n')
  })
  return `${records.join('\r\n\r\n')}\r\n`
}
