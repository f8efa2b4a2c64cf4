import { useEffect } from 'react'
import { selection, type ArticleTargets } from './selection'

/** What the article page offers the keys (b, n, p, Esc): each part of the page gives what it knows. */
export function useArticleShortcuts(targets: ArticleTargets): void {
  useEffect(() => selection.provideArticle(targets))
}
