// Pure: names for outlets the table does not know, from the archive's own labels. A tool that saves
// a feed often writes the feed's name into every file's front matter (`categories: [某某评论]`); when a
// host's files agree on one, readers see that name instead of the bare domain.
//
// A file's labels are its `categories`, or its `tags` when it has no categories (parse-article.ts).
// An outlet's files agree on a label when more than half of all its articles in the bundle (those
// without front matter included) carry it. If several labels pass, the one the most articles carry
// wins, then the first in code-unit order. A label also names no other outlet: one claimed by two
// outlets, or equal to another outlet's name, leaves both on their domains (one name, one outlet).
// Only the name changes; the outlet id (the domain's slug) and every article id stay as they were.

/** A label as a name: one line of text, spaces collapsed, 1–40 characters; else undefined. */
export function labelName(value: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const name = value.replace(/\s+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '').trim()
  return name.length > 0 && Array.from(name).length <= 40 ? name : undefined
}

export interface LabelledArticle {
  outlet: string
  labels: readonly string[]
}

/**
 * The agreed label of each outlet in `outlets` (ids of outlets the table does not know), from every
 * kept article of the bundle; `names` are the names of all the bundle's outlets, so a label never
 * gives a second outlet a name already taken.
 */
export function agreedLabels(articles: Iterable<LabelledArticle>, outlets: ReadonlySet<string>, names: ReadonlySet<string>): Map<string, string> {
  const totals = new Map<string, number>()
  const counts = new Map<string, Map<string, number>>()
  for (const { outlet, labels } of articles) {
    if (!outlets.has(outlet)) continue
    totals.set(outlet, (totals.get(outlet) ?? 0) + 1)
    const seen = new Set<string>()
    for (const label of labels) {
      const name = labelName(label)
      if (name === undefined || seen.has(name)) continue
      seen.add(name)
      const byName = counts.get(outlet) ?? new Map<string, number>()
      counts.set(outlet, byName.set(name, (byName.get(name) ?? 0) + 1))
    }
  }
  const chosen = new Map<string, string>()
  for (const [outlet, byName] of counts) {
    const total = totals.get(outlet)!
    let best: [string, number] | undefined
    for (const [name, count] of byName) {
      if (count * 2 <= total) continue
      if (!best || count > best[1] || (count === best[1] && name < best[0])) best = [name, count]
    }
    if (best) chosen.set(outlet, best[0])
  }
  const claims = new Map<string, number>()
  for (const name of chosen.values()) claims.set(name, (claims.get(name) ?? 0) + 1)
  for (const [outlet, name] of chosen) if (claims.get(name)! > 1 || names.has(name)) chosen.delete(outlet)
  return chosen
}
