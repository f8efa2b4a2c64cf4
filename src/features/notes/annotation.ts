import type { Article, Lang } from '../../types/data'
import type { TextTarget } from './anchor'

/**
 * What a citation and an export need of an article, kept with each annotation as a snapshot so a
 * note whose article left the archive can still be listed, cited and exported.
 */
export interface SourceRef {
  id: string
  title: string
  url: string
  outlet: string
  outletName: string
  /** ISO 8601 UTC. */
  publishedAt: string
  /** Unknown for a bookmark made before bookmarks kept it. */
  lang?: Lang
  author?: string
}

/** A highlight (with a target, and maybe a note) or a note on the whole article (no target). */
export interface Annotation {
  id: string
  source: SourceRef
  target?: TextTarget
  note: string
  createdAt: string
  updatedAt: string
}

export const isHighlight = (annotation: Annotation): annotation is Annotation & { target: TextTarget } => annotation.target !== undefined

/** The snapshot of an article its annotations keep, with the outlet's name as the reader sees it. */
export function sourceOfArticle(article: Article, outletName: string): SourceRef {
  const source: SourceRef = { id: article.id, title: article.title, url: article.url, outlet: article.outlet.id, outletName, publishedAt: article.publishedAt, lang: article.lang }
  if (article.author) source.author = article.author
  return source
}
