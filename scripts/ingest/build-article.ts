// Pure (apart from hashing): one input file -> the Article the app reads, its list entry and search grams.
import { createHash } from 'node:crypto'
import { stripTrackingParams } from '../../src/lib/html-policy'
import { indexGramList } from '../../src/lib/search-grams'
import { ID_ALPHABET, ID_HASH_LENGTH, type Article, type ListEntry } from '../../src/types/data'
import { cleanBody } from './clean-html'
import { countChars, detectLang, readingMinutes } from './language'
import { outletForUrl, type OutletInfo } from './outlets'
import { parseArticle } from './parse-article'

export interface BuiltArticle {
  article: Article
  entry: ListEntry
  outlet: OutletInfo
  /** The URL that decides identity: duplicates share it. */
  canonicalUrl: string
  /** Search grams of title and body text, distinct. */
  grams: string[]
}

export type BuildResult = { ok: true; built: BuiltArticle } | { ok: false; reason: string }

/** Lower-case host (URL does that), no fragment, no tracking parameters. */
export function canonicalUrl(url: string): string {
  const parsed = new URL(stripTrackingParams(url.trim()))
  parsed.hash = ''
  return parsed.toString()
}

/** `<outlet>-<12 base32 characters of sha-256(canonical URL)>`: URL-safe and the same on every build. */
export function articleId(canonical: string, outletId: string): string {
  const digest = createHash('sha256').update(canonical).digest()
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of digest) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5 && out.length < ID_HASH_LENGTH) {
      out += ID_ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
    if (out.length >= ID_HASH_LENGTH) break
  }
  return `${outletId}-${out}`
}

export function buildArticle(input: Uint8Array | string, source: string): BuildResult {
  const parsed = parseArticle(input)
  if (!parsed.ok) return parsed
  const { title, url, publishedAt, body, author, tags } = parsed.article
  const canonical = canonicalUrl(url)
  const outlet = outletForUrl(canonical)
  const id = articleId(canonical, outlet.id)

  // Labels the cleaner writes follow the title's language; re-clean in the rare case the body disagrees.
  const guess = detectLang(title, url)
  let cleaned = cleanBody(body, { baseUrl: url, lang: guess })
  const lang = detectLang(title + '\n' + cleaned.text, url)
  if (lang !== guess) cleaned = cleanBody(body, { baseUrl: url, lang })

  const entry: ListEntry = {
    id,
    title,
    url: stripTrackingParams(url.trim()), // the reader's 阅读原文 link: no utm_*/click ids (the id uses the canonical URL)
    outlet: outlet.id,
    publishedAt,
    excerpt: cleaned.excerpt,
    chars: countChars(cleaned.text),
    readingMinutes: readingMinutes(cleaned.text, lang),
    lang,
  }
  const article: Article = { ...entry, outlet: { id: outlet.id, name: outlet.name }, html: cleaned.html, source }
  if (author) article.author = author
  if (tags) article.tags = tags
  const grams = indexGramList([title, cleaned.text])
  return { ok: true, built: { article, entry, outlet, canonicalUrl: canonical, grams } }
}
