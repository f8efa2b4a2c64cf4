import type { Lang } from '../../types/data'
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
  lang: Lang
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
