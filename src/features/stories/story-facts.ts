// Pure facts about stories for the views: links, per-outlet counts, time spans, and a list of
// entries collapsed to one item per story.
import { strings } from '../../lib/strings'
import type { ListEntry, StoryMember, StoryRef } from '../../types/data'

export function storyLink(id: string): string {
  return `/stories/${encodeURIComponent(id)}`
}

export interface OutletCoverage {
  outlet: string
  /** That outlet's members, oldest first. */
  members: StoryMember[]
}

/** Members (oldest first) by outlet, outlets in order of each one's first report. */
export function coverageByOutlet(members: readonly StoryMember[]): OutletCoverage[] {
  const byOutlet = new Map<string, StoryMember[]>()
  for (const member of members) {
    const list = byOutlet.get(member.outlet)
    if (list) list.push(member)
    else byOutlet.set(member.outlet, [member])
  }
  return [...byOutlet].map(([outlet, list]) => ({ outlet, members: list }))
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** A duration as a reader says it: 45 分钟, 1 小时 26 分钟, 2 天 3 小时. */
export function formatSpan(ms: number): string {
  const s = strings.stories
  const minutes = Math.round(Math.max(0, ms) / MINUTE)
  if (minutes < 60) return s.spanMinutes(minutes)
  if (minutes < 24 * 60) return s.spanHours(Math.floor(minutes / 60), minutes % 60)
  const hours = Math.round(ms / HOUR)
  return s.spanDays(Math.floor(hours / 24), hours % 24)
}

/** Where each member sits between the first report (0) and the last (1); all at 0 for one instant. */
export function axisPositions(members: readonly StoryMember[]): number[] {
  const times = members.map((member) => Date.parse(member.publishedAt))
  const first = Math.min(...times)
  const span = Math.max(...times) - first
  return times.map((time) => (span > 0 ? (time - first) / span : 0))
}

export interface StoryItem {
  /** The first entry of the story in the list's order: where the story's one item stands. */
  lead: ListEntry
  story: StoryRef
  /** The story's entries present in the list, in the list's order (lead first). */
  entries: ListEntry[]
}

export type ListItem = { kind: 'article'; entry: ListEntry } | ({ kind: 'story' } & StoryItem)

/**
 * One item per story, standing where its first entry in the list stands; articles of no story stay
 * as they are. A story with a single entry in the list is still a story item: the reader sees
 * that other outlets covered it even when the filter hides them.
 */
export function collapseStories(entries: readonly ListEntry[]): ListItem[] {
  const items: ListItem[] = []
  const stories = new Map<string, StoryItem>()
  for (const entry of entries) {
    if (!entry.story) {
      items.push({ kind: 'article', entry })
      continue
    }
    const seen = stories.get(entry.story.id)
    if (seen) {
      seen.entries.push(entry)
      continue
    }
    const item: StoryItem = { lead: entry, story: entry.story, entries: [entry] }
    stories.set(entry.story.id, item)
    items.push({ kind: 'story', ...item, entries: item.entries })
  }
  return items
}

/** The lead entry of each item, for views that group by day (a story stands on its lead's day), and the story items by lead id. */
export function leadEntries(items: readonly ListItem[]): { entries: ListEntry[]; storyByLead: Map<string, StoryItem> } {
  const storyByLead = new Map<string, StoryItem>()
  const entries = items.map((item) => {
    if (item.kind === 'article') return item.entry
    storyByLead.set(item.lead.id, item)
    return item.lead
  })
  return { entries, storyByLead }
}
