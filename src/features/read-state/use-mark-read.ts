import { useEffect } from 'react'
import { readStateStore } from './store'

/** Marks the article read once it is shown (its data arrived). */
export function useMarkRead(id: string | undefined) {
  useEffect(() => {
    if (id) readStateStore.markRead(id)
  }, [id])
}
