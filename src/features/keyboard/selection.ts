// What the keys act on. Lists: the items shown (SelectableItem registers each, the page's order
// is the DOM's) and the one selected, per view (path + query) for this page session. The
// article page: its bookmark and its previous/next, as its pager found them.
import { useSyncExternalStore } from 'react'
import type { To } from 'react-router'
import type { BookmarkInput } from '../bookmarks/bookmark'

export interface ItemTarget {
  title: string
  /** Where Enter opens; none for an item that cannot open here (a bookmark gone from the archive). */
  to?: To
  bookmark?: BookmarkInput
  /** Navigation state Enter opens it with. */
  state?: unknown
}

export interface ArticleTargets {
  bookmark?: BookmarkInput
  back?: To
  previous?: To | null
  next?: To | null
  /** Navigation state n, p and Esc carry (the list the reader came from). */
  state?: unknown
}

export const ITEM_ATTRIBUTE = 'data-shortcut-item'

const items = new Map<string, ItemTarget>()
const selectedByView = new Map<string, string>()
let view = ''
let article: ArticleTargets = {}
const listeners = new Set<() => void>()
const articleListeners = new Set<() => void>()
const emit = () => listeners.forEach((listener) => listener())

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export const selection = {
  setView(key: string) {
    if (key === view) return
    view = key
    emit()
  },
  selected: (): string | null => selectedByView.get(view) ?? null,
  select(id: string | null) {
    if (id === null) selectedByView.delete(view)
    else selectedByView.set(view, id)
    emit()
  },
  register(id: string, target: ItemTarget): () => void {
    items.set(id, target)
    return () => {
      if (items.get(id) === target) items.delete(id)
    }
  },
  item: (id: string): ItemTarget | undefined => items.get(id),
  /** Calls back whenever the article page adds what it knows (the pager found a neighbour). */
  onArticle(listener: () => void): () => void {
    articleListeners.add(listener)
    return () => articleListeners.delete(listener)
  },
  article: (): ArticleTargets => article,
  /** Adds what one part of the article page knows; returns how to take it back. */
  provideArticle(part: ArticleTargets): () => void {
    article = { ...article, ...part }
    articleListeners.forEach((listener) => listener())
    return () => {
      const rest = { ...article }
      for (const key of Object.keys(part) as (keyof ArticleTargets)[]) delete rest[key]
      article = rest
    }
  },
}

export function useIsSelected(id: string): boolean {
  return useSyncExternalStore(subscribe, () => selection.selected() === id, () => false)
}

/**
 * The item j (+1) or k (-1) moves to, among the ids shown in order. With none selected (or the
 * selected one gone) it starts at `start`: the first item on screen.
 */
export function moveSelection(ids: readonly string[], current: string | null, step: 1 | -1, start = 0): string | null {
  if (ids.length === 0) return null
  const index = current === null ? -1 : ids.indexOf(current)
  if (index < 0) return ids[Math.min(Math.max(start, 0), ids.length - 1)] ?? null
  return ids[Math.min(Math.max(index + step, 0), ids.length - 1)] ?? null
}
