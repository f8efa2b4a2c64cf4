// Pure: the bytes of one archived article file -> its parts, or the reason it cannot be an article.
// File format (docs/ingest.md): optional YAML front matter, a `<!--ms-->` timestamp comment,
// a `[title](url)` line, a `------` line, then the body HTML.

export interface ParsedArticle {
  title: string
  url: string
  /** ISO 8601 UTC. */
  publishedAt: string
  /** Body HTML exactly as archived (after newline normalisation). */
  body: string
  author?: string
  tags?: string[]
  /** What the archive calls the site: the front matter `categories`, else its `tags` (outlet-labels.ts). */
  labels?: string[]
}

export type ParseResult = { ok: true; article: ParsedArticle } | { ok: false; reason: string }

type FrontMatter = Record<string, string | string[]>

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

const fail = (reason: string): ParseResult => ({ ok: false, reason })

/** Bytes -> text, or why they are not UTF-8 text. A leading BOM is dropped by the decoder. */
export function decodeText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; reason: string } {
  if (bytes.includes(0)) return { ok: false, reason: 'not a text file (binary data)' }
  try {
    return { ok: true, text: decoder.decode(bytes) }
  } catch {
    return { ok: false, reason: 'not UTF-8 text' }
  }
}

const TIMESTAMP = /^<!--\s*(\d{1,16})\s*-->$/
// What an archiver meant as a timestamp but got wrong: a sign, a fraction, an exponent, hex, NaN,
// too many digits. Named as an invalid publication time rather than taken for a missing title line.
const BAD_TIMESTAMP = /^<!--\s*([+-]?(?:\d[\d.,_]*(?:e[+-]?\d+)?|0x[\da-f]+|nan|[+-]?infinity|null|undefined))\s*-->$/i
// Every character of a title an ordinary reader cannot see: spaces, format and control characters.
const INVISIBLE = /^[\p{Z}\p{Cc}\p{Cf}\s\u115f\u1160\u3164\uffa0]*$/u
const SEPARATOR = /^-{3,}\s*$/
// Bounds that catch garbage timestamps without rejecting any plausible news date.
const MIN_TIME = Date.UTC(1900, 0, 1)
const MAX_TIME = Date.UTC(2200, 0, 1)
// A timestamp comment is written by the tool that saved a web page: one before the web (1990) is a
// zero or a garbled value, not a date. Front matter dates may be older (MIN_TIME).
const MIN_STAMP = Date.UTC(1990, 0, 1)

export function parseArticle(input: Uint8Array | string): ParseResult {
  let text: string
  if (typeof input === 'string') {
    text = input.replace(/^\uFEFF/, '')
  } else {
    const decoded = decodeText(input)
    if (!decoded.ok) return fail(decoded.reason)
    text = decoded.text
  }
  if (text.trim() === '') return fail('empty file')
  text = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text

  let pos = 0
  const nextLine = (): string | undefined => {
    if (pos >= text.length) return undefined
    const end = text.indexOf('\n', pos)
    const line = end === -1 ? text.slice(pos) : text.slice(pos, end)
    pos = end === -1 ? text.length : end + 1
    return line
  }
  const peekLine = (): string | undefined => {
    const save = pos
    const line = nextLine()
    pos = save
    return line
  }
  const skipBlank = () => {
    while (pos < text.length && peekLine()!.trim() === '') nextLine()
  }

  let front: FrontMatter = {}
  if (/^---[ \t]*(\n|$)/.test(text)) {
    nextLine()
    const lines: string[] = []
    let closed = false
    for (let line = nextLine(); line !== undefined; line = nextLine()) {
      if (/^(---|\.\.\.)[ \t]*$/.test(line)) {
        closed = true
        break
      }
      lines.push(line)
    }
    if (!closed) return fail('unterminated front matter (no closing ---)')
    front = parseFrontMatter(lines)
  }

  skipBlank()
  let timestamp: number | undefined
  const stampMatch = TIMESTAMP.exec((peekLine() ?? '').trim())
  if (stampMatch) {
    nextLine()
    timestamp = Number(stampMatch[1])
    skipBlank()
  } else {
    const bad = BAD_TIMESTAMP.exec((peekLine() ?? '').trim())
    if (bad) return fail(`invalid publication time: <!--${truncate(bad[1]!, 40)}--> is not a whole number of milliseconds`)
  }

  let title: string | undefined
  let url: string | undefined
  const titleLine = parseTitleLine((peekLine() ?? '').trim())
  if (titleLine) {
    nextLine()
    ;({ title, url } = titleLine)
    skipBlank()
    if (SEPARATOR.test(peekLine() ?? '')) nextLine()
  } else {
    // Relay exports sometimes lose the link line; the front matter still names the article.
    const fmTitle = scalar(front.title)
    const fmUrl = scalar(front.from) ?? scalar(front.url) ?? scalar(front.link)
    if (!fmTitle || !fmUrl) return fail('no title line ([title](url))')
    title = fmTitle
    url = fmUrl
    if (SEPARATOR.test(peekLine() ?? '')) nextLine()
  }

  title = title.replace(/\s+/g, ' ').trim()
  if (title === '') return fail('empty title')
  if (INVISIBLE.test(title)) return fail('empty title (only invisible characters)')
  if (!isHttpUrl(url)) return fail(`URL is not http(s): ${truncate(url, 80)}`)

  let time: number
  if (timestamp !== undefined) {
    // Ten digits or fewer is a seconds timestamp from a tool that dropped the milliseconds.
    time = timestamp < 1e11 ? timestamp * 1000 : timestamp
    if (!(time >= MIN_STAMP && time < MAX_TIME)) {
      // Beyond ±8.64e15 ms there is no date to name (toISOString would throw).
      const day = Number.isFinite(new Date(time).getTime()) ? new Date(time).toISOString().slice(0, 10) : 'beyond any calendar date'
      return fail(`invalid publication time: <!--${stampMatch![1]}--> is ${day}, outside 1990–2200`)
    }
  } else {
    const date = scalar(front.date)
    if (date === undefined) return fail('no date (no timestamp comment and no front matter date)')
    const parsed = parseDate(date)
    if (parsed === undefined) return fail(`invalid date: ${truncate(date, 40)}`)
    time = parsed
  }

  const article: ParsedArticle = {
    title,
    url: url.trim(),
    publishedAt: new Date(time).toISOString(),
    body: text.slice(pos).trim(),
  }
  const author = scalar(front.author)
  if (author) article.author = author
  const tags = [...list(front.tags), ...list(front.categories)]
  if (tags.length > 0) article.tags = [...new Set(tags)]
  const labels = list(front.categories).length > 0 ? list(front.categories) : list(front.tags)
  if (labels.length > 0) article.labels = [...new Set(labels)]
  return { ok: true, article }
}

/** `[title](url)`, where the title may itself hold brackets: split at the last `](`. */
export function parseTitleLine(line: string): { title: string; url: string } | undefined {
  if (!line.startsWith('[') || !line.endsWith(')')) return undefined
  const split = line.lastIndexOf('](')
  if (split < 1) return undefined
  const title = line.slice(1, split).replace(/\\([[\]\\])/g, '$1')
  const url = line.slice(split + 2, -1).trim().replace(/^<(.*)>$/, '$1')
  if (url === '' || /\s/.test(url)) return undefined
  return { title, url }
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value.trim())
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
  } catch {
    return false
  }
}

/** ISO 8601 dates, with or without time or zone (no zone = UTC), and `YYYY-MM-DD HH:MM[:SS] +0800`. */
export function parseDate(value: string): number | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(
    value.trim(),
  )
  if (!m) return undefined
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m
  const month = Number(mo)
  const day = Number(d)
  const hour = Number(h)
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || Number(mi) > 59 || Number(s) > 60) return undefined
  let time = Date.UTC(Number(y), month - 1, day, hour, Number(mi), Number(s), Number(frac.slice(0, 3).padEnd(3, '0')))
  if (new Date(time).getUTCDate() !== day && hour < 24) return undefined // 2023-02-30
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1
    const digits = zone.slice(1).replace(':', '')
    time -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000
  }
  return time >= MIN_TIME && time < MAX_TIME ? time : undefined
}

/**
 * The subset of YAML that archive front matter uses: `key: value` lines with plain or quoted
 * scalars, flow lists `[a, b]` and block lists (`- a`). Lenient on purpose: an odd line is
 * ignored rather than losing an article whose title line is intact.
 */
export function parseFrontMatter(lines: readonly string[]): FrontMatter {
  const out: FrontMatter = {}
  let listKey: string | undefined
  for (const raw of lines) {
    const line = raw.replace(/\s+$/, '')
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue
    const item = /^\s*-\s+(.*)$/.exec(line)
    if (item && listKey) {
      const current = out[listKey]
      const value = unquote(item[1]!)
      out[listKey] = Array.isArray(current) ? [...current, value] : [value]
      continue
    }
    const pair = /^([A-Za-z_][\w-]*)\s*:(?:\s+(.*))?$/.exec(line)
    if (!pair) continue
    const key = pair[1]!.toLowerCase()
    const value = (pair[2] ?? '').trim()
    listKey = value === '' ? key : undefined
    if (value === '') continue
    if (value.startsWith('[') && value.endsWith(']')) {
      out[key] = value
        .slice(1, -1)
        .split(',')
        .map((part) => unquote(part.trim()))
        .filter((part) => part !== '')
    } else {
      out[key] = unquote(value)
    }
  }
  return out
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\(["\\/])/g, '$1').replace(/\\n/g, '\n').replace(/\\t/g, '\t')
  }
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1).replace(/''/g, "'")
  return value.replace(/\s+#.*$/, '')
}

function scalar(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value
  const trimmed = text?.trim()
  return trimmed ? trimmed : undefined
}

function list(value: string | string[] | undefined): string[] {
  if (value === undefined) return []
  return (Array.isArray(value) ? value : [value]).map((v) => v.trim()).filter((v) => v !== '')
}

function truncate(text: string, max: number): string {
  const chars = Array.from(text)
  return chars.length > max ? chars.slice(0, max).join('') + '…' : text
}
