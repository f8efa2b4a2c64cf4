// Pure (apart from hashing): one input file -> the Article the app reads, its list entry and search grams.
import { createHash } from 'node:crypto'
import { foldScript } from '../../src/lib/fold-script'
import { indexPostings } from '../../src/lib/search-grams'
import { ID_ALPHABET, ID_HASH_LENGTH, MAX_EXCERPT, MAX_LIST_TITLE, type Article, type ListEntry } from '../../src/types/data'
import { canonicalUrl, idSource, linkUrl } from './canonical-url'
import { cleanBody } from './clean-html'
import { truncateText } from './extract-text'
import { countChars, detectLang, readingMinutes } from './language'
import { idLabelForUrl, isTableOutlet, outletForUrl, type OutletInfo } from './outlets'
import { parseArticle } from './parse-article'

export interface BuiltArticle {
  article: Article
  entry: ListEntry
  outlet: OutletInfo
  /** The URL that decides identity: duplicates share it. */
  canonicalUrl: string
  /** Front matter labels when the outlet table does not know the host (outlet-labels.ts), else empty. */
  labels: string[]
  /** Search grams of title and body text folded to Simplified (foldScript), distinct. */
  grams: string[]
  /** Each gram's posting flags (IN_TITLE, occurrences): relevance order. */
  gramFlags: Uint8Array
  /** Plain text of the cleaned body, one block a line (story clustering reads its lead). */
  text: string
}

export type BuildResult = { ok: true; built: BuiltArticle } | { ok: false; reason: string }

/** `<label>-<12 base32 characters of sha-256(idSource(url))>`: URL-safe and the same on every build (idLabelForUrl). */
export function articleId(source: string, label: string): string {
  const digest = createHash('sha256').update(source).digest()
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
  return `${label}-${out}`
}

export function buildArticle(input: Uint8Array | string, source: string): BuildResult {
  const parsed = parseArticle(input)
  if (!parsed.ok) return parsed
  const { title, url, publishedAt, body, author, tags, labels } = parsed.article
  const canonical = canonicalUrl(url)
  const outlet = outletForUrl(canonical)
  const id = articleId(idSource(url), idLabelForUrl(url))

  // Labels the cleaner writes follow the title's language; re-clean in the rare case the body disagrees.
  const link = linkUrl(url)
  const guess = detectLang(title, link)
  let cleaned = cleanBody(body, { baseUrl: link, lang: guess })
  const lang = detectLang(title + '\n' + cleaned.text, link)
  if (lang !== guess) cleaned = cleanBody(body, { baseUrl: link, lang })

  const entry: ListEntry = {
    id,
    title: truncateText(title, MAX_LIST_TITLE - 1), // the ellipsis is the 300th; the article file keeps the whole title
    url: link, // the reader's 阅读原文 link: as saved, without credentials or utm_*/click ids
    outlet: outlet.id,
    publishedAt,
    excerpt: truncateText(cleaned.excerpt, MAX_EXCERPT - 1),
    chars: countChars(cleaned.text),
    readingMinutes: readingMinutes(cleaned.text, lang),
    lang,
  }
  const article: Article = { ...entry, title, outlet: { id: outlet.id, name: outlet.name }, html: cleaned.html, source }
  if (author) article.author = author
  if (tags) article.tags = tags
  // Indexed folded, as the app folds a query: 國安法 and 国安法 are one term.
  const { grams, flags: gramFlags } = indexPostings([foldScript(title), foldScript(cleaned.text)])
  const labelsOf = isTableOutlet(outlet.id) ? [] : (labels ?? [])
  return { ok: true, built: { article, entry, outlet, canonicalUrl: canonical, grams, gramFlags, labels: labelsOf, text: cleaned.text } }
}
