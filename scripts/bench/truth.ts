// The truth a search is measured against: which articles of a bundle hold a query as written, by
// exact substring over the folded title and text (Simplified/Traditional folding and case folding,
// foldScript: the fold the index and the app use).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { foldScript } from '../../src/lib/fold-script'
import { ARTICLE_DIR } from '../../src/types/bundle-paths'
import type { Article } from '../../src/types/data'

export interface TruthArticle {
  id: string
  title: string
  /** Title and body text, as a reader reads them (blocks on lines of their own). */
  text: string
  /** foldScript(text). */
  folded: string
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

/** The text of cleaned article HTML: tags dropped, blocks on lines of their own, entities decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<\/(p|h[1-6]|li|blockquote|figcaption|div|tr)>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)))
      return ENTITIES[name.toLowerCase()] ?? entity
    })
    .replace(/\n{2,}/g, '\n')
    .trim()
}

/** Every article of a bundle folder (its data/), read from its article files. */
export function readBundleArticles(data: string): TruthArticle[] {
  const folder = join(data, ARTICLE_DIR)
  const files = (readdirSync(folder, { recursive: true }) as string[]).filter((name) => name.endsWith('.json')).sort()
  return files.map((name) => {
    const article = JSON.parse(readFileSync(join(folder, name), 'utf8')) as Article
    const text = `${article.title}\n${htmlText(article.html)}`
    return { id: article.id, title: article.title, text, folded: foldScript(text) }
  })
}

/** Ids of the articles holding the query (folded, trimmed) anywhere in their title or text. */
export function articlesHolding(articles: readonly TruthArticle[], query: string): Set<string> {
  const needle = foldScript(query.trim())
  if (needle === '') throw new Error('an empty query has no truth: every article would match')
  return new Set(articles.filter((article) => article.folded.includes(needle)).map((article) => article.id))
}
