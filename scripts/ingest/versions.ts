// The same URL saved more than once (the outlet re-titled or corrected the article and it was saved
// again): the bundle keeps the newest version. Files arrive in the ingest's path order; this decides,
// per canonical URL, which one stays, and what the others are reported as. Pure: no file access.
import { createHash } from 'node:crypto'

export interface Version {
  /** Input path relative to --in, with forward slashes. */
  source: string
  id: string
  publishedAt: string
  /** The article file's content (JSON), read only when a second version of its URL arrives. */
  json: () => string
}

interface Group {
  kept: Version
  /** What makes two versions the same, for the kept one: computed once a second version arrives. */
  keptContent?: string
  dropped: { version: Version; content: string }[]
}

export type Offer = { kind: 'new' } | { kind: 'dropped' } | { kind: 'replaces'; previous: Version }

/**
 * A digest of title, time, body, author and tags: two files alike in these are one version saved twice.
 * A digest, so that the versions of a URL kept until the end of the walk never hold their bodies.
 */
function contentOf(json: string): string {
  const { title, publishedAt, html, author, tags } = JSON.parse(json) as Record<string, unknown>
  return createHash('sha256').update(JSON.stringify([title, publishedAt, html, author, tags])).digest('base64')
}

const withoutBody = (version: Version): Version => ({ ...version, json: () => '' })

/**
 * Whether a version read later replaces the kept one: a later publication time wins; at the same
 * time, the later file in path order wins (the ingest reads files sorted by their path, compared by
 * UTF-16 code units), unless the two are the same version saved twice, where the first stays, so the
 * id earlier builds gave it stays too. File times are not used: a copy, a sync or a checkout resets
 * them, while the path order is the same on every machine.
 */
function isNewer(later: Version, laterContent: string, kept: Version, keptContent: string): boolean {
  const [a, b] = [Date.parse(later.publishedAt), Date.parse(kept.publishedAt)]
  return a !== b ? a > b : laterContent !== keptContent
}

export class UrlVersions {
  private groups = new Map<string, Group>()

  /** The kept version of a canonical URL, if any. */
  kept(url: string): Version | undefined {
    return this.groups.get(url)?.kept
  }

  /** A built article, in path order: whether it is the first of its URL, an older one, or the new kept one. */
  offer(url: string, version: Version): Offer {
    const group = this.groups.get(url)
    if (!group) {
      this.groups.set(url, { kept: version, dropped: [] })
      return { kind: 'new' }
    }
    group.keptContent ??= contentOf(group.kept.json())
    const content = contentOf(version.json())
    if (!isNewer(version, content, group.kept, group.keptContent)) {
      group.dropped.push({ version: withoutBody(version), content })
      return { kind: 'dropped' }
    }
    const previous = group.kept
    group.dropped.push({ version: withoutBody(previous), content: group.keptContent })
    group.kept = version
    group.keptContent = content
    return { kind: 'replaces', previous }
  }

  /**
   * After the last file: a report per dropped file, in path order (`older version of <kept path>`, or
   * `duplicate of <kept path>` for the same version saved twice), and the ids of dropped versions that
   * differ from their kept one's (URL variants): `[old id, kept id]`, so a bookmark of the old id opens the kept article.
   */
  finish(): { reports: { source: string; reason: string }[]; aliases: [string, string][] } {
    const reports: { source: string; reason: string }[] = []
    const aliases = new Map<string, string>()
    for (const { kept, keptContent, dropped } of this.groups.values()) {
      for (const { version, content } of dropped) {
        const reason = content === keptContent ? `duplicate of ${kept.source}` : `older version of ${kept.source}`
        reports.push({ source: version.source, reason })
        if (version.id !== kept.id) aliases.set(version.id, kept.id)
      }
    }
    reports.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0))
    return { reports, aliases: [...aliases] }
  }
}
