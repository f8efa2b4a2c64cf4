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
  /** An article close to several stories of the window merges them. */
  mergeBridged: boolean
  /** Stories scored per article: those sharing the most probe terms. */
  maxCandidates: number
}

export const CLUSTER_SETTINGS: ClusterSettings = {
  windowMs: 3 * DAY_MS,
  titleWeight: 0.3,
  threshold: 0.12,
  titleBoost: 2,
  probeTerms: 24,
  mergeBridged: false,
  maxCandidates: 8,
}

const DF_BITS = 22

/** Numbers per chunk of the feature pool: chunks are filled in turn and never copied or grown. */
const CHUNK = 1 << 20

/** Every article's feature by its input number (seq), and how many articles hold each term. */
export class StoryFeatureStore {
  private chunks: Uint32Array[] = []
  private used = CHUNK // in the last chunk; full, so the first add makes one
  /** Chunk number * CHUNK + offset, or -1. */
  private readonly starts: Float64Array
  private readonly lengths: Uint16Array
  private readonly df = new Uint32Array(1 << DF_BITS)
  documents = 0

  constructor(slots: number) {
    this.starts = new Float64Array(Math.max(1, slots)).fill(-1)
    this.lengths = new Uint16Array(Math.max(1, slots))
  }

  add(seq: number, feature: StoryFeature): void {
    const length = Math.min(feature.length, 0xffff, CHUNK)
    if (this.used + length > CHUNK) {
      this.chunks.push(new Uint32Array(CHUNK))
      this.used = 0
    }
    this.chunks.at(-1)!.set(feature.subarray(0, length), this.used)
    this.starts[seq] = (this.chunks.length - 1) * CHUNK + this.used
    this.lengths[seq] = length
    this.used += length
    for (let i = 0; i < length; i++) this.df[dfSlot(feature[i]!)]!++
    this.documents++
  }

  feature(seq: number): StoryFeature {
    const start = this.starts[seq]!
    if (start < 0) return new Uint32Array(0)
    const offset = start % CHUNK
    return this.chunks[Math.floor(start / CHUNK)]!.subarray(offset, offset + this.lengths[seq]!)
  }

  /** Smoothed inverse document frequency: ln(1 + N / df). */
  idf(value: number): number {
    return Math.log(1 + this.documents / Math.max(1, this.df[dfSlot(value)]!))
  }

  /** Whether another article holds the term too (df is final before clustering starts). */
  shared(value: number): boolean {
    return this.df[dfSlot(value)]! > 1
  }

  /** Bytes held, for the benchmark. */
  get bytes(): number {
    return this.chunks.length * CHUNK * 4 + this.starts.byteLength + this.lengths.byteLength + this.df.byteLength
  }
}

const dfSlot = (value: number) => featureHash(value) & ((1 << Math.min(DF_BITS, HASH_BITS)) - 1)

/** Terms ascending (a feature is sorted by hash), with their weights. */
interface Vector {
  terms: Uint32Array
  weights: Float64Array
}

interface ArticleVectors {
  full: Vector
  title: Vector
  /** The terms of `full` that another article holds too: only those can find a story. */
  shared: Vector
}

/**
 * A story's centroid up to scale: the sum of its members' unit vectors. A story of one article (most of
 * them) keeps that article's vector; a Map is made when a second joins. So the window holds compact arrays.
 */
type Centroid = Vector | Map<number, number>

interface Cluster {
  first: number
  members: number[]
  /** While the cluster is in the window. */
  full?: Centroid
  fullNorm2: number
  title?: Centroid
  titleNorm2: number
}

function vectors(feature: StoryFeature, store: StoryFeatureStore, titleBoost: number): ArticleVectors {
  const n = feature.length
  const full: Vector = { terms: new Uint32Array(n), weights: new Float64Array(n) }
  const title: Vector = { terms: new Uint32Array(n), weights: new Float64Array(n) }
  const shared: Vector = { terms: new Uint32Array(n), weights: new Float64Array(n) }
  let titles = 0
  let shares = 0
  for (let i = 0; i < n; i++) {
    const value = feature[i]!
    const idf = store.idf(value)
    const hash = featureHash(value)
    const inTitle = titleCount(value)
    const weight = (1 + Math.log(inTitle * titleBoost + leadCount(value))) * idf
    full.terms[i] = hash
    full.weights[i] = weight
    if (store.shared(value)) {
      shared.terms[shares] = hash
      shared.weights[shares++] = weight
    }
    if (inTitle > 0) {
      title.terms[titles] = hash
      title.weights[titles++] = idf
    }
  }
  const cut = (vector: Vector, length: number): Vector => ({ terms: vector.terms.slice(0, length), weights: vector.weights.slice(0, length) })
  return { full: unit(full), title: unit(cut(title, titles)), shared: cut(shared, shares) }
}

function unit(vector: Vector): Vector {
  let norm2 = 0
  for (const w of vector.weights) norm2 += w * w
  const norm = Math.sqrt(norm2)
  if (norm > 0) for (let i = 0; i < vector.weights.length; i++) vector.weights[i]! /= norm
  return vector
}

function dot(vector: Vector, centroid: Centroid): number {
  let sum = 0
  if (centroid instanceof Map) {
    for (let i = 0; i < vector.terms.length; i++) sum += vector.weights[i]! * (centroid.get(vector.terms[i]!) ?? 0)
    return sum
  }
  // Both ascending: a merge.
  let j = 0
  for (let i = 0; i < vector.terms.length && j < centroid.terms.length; i++) {
    const term = vector.terms[i]!
    while (j < centroid.terms.length && centroid.terms[j]! < term) j++
    if (centroid.terms[j] === term) sum += vector.weights[i]! * centroid.weights[j]!
  }
  return sum
}

/** The centroid with a unit vector added, and its new squared norm. */
function addTo(centroid: Centroid | undefined, norm2: number, vector: Vector, dotWith: number): { centroid: Centroid; norm2: number } {
  const added = norm2 + 2 * dotWith + (vector.terms.length > 0 ? 1 : 0)
  if (centroid === undefined) return { centroid: vector, norm2: added }
  const map = centroid instanceof Map ? centroid : new Map(Array.from(centroid.terms, (term, i) => [term, centroid.weights[i]!]))
  for (let i = 0; i < vector.terms.length; i++) {
    const term = vector.terms[i]!
    map.set(term, (map.get(term) ?? 0) + vector.weights[i]!)
  }
  return { centroid: map, norm2: added }
}

function entries(centroid: Centroid): Iterable<[number, number]> {
  return centroid instanceof Map ? centroid : Array.from(centroid.terms, (term, i): [number, number] => [term, centroid.weights[i]!])
}

const cosine = (dotWith: number, norm2: number) => (norm2 > 0 ? dotWith / Math.sqrt(norm2) : 0)

/** The heaviest terms of a vector: what an article is found by. */
function probes(vector: Vector, count: number): number[] {
  if (vector.terms.length <= count) return Array.from(vector.terms)
  // The count-th largest weight by a numeric sort of a copy; ties at it are taken in term order.
  const cut = Float64Array.from(vector.weights).sort()[vector.weights.length - count]!
  const out: number[] = []
  for (let i = 0; i < vector.terms.length && out.length < count; i++) if (vector.weights[i]! > cut) out.push(vector.terms[i]!)
  for (let i = 0; i < vector.terms.length && out.length < count; i++) if (vector.weights[i] === cut) out.push(vector.terms[i]!)
  return out
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
  /** A cluster merged into an earlier one points at it (union-find); a cluster's own number otherwise. */
  const parent: number[] = []
  const root = (c: number): number => {
    while (parent[c] !== c) c = parent[c] = parent[parent[c]!]!
    return c
  }
  const postings = new Map<number, number[]>() // probe term -> clusters of the window that hold it
  let oldestLive = 0
  for (let index = 0; index < items.length; index++) {
    const { seq, time } = items[index]!
    // A term no later article probes would keep its stories forever: sweep now and then, so the index holds the window.
    if (index % SWEEP_EVERY === SWEEP_EVERY - 1) sweep(postings, (c) => root(c) >= oldestLive)
    // Clusters leave the window in the order they were made (by their first report).
    while (oldestLive < clusters.length && time - clusters[oldestLive]!.first > settings.windowMs) {
      const old = clusters[oldestLive++]!
      old.full = undefined
      old.title = undefined
    }
    const { full, title, shared } = vectors(store.feature(seq), store, settings.titleBoost)
    const mine = probes(shared, settings.probeTerms)
    const hits = new Map<number, number>() // candidate story -> probe terms it shares
    for (const term of mine) {
      const list = postings.get(term)
      if (!list) continue
      let kept = 0
      for (const c of list) if (root(c) >= oldestLive) list[kept++] = c
      list.length = kept
      if (kept === 0) postings.delete(term)
      for (const c of list) hits.set(root(c), (hits.get(root(c)) ?? 0) + 1)
    }
    // Only the stories sharing the most probe terms are scored: a crowded window costs no more.
    const candidates = [...hits].sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, settings.maxCandidates)
    // Every story of the window the article is close enough to, the closest first.
    const close: { c: number; score: number }[] = []
    for (const [c] of candidates) {
      const cluster = clusters[c]!
      const score =
        (1 - settings.titleWeight) * cosine(dot(full, cluster.full!), cluster.fullNorm2) +
        settings.titleWeight * cosine(dot(title, cluster.title!), cluster.titleNorm2)
      if (score >= settings.threshold) close.push({ c, score })
    }
    close.sort((a, b) => b.score - a.score || a.c - b.c)
    let target: number
    if (close.length === 0) {
      target = clusters.length
      clusters.push({ first: time, members: [], fullNorm2: 0, titleNorm2: 0 })
      parent.push(target)
    } else {
      // An article close to two stories bridges them: they become one, under the older (so the window
      // still holds every member). Without this, an odd first report keeps its story split.
      const joined = settings.mergeBridged ? close.map(({ c }) => c) : [close[0]!.c]
      target = Math.min(...joined)
      for (const c of joined) if (c !== target) {
        parent[c] = target
        absorb(clusters[target]!, clusters[c]!)
      }
    }
    const cluster = clusters[target]!
    cluster.members.push(index)
    const fullSum = addTo(cluster.full, cluster.fullNorm2, full, cluster.full ? dot(full, cluster.full) : 0)
    const titleSum = addTo(cluster.title, cluster.titleNorm2, title, cluster.title ? dot(title, cluster.title) : 0)
    ;({ centroid: cluster.full, norm2: cluster.fullNorm2 } = fullSum)
    ;({ centroid: cluster.title, norm2: cluster.titleNorm2 } = titleSum)
    for (const term of mine) {
      const list = postings.get(term)
      if (!list) postings.set(term, [target])
      else if (list.at(-1) !== target) list.push(target)
    }
  }
  return clusters
    .filter((cluster, c) => parent[c] === c && cluster.members.length >= 2)
    .map((cluster) => cluster.members.sort((a, b) => a - b))
}

const SWEEP_EVERY = 4096

function sweep(postings: Map<number, number[]>, live: (cluster: number) => boolean): void {
  for (const [term, list] of postings) {
    const kept = list.filter(live)
    if (kept.length === 0) postings.delete(term)
    else postings.set(term, kept)
  }
}

function absorb(into: Cluster, from: Cluster): void {
  into.members.push(...from.members)
  ;({ centroid: into.full, norm2: into.fullNorm2 } = mergeCentroid(into.full!, from.full!))
  ;({ centroid: into.title, norm2: into.titleNorm2 } = mergeCentroid(into.title!, from.title!))
  from.members = []
  from.full = undefined
  from.title = undefined
}

function mergeCentroid(into: Centroid, from: Centroid): { centroid: Centroid; norm2: number } {
  const map = new Map(entries(into))
  for (const [term, weight] of entries(from)) map.set(term, (map.get(term) ?? 0) + weight)
  let norm2 = 0
  for (const weight of map.values()) norm2 += weight * weight
  return { centroid: map, norm2 }
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
  const rssBefore = process.memoryUsage().rss
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
      `features ${mb(store.bytes)} MB, rss ${mb(rssBefore)} MB before, ${mb(process.memoryUsage().rss)} MB after`,
  )
  return stories
}
