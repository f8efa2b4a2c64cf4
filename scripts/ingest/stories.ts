// Stories: articles that report one event, grouped at build time (docs/ingest.md#stories). Pure: the
// main thread keeps each article's compact feature (story-features.ts, built in the workers) and the
// corpus document frequencies, then clusters in one pass in time order over a sliding window
// (Miranda et al., EMNLP 2018): each article joins the most similar story of the window when the
// score reaches the threshold, otherwise it starts one. Score: TF-IDF cosine over the bigrams of
// title and lead, plus the same over the title alone (two outlets' headlines of one event share names).
import type { ListEntry, Story, StoryRef } from '../../src/types/data'
import { articleId } from './build-article'
import { featureHash, HASH_BITS, leadCount, titleCount, type StoryFeature } from './story-features'

export const DAY_MS = 86_400_000

export interface ClusterSettings {
  /** A story takes articles up to this long after its first report: every member lies within it. */
  windowMs: number
  /** Weight of the title cosine in the score; the rest is the title + lead cosine. */
  titleWeight: number
  /** The score an article needs to join a story. */
  threshold: number
  /** A title term counts this many times a lead term in the title + lead vector. */
  titleBoost: number
  /** Terms per article used to find candidate stories (its heaviest). */
  probeTerms: number
}

export const CLUSTER_SETTINGS: ClusterSettings = {
  windowMs: 3 * DAY_MS,
  titleWeight: 0.4,
  threshold: 0.12,
  titleBoost: 2,
  probeTerms: 24,
}

const DF_BITS = 22

/** Every article's feature by its input number (seq), and how many articles hold each term. */
export class StoryFeatureStore {
  private pool = new Uint32Array(1 << 16)
  private used = 0
  private readonly offsets: Int32Array
  private readonly lengths: Uint16Array
  private readonly df = new Uint32Array(1 << DF_BITS)
  documents = 0

  constructor(slots: number) {
    this.offsets = new Int32Array(Math.max(1, slots)).fill(-1)
    this.lengths = new Uint16Array(Math.max(1, slots))
  }

  add(seq: number, feature: StoryFeature): void {
    const length = Math.min(feature.length, 0xffff)
    if (this.used + length > this.pool.length) {
      const grown = new Uint32Array(Math.max(this.pool.length * 2, this.used + length))
      grown.set(this.pool.subarray(0, this.used))
      this.pool = grown
    }
    this.pool.set(feature.subarray(0, length), this.used)
    this.offsets[seq] = this.used
    this.lengths[seq] = length
    this.used += length
    for (let i = 0; i < length; i++) this.df[dfSlot(feature[i]!)]!++
    this.documents++
  }

  feature(seq: number): StoryFeature {
    const offset = this.offsets[seq]!
    return offset < 0 ? new Uint32Array(0) : this.pool.subarray(offset, offset + this.lengths[seq]!)
  }

  /** Smoothed inverse document frequency: ln(1 + N / df). */
  idf(value: number): number {
    return Math.log(1 + this.documents / Math.max(1, this.df[dfSlot(value)]!))
  }

  /** Bytes held, for the benchmark. */
  get bytes(): number {
    return this.pool.byteLength + this.offsets.byteLength + this.lengths.byteLength + this.df.byteLength
  }
}

const dfSlot = (value: number) => featureHash(value) & ((1 << Math.min(DF_BITS, HASH_BITS)) - 1)

interface Vector {
  terms: number[]
  weights: number[]
}

interface Cluster {
  first: number
  members: number[]
  /** Sums of the members' unit vectors (centroids up to scale) while the cluster is in the window. */
  full?: Map<number, number>
  fullNorm2: number
  title?: Map<number, number>
  titleNorm2: number
}

function vectors(feature: StoryFeature, store: StoryFeatureStore, titleBoost: number): { full: Vector; title: Vector } {
  const full: Vector = { terms: [], weights: [] }
  const title: Vector = { terms: [], weights: [] }
  for (const value of feature) {
    const idf = store.idf(value)
    const hash = featureHash(value)
    const inTitle = titleCount(value)
    const tf = inTitle * titleBoost + leadCount(value)
    full.terms.push(hash)
    full.weights.push((1 + Math.log(tf)) * idf)
    if (inTitle > 0) {
      title.terms.push(hash)
      title.weights.push(idf)
    }
  }
  return { full: unit(full), title: unit(title) }
}

function unit(vector: Vector): Vector {
  let norm2 = 0
  for (const w of vector.weights) norm2 += w * w
  const norm = Math.sqrt(norm2)
  if (norm > 0) vector.weights = vector.weights.map((w) => w / norm)
  return vector
}

function dot(vector: Vector, centroid: Map<number, number>): number {
  let sum = 0
  for (let i = 0; i < vector.terms.length; i++) sum += vector.weights[i]! * (centroid.get(vector.terms[i]!) ?? 0)
  return sum
}

/** Adds a unit vector to a centroid sum; returns the new squared norm. */
function addTo(centroid: Map<number, number>, norm2: number, vector: Vector, dotWith: number): number {
  for (let i = 0; i < vector.terms.length; i++) {
    const term = vector.terms[i]!
    centroid.set(term, (centroid.get(term) ?? 0) + vector.weights[i]!)
  }
  return norm2 + 2 * dotWith + (vector.terms.length > 0 ? 1 : 0)
}

const cosine = (dotWith: number, norm2: number) => (norm2 > 0 ? dotWith / Math.sqrt(norm2) : 0)

/** The heaviest terms of a vector: what an article is found by. */
function probes(vector: Vector, count: number): number[] {
  if (vector.terms.length <= count) return vector.terms
  const order = vector.terms.map((_, i) => i).sort((a, b) => vector.weights[b]! - vector.weights[a]! || vector.terms[a]! - vector.terms[b]!)
  return order.slice(0, count).map((i) => vector.terms[i]!)
}

export interface ClusterItem {
  seq: number
  /** Milliseconds. */
  time: number
}

/**
 * Groups items, given oldest first, into stories: returns each group of 2 or more (indices into
 * items, ascending). Memory holds the centroids of the window only.
 */
export function clusterStories(items: readonly ClusterItem[], store: StoryFeatureStore, settings: ClusterSettings = CLUSTER_SETTINGS): number[][] {
  const clusters: Cluster[] = []
  const postings = new Map<number, number[]>() // probe term -> clusters of the window that hold it
  let oldestLive = 0
  for (let index = 0; index < items.length; index++) {
    const { seq, time } = items[index]!
    // Clusters leave the window in the order they were made (by their first report).
    while (oldestLive < clusters.length && time - clusters[oldestLive]!.first > settings.windowMs) {
      const old = clusters[oldestLive++]!
      old.full = undefined
      old.title = undefined
    }
    const { full, title } = vectors(store.feature(seq), store, settings.titleBoost)
    const mine = probes(full, settings.probeTerms)
    const candidates = new Set<number>()
    for (const term of mine) {
      const list = postings.get(term)
      if (!list) continue
      let kept = 0
      for (const c of list) if (c >= oldestLive) list[kept++] = c
      list.length = kept
      if (kept === 0) postings.delete(term)
      for (const c of list) candidates.add(c)
    }
    let best = -1
    let bestScore = settings.threshold
    let bestDots = [0, 0]
    for (const c of [...candidates].sort((a, b) => a - b)) {
      const cluster = clusters[c]!
      const fullDot = dot(full, cluster.full!)
      const titleDot = dot(title, cluster.title!)
      const score = (1 - settings.titleWeight) * cosine(fullDot, cluster.fullNorm2) + settings.titleWeight * cosine(titleDot, cluster.titleNorm2)
      if (score >= bestScore && (best < 0 || score > bestScore)) {
        best = c
        bestScore = score
        bestDots = [fullDot, titleDot]
      }
    }
    if (best < 0) {
      best = clusters.length
      clusters.push({ first: time, members: [], full: new Map(), fullNorm2: 0, title: new Map(), titleNorm2: 0 })
      bestDots = [0, 0]
    }
    const cluster = clusters[best]!
    cluster.members.push(index)
    cluster.fullNorm2 = addTo(cluster.full!, cluster.fullNorm2, full, bestDots[0]!)
    cluster.titleNorm2 = addTo(cluster.title!, cluster.titleNorm2, title, bestDots[1]!)
    for (const term of mine) {
      const list = postings.get(term)
      if (!list) postings.set(term, [best])
      else if (list.at(-1) !== best) list.push(best)
    }
  }
  return clusters.filter((cluster) => cluster.members.length >= 2).map((cluster) => cluster.members)
}

/** `s-` and 12 base32 characters of sha-256 over the sorted member ids: the same while membership is. */
export function storyId(memberIds: readonly string[]): string {
  return articleId([...memberIds].sort().join('\n'), 's')
}

/**
 * The Story files of the groups, and each member's StoryRef set on its entry (entries oldest first,
 * as clustered). `absent`: outlets with articles from 3 days before the first report to 3 days after
 * the last (by default) and none in the story.
 */
export interface BuiltStory {
  story: Story
  ref: StoryRef
}

export function buildStories(entries: readonly ListEntry[], groups: readonly number[][], marginMs = CLUSTER_SETTINGS.windowMs): BuiltStory[] {
  const timesByOutlet = new Map<string, number[]>()
  for (const entry of entries) {
    const list = timesByOutlet.get(entry.outlet)
    const time = Date.parse(entry.publishedAt)
    if (list) list.push(time)
    else timesByOutlet.set(entry.outlet, [time])
  }
  const outletIds = [...timesByOutlet.keys()].sort()
  const stories = groups.map((group) => {
    const members = group
      .map((index) => entries[index]!)
      .sort((a, b) => Date.parse(a.publishedAt) - Date.parse(b.publishedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    const outlets = [...new Set(members.map((entry) => entry.outlet))]
    const from = Date.parse(members[0]!.publishedAt) - marginMs
    const to = Date.parse(members.at(-1)!.publishedAt) + marginMs
    const covering = new Set(outlets)
    const absent = outletIds.filter((outlet) => !covering.has(outlet) && hasTimeIn(timesByOutlet.get(outlet)!, from, to))
    const story: Story = {
      id: storyId(members.map((entry) => entry.id)),
      members: members.map(({ id, outlet, publishedAt, title, lang }) => ({ id, outlet, publishedAt, title, lang })),
      absent,
    }
    const ref: StoryRef = { id: story.id, size: members.length, outlets }
    for (const entry of members) entry.story = ref
    return { story, ref }
  })
  return stories.sort((a, b) => (a.story.id < b.story.id ? -1 : a.story.id > b.story.id ? 1 : 0))
}

/** times ascending (entries come oldest first). */
function hasTimeIn(times: readonly number[], from: number, to: number): boolean {
  let low = 0
  let high = times.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (times[mid]! < from) low = mid + 1
    else high = mid
  }
  return low < times.length && times[low]! <= to
}

/**
 * The stories of a run's articles, given newest first as the bundle lists them (each with its input
 * number), with their StoryRefs set on the entries. Logs what clustering cost.
 */
export function storiesOf(sorted: readonly { seq: number; entry: ListEntry }[], store: StoryFeatureStore, log: (message: string) => void = () => {}): BuiltStory[] {
  const started = performance.now()
  const oldestFirst = [...sorted].reverse()
  const groups = clusterStories(
    oldestFirst.map(({ seq, entry }) => ({ seq, time: Date.parse(entry.publishedAt) })),
    store,
  )
  const stories = buildStories(
    oldestFirst.map(({ entry }) => entry),
    groups,
  )
  const members = groups.reduce((sum, group) => sum + group.length, 0)
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0)
  log(
    `stories: ${stories.length} of 2 or more articles (${members} articles), clustered in ${Math.round(performance.now() - started)} ms; ` +
      `features ${mb(store.bytes)} MB, rss ${mb(process.memoryUsage().rss)} MB`,
  )
  return stories
}

/** The score of two articles as clustering would see them (one alone against the other's story of one). */
export function pairScore(a: StoryFeature, b: StoryFeature, store: StoryFeatureStore, settings: ClusterSettings = CLUSTER_SETTINGS): { full: number; title: number; score: number } {
  const x = vectors(a, store, settings.titleBoost)
  const y = vectors(b, store, settings.titleBoost)
  const full = dot(x.full, new Map(y.full.terms.map((term, i) => [term, y.full.weights[i]!])))
  const title = dot(x.title, new Map(y.title.terms.map((term, i) => [term, y.title.weights[i]!])))
  return { full, title, score: (1 - settings.titleWeight) * full + settings.titleWeight * title }
}
