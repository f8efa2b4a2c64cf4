import { useEffect, type ReactNode } from 'react'
import type { To } from 'react-router'
import type { BookmarkInput } from '../../bookmarks/bookmark'
import { ITEM_ATTRIBUTE, selection, useIsSelected } from '../selection'

/** One item j/k can select (Enter opens `to`, b bookmarks `bookmark`): marked aria-current and ringed when selected. */
export function SelectableItem({ id, title, to, bookmark, state, children }: { id: string; title: string; to: To | undefined; bookmark?: BookmarkInput; state?: unknown; children: ReactNode }) {
  const selected = useIsSelected(id)
  useEffect(() => selection.register(id, { title, to, bookmark, state }))
  return (
    <div
      {...{ [ITEM_ATTRIBUTE]: id }}
      aria-current={selected ? 'true' : undefined}
      className={`scroll-my-24 rounded-lg ${selected ? 'ring-3 ring-sky-600 ring-offset-2 ring-offset-stone-50 dark:ring-sky-300 dark:ring-offset-stone-950' : ''}`}
    >
      {children}
    </div>
  )
}
