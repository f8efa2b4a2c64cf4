// npm run bench:stories [-- --grid]
// Precision and recall of story clustering on the labelled fixture (scripts/ingest/fixtures/stories):
// every pair of articles published within 7 days of each other is labelled, same story exactly when
// both carry the same `event`. Pairwise precision = pairs put in one story that are one event / pairs
// put in one story; recall = pairs of one event put in one story / pairs of one event. Pairs further
// apart cannot be one story (the window is 3 days) and are left out of both counts.
// --grid tries settings around the defaults and prints the best ones (how CLUSTER_SETTINGS was chosen).
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import type { Lang } from '../../src/types/data'
import { buildArticle } from '../ingest/build-article'
import { CLUSTER_SETTINGS, clusterStories, DAY_MS, StoryFeatureStore, type ClusterSettings } from '../ingest/stories'
import { articleStoryFeature } from '../ingest/story-features'

export interface FixtureArticle {
  key: string
  event: string
  url: string
  publishedAt: string
  title: string
  body: string
}

const FIXTURE = new URL('../ingest/fixtures/stories/articles.json', import.meta.url)
export const storyFixture = (): FixtureArticle[] => (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { articles: FixtureArticle[] }).articles

/** Which scripts a pair joins: what each kind of pair tests. */
export type PairKind = 'same script' | 'Simplified–Traditional' | 'with English'

export interface Evaluation {
  precision: number
  recall: number
  /** Labelled pairs: of one event, and of different events within 7 days. */
  positives: number
  negatives: number
  truePositives: number
  falsePositives: number
  /** Recall by kind of pair: [found, of]. */
  byKind: Record<PairKind, [number, number]>
  /** The wrong pairs, for a reader: "a + b". */
  wrong: string[]
  missed: string[]
}

const PAIR_SPAN_MS = 7 * DAY_MS

function kindOf(a: Lang, b: Lang): PairKind {
  if (a === 'en' || b === 'en') return a === b ? 'same script' : 'with English'
  return a === b ? 'same script' : 'Simplified–Traditional'
}

/** Runs the ingest's own article building, feature and clustering over the fixture. */
export function evaluateStories(articles: readonly FixtureArticle[] = storyFixture(), settings: ClusterSettings = CLUSTER_SETTINGS): Evaluation {
  const built = articles.map((input) => {
    const paragraphs = input.body.split('\n').map((text) => `<p>${text}</p>`).join('\n')
    const result = buildArticle(`<!--${Date.parse(input.publishedAt)}-->\n[${input.title}](${input.url})\n------\n${paragraphs}\n`, `${input.key}.txt`)
    if (!result.ok) throw new Error(`fixture ${input.key}: ${result.reason}`)
    return { input, ...result.built, time: Date.parse(input.publishedAt) }
  })
  const store = new StoryFeatureStore(built.length)
  built.forEach((item, seq) => store.add(seq, articleStoryFeature(item)))
  const order = built.map((_, seq) => seq).sort((a, b) => built[a]!.time - built[b]!.time || a - b)
  const groups = clusterStories(order.map((seq) => ({ seq, time: built[seq]!.time })), store, settings)
  const storyOf = new Map<number, number>()
  groups.forEach((group, g) => group.forEach((index) => storyOf.set(order[index]!, g)))

  const result: Evaluation = {
    precision: 0, recall: 0, positives: 0, negatives: 0, truePositives: 0, falsePositives: 0,
    byKind: { 'same script': [0, 0], 'Simplified–Traditional': [0, 0], 'with English': [0, 0] },
    wrong: [], missed: [],
  }
  for (let i = 0; i < built.length; i++) {
    for (let j = i + 1; j < built.length; j++) {
      const a = built[i]!
      const b = built[j]!
      if (Math.abs(a.time - b.time) > PAIR_SPAN_MS) continue
      const same = a.input.event === b.input.event
      const together = storyOf.has(i) && storyOf.get(i) === storyOf.get(j)
      const name = `${a.input.key} + ${b.input.key}`
      if (same) {
        result.positives++
        const kind = result.byKind[kindOf(a.entry.lang, b.entry.lang)]
        kind[1]++
        if (together) {
          result.truePositives++
          kind[0]++
        } else result.missed.push(name)
      } else {
        result.negatives++
        if (together) {
          result.falsePositives++
          result.wrong.push(name)
        }
      }
    }
  }
  const predicted = result.truePositives + result.falsePositives
  result.precision = predicted === 0 ? 1 : result.truePositives / predicted
  result.recall = result.positives === 0 ? 1 : result.truePositives / result.positives
  return result
}

export function describeEvaluation(e: Evaluation): string {
  const kinds = Object.entries(e.byKind)
    .map(([kind, [found, of]]) => `${kind} ${found}/${of}`)
    .join(', ')
  return (
    `stories: precision ${e.precision.toFixed(3)} (${e.truePositives}/${e.truePositives + e.falsePositives}), ` +
    `recall ${e.recall.toFixed(3)} (${e.truePositives}/${e.positives}) over ${e.positives + e.negatives} labelled pairs ` +
    `(${e.positives} of one event, ${e.negatives} of different events within 7 days); recall by pair: ${kinds}`
  )
}

function main() {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { grid: { type: 'boolean', default: false } } })
  const articles = storyFixture()
  const base = evaluateStories(articles)
  console.log(describeEvaluation(base))
  for (const pair of base.wrong) console.log(`  wrongly together: ${pair}`)
  for (const pair of base.missed) console.log(`  missed: ${pair}`)
  if (!values.grid) return
  const rows: { settings: ClusterSettings; e: Evaluation }[] = []
  for (const threshold of [0.06, 0.08, 0.1, 0.12, 0.14, 0.16, 0.18, 0.2, 0.24, 0.28])
    for (const titleWeight of [0, 0.2, 0.3, 0.4, 0.5, 0.6])
      for (const titleBoost of [1, 2, 3]) {
        const settings = { ...CLUSTER_SETTINGS, threshold, titleWeight, titleBoost }
        rows.push({ settings, e: evaluateStories(articles, settings) })
      }
  const f1 = ({ e }: { e: Evaluation }) => (2 * e.precision * e.recall) / (e.precision + e.recall || 1)
  rows.sort((a, b) => f1(b) - f1(a))
  for (const row of rows.slice(0, 15)) {
    const { threshold, titleWeight, titleBoost } = row.settings
    console.log(`threshold ${threshold} titleWeight ${titleWeight} titleBoost ${titleBoost}: P ${row.e.precision.toFixed(3)} R ${row.e.recall.toFixed(3)} F1 ${f1(row).toFixed(3)}`)
  }
}

if (process.argv[1]?.endsWith('stories-eval.ts')) main()
