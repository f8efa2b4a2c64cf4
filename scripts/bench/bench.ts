// npm run bench -- [--n 20000] [--compare pagefind] [--sizes 1000,10000,100000] [--port 4331] [--dir TMP] [--keep] [--reuse KEPT]
// Generates a real-shaped corpus (corpus.ts), runs the ingest and the production build on it, drives
// headless Chromium cold and warm against the build (and, with --compare pagefind, Pagefind on the
// same articles from the same server), prints each figure beside its target and Pagefind's, and saves
// everything as JSON in bench/results/<date>-n<N>.json. --sizes runs only the ingest at each size and
// prints how each cost grows. --reuse KEPT (a folder --keep left) builds the app again over that run's
// bundle and Pagefind index and measures the browser side only; corpus, ingest and Pagefind indexing
// figures are the kept run's, and the table says so.
import { measureFirstPaint } from './first-paint'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { startPreview } from '../../tests/e2e/preview-server'
import type { Manifest } from '../../src/types/data'
import {
  coldSearch,
  firstPaint,
  launchBrowser,
  openApp,
  openPagefind,
  PAGEFIND_HTML,
  PAGEFIND_PAGE,
  PAGEFIND_SCRIPT,
  pagefindCold,
  typedSearch,
  type SearchRun,
} from './browser-search'
import { createCorpus, writeCorpus } from './corpus'
import { exactness, fromCounts, type Exactness } from './exactness'
import { folderSize, machine, median, timedChild, type ChildCost } from './measure'
import { formatGrowth, formatTable, type GrowthRow, type Row } from './report'
import { articlesHolding, readBundleArticles, type TruthArticle } from './truth'

// Rare to very common Simplified terms (the corpus plants the first seven at 0.4 % to 40 %, with near
// misses), Traditional forms, English words and phrases; a headline from the bundle is added at run time.
export const QUERIES = ['国安法', '健康码', '一带一路', '新冠疫苗', '台积电', '特朗普', '美联储', '克里姆林宫', '國安法', '健康碼', '賴清德', 'Trump', 'Hong Kong', 'Belt and Road']
const WARM_UP = '北京'
const TSX = ['--import', 'tsx']

interface IngestCost extends ChildCost {
  articles: number
  inputMb: number
  mbPerSecond: number
}

function ingest(input: string, output: string, articles: number, inputBytes: number): IngestCost {
  const cost = timedChild(process.execPath, [...TSX, 'scripts/ingest/cli.ts', '--in', input, '--out', output], 'ingest')
  const inputMb = inputBytes / 1024 / 1024
  return { ...cost, articles, inputMb, mbPerSecond: inputMb / cost.seconds }
}

function makeCorpus(dir: string, n: number): { bytes: number; seconds: number } {
  const started = performance.now()
  const bytes = writeCorpus(dir, createCorpus(n))
  return { bytes, seconds: (performance.now() - started) / 1000 }
}

/** Headlines of 30–60 characters from the bundle, spread over it (the same ones for the same corpus). */
function headlines(articles: readonly TruthArticle[], count: number): TruthArticle[] {
  const long = articles.filter((article) => {
    const length = Array.from(article.title).length
    return length >= 30 && length <= 60 && /\p{Script=Han}/u.test(article.title)
  })
  if (long.length === 0) throw new Error('no headline of 30–60 characters in the bundle')
  return Array.from({ length: count }, (_, at) => long[Math.floor(((at + 0.5) * long.length) / count)]!)
}

interface QueryResult {
  query: string
  truth: number
  cold?: SearchRun & Exactness & { listChecked: boolean; pageWrong: number }
  typed?: SearchRun
  pagefind?: { cold?: SearchRun; warm?: SearchRun } & Partial<Exactness>
}

/**
 * The app's exactness for one search: exact when every result is on the page, else from the count
 * (an upper bound) with the page's results checked one by one.
 */
function appExactness(truth: ReadonlySet<string>, run: SearchRun) {
  const pageWrong = run.ids.filter((id) => !truth.has(id)).length
  if (run.count <= run.ids.length) return { ...exactness(truth, run.ids), listChecked: true, pageWrong }
  return { ...fromCounts(truth.size, run.count, Math.min(truth.size, run.count - pageWrong)), listChecked: false, pageWrong }
}

const pct = (value: number) => `${(value * 100).toFixed(1)} %`
const ms = (value: number) => `${Math.round(value)} ms`
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

async function searchRun(site: string, port: number, articles: TruthArticle[], pagefind: boolean) {
  const [headline, ...pasted] = headlines(articles, 4)
  const queries = [...QUERIES, headline!.title]
  const truths = new Map(queries.map((query) => [query, articlesHolding(articles, query)]))
  const server = await startPreview(site, port)
  const browser = await launchBrowser()
  const results: QueryResult[] = queries.map((query) => ({ query, truth: truths.get(query)!.size }))
  try {
    console.log(`searching ${queries.length} queries on ${server.url}`)
    for (const result of results) {
      const run = await coldSearch(browser, server.url, result.query)
      result.cold = { ...run, ...appExactness(truths.get(result.query)!, run) }
    }
    const app = await openApp(browser, server.url)
    await typedSearch(app.page, WARM_UP, 'type')
    for (const result of results) result.typed = await typedSearch(app.page, result.query, 'type')
    const pastes = []
    for (const article of pasted) {
      const run = await typedSearch(app.page, article.title, 'paste')
      pastes.push({ ...run, found: run.ids.includes(article.id) })
    }
    await app.close()
    const paints = []
    for (let at = 0; at < 3; at++) paints.push(await firstPaint(browser, server.url))

    if (pagefind) {
      for (const result of results) result.pagefind = { cold: await pagefindCold(browser, server.url, result.query) }
      const page = await openPagefind(browser, server.url)
      await page.search(WARM_UP)
      for (const result of results) {
        result.pagefind!.warm = await page.search(result.query)
        Object.assign(result.pagefind!, exactness(truths.get(result.query)!, await page.ids(result.query)))
      }
      await page.close()
    }
    await browser.close()
    server.close()
    // Its own server and browsers (a fresh chromium per load), so after ours are gone.
    const hook = await measureFirstPaint({ dist: site, port: port + 1, runs: 5 })
    return { results, pastes, paints, hook }
  } finally {
    await browser.close()
    server.close()
  }
}

function sizes(data: string) {
  const manifest = JSON.parse(readFileSync(join(data, 'manifest.json'), 'utf8')) as Manifest
  const gz = (file: string) => gzipSync(readFileSync(join(data, file))).length
  return {
    search: folderSize(join(data, 'search'), true),
    articles: folderSize(join(data, 'articles')),
    firstScreenGzip: gz('manifest.json') + gz(manifest.shards[0]!.file),
  }
}

async function fullRun(root: string, n: number, port: number, comparePagefind: boolean) {
  const archive = join(root, 'archive')
  const publicDir = join(root, 'public')
  const site = join(root, 'site')
  const corpus = makeCorpus(archive, n)
  console.log(`corpus: ${n} articles, ${mb(corpus.bytes)} in ${corpus.seconds.toFixed(1)} s`)
  cpSync('public', publicDir, { recursive: true, filter: (source) => !source.startsWith(resolve('public/data')) && !source.startsWith('public/data') })
  const ingestCost = ingest(archive, join(publicDir, 'data'), n, corpus.bytes)
  console.log(`ingest: ${ingestCost.seconds.toFixed(1)} s, ${ingestCost.mbPerSecond.toFixed(2)} MB/s, peak RSS ${ingestCost.rssMb.toFixed(0)} MB`)
  const build = timedChild(process.execPath, [...TSX, 'scripts/bench/vite-build.ts', publicDir, site], 'vite build')
  console.log(`vite build: ${build.seconds.toFixed(1)} s`)
  const bundle = sizes(join(site, 'data'))
  const articles = readBundleArticles(join(site, 'data'))
  let pagefindCost: ChildCost | undefined
  let pagefindSize: ReturnType<typeof folderSize> | undefined
  let pagefindFailure: string | undefined
  if (comparePagefind) {
    console.log('pagefind: indexing…')
    const started = performance.now()
    try {
      pagefindCost = timedChild(process.execPath, [...TSX, 'scripts/bench/pagefind-index.ts', join(site, 'data'), join(site, 'pagefind')], 'pagefind')
      pagefindSize = folderSize(join(site, 'pagefind'), true)
      writeFileSync(join(site, PAGEFIND_PAGE), PAGEFIND_HTML)
      writeFileSync(join(site, PAGEFIND_PAGE.replace(/\.html$/, '.js')), PAGEFIND_SCRIPT)
      console.log(`pagefind: ${pagefindCost.seconds.toFixed(1)} s, peak RSS ${pagefindCost.rssMb.toFixed(0)} MB`)
    } catch (error) {
      // Pagefind running out of memory is a result, not the end of the run: ours is still measured.
      const text = error instanceof Error ? error.message : String(error)
      const peak = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1] ?? NaN) / 1024
      const exit = /failed \(exit (\d+|null)\)/.exec(text)?.[1] ?? '?'
      pagefindFailure = `Pagefind did not finish: exit ${exit} after ${((performance.now() - started) / 1000).toFixed(0)} s, peak RSS ${peak.toFixed(0)} MB`
      console.log(`pagefind: ${pagefindFailure}`)
    }
  }
  const kept: KeptCosts = { corpus, ingest: ingestCost, pagefindCost, pagefindSize, pagefindFailure }
  writeFileSync(join(root, KEPT_COSTS), JSON.stringify(kept))
  const search = await searchRun(site, port, articles, pagefindCost !== undefined)
  return { ...kept, build, bundle, search, reused: undefined as string | undefined }
}

/** What a run cost before its browser side, kept beside its folders for --reuse. */
interface KeptCosts {
  corpus: { bytes: number; seconds: number }
  ingest: IngestCost
  pagefindCost?: ChildCost
  pagefindSize?: ReturnType<typeof folderSize>
  pagefindFailure?: string
}
const KEPT_COSTS = 'costs.json'

/** A kept run's bundle and Pagefind index, with this checkout's app built over them. */
async function reuseRun(root: string, port: number) {
  const publicDir = join(root, 'public')
  const site = join(root, 'site')
  let kept: KeptCosts
  try {
    kept = JSON.parse(readFileSync(join(root, KEPT_COSTS), 'utf8')) as KeptCosts
  } catch (error) {
    throw new Error(`--reuse ${root}: no ${KEPT_COSTS} of a kept run (${error instanceof Error ? error.message : String(error)})`)
  }
  const pagefind = join(site, 'pagefind')
  const aside = join(root, 'pagefind-aside')
  const hasPagefind = kept.pagefindCost !== undefined && existsSync(pagefind)
  if (hasPagefind) renameSync(pagefind, aside)
  const build = timedChild(process.execPath, [...TSX, 'scripts/bench/vite-build.ts', publicDir, site], 'vite build')
  console.log(`vite build: ${build.seconds.toFixed(1)} s (over the kept bundle of ${root})`)
  if (hasPagefind) {
    renameSync(aside, pagefind)
    writeFileSync(join(site, PAGEFIND_PAGE), PAGEFIND_HTML)
    writeFileSync(join(site, PAGEFIND_PAGE.replace(/\.html$/, '.js')), PAGEFIND_SCRIPT)
  }
  const bundle = sizes(join(site, 'data'))
  const search = await searchRun(site, port, readBundleArticles(join(site, 'data')), hasPagefind)
  return { ...kept, build, bundle, search, reused: root }
}

type FullRun = Awaited<ReturnType<typeof fullRun>>

function rows(run: FullRun): Row[] {
  const { results, pastes, paints, hook } = run.search
  const cold = results.map((result) => result.cold!)
  const typed = results.map((result) => result.typed!)
  const pf = results.map((result) => result.pagefind).filter((entry) => entry !== undefined)
  const worst = (values: number[]) => Math.min(...values)
  const pagefindFigure = (value: number | undefined, format: (value: number) => string) => (value === undefined ? undefined : { text: format(value), value })
  const out: Row[] = [
    { figure: 'ingest wall time', ours: `${run.ingest.seconds.toFixed(1)} s`, oursValue: run.ingest.seconds, target: '—', pagefind: pagefindFigure(run.pagefindCost?.seconds, (v) => `${v.toFixed(1)} s`) },
    { figure: 'ingest throughput', ours: `${run.ingest.mbPerSecond.toFixed(2)} MB/s`, oursValue: run.ingest.mbPerSecond, target: '≥ 5 MB/s', met: run.ingest.mbPerSecond >= 5 },
    { figure: 'ingest peak RSS', ours: `${run.ingest.rssMb.toFixed(0)} MB`, oursValue: run.ingest.rssMb, target: 'flat as the archive grows (--sizes)', pagefind: pagefindFigure(run.pagefindCost?.rssMb, (v) => `${v.toFixed(0)} MB`) },
    { figure: 'vite build', ours: `${run.build.seconds.toFixed(1)} s`, oursValue: run.build.seconds, target: '—' },
    {
      figure: 'search index (raw / gzip)',
      ours: `${mb(run.bundle.search.bytes)} / ${mb(run.bundle.search.gzipBytes)}`,
      oursValue: run.bundle.search.gzipBytes,
      target: '—',
      pagefind: run.pagefindSize && { text: `${mb(run.pagefindSize.bytes)} / ${mb(run.pagefindSize.gzipBytes)}`, value: run.pagefindSize.gzipBytes },
    },
    { figure: 'first screen (manifest + newest shard, gzip)', ours: `${(run.bundle.firstScreenGzip / 1024).toFixed(1)} KB`, oursValue: run.bundle.firstScreenGzip, target: '—' },
    { figure: 'precision, worst query', ours: pct(worst(cold.map((c) => c.precision))), oursValue: worst(cold.map((c) => c.precision)), target: '≥ 99 %', met: worst(cold.map((c) => c.precision)) >= 0.99, pagefind: pf.length ? pagefindFigure(worst(pf.map((p) => p.precision!)), pct) : undefined },
    { figure: 'recall, worst query', ours: pct(worst(cold.map((c) => c.recall))), oursValue: worst(cold.map((c) => c.recall)), target: '100 %', met: worst(cold.map((c) => c.recall)) >= 1, pagefind: pf.length ? pagefindFigure(worst(pf.map((p) => p.recall!)), pct) : undefined },
    { figure: 'cold /?q= to results, median', ours: ms(median(cold.map((c) => c.ms))), oursValue: median(cold.map((c) => c.ms)), target: '< Pagefind', pagefind: pf.length ? pagefindFigure(median(pf.map((p) => p.cold!.ms)), ms) : undefined },
    { figure: 'typed query to updated list, median (debounce included)', ours: ms(median(typed.map((t) => t.ms))), oursValue: median(typed.map((t) => t.ms)), target: '< Pagefind', pagefind: pf.length ? pagefindFigure(median(pf.map((p) => p.warm!.ms)), ms) : undefined },
    { figure: 'pasted headline to its article, median', ours: `${ms(median(pastes.map((p) => p.ms)))} (${pastes.filter((p) => p.found).length}/${pastes.length} found)`, oursValue: median(pastes.map((p) => p.ms)), target: '≤ 300 ms', met: median(pastes.map((p) => p.ms)) <= 300 && pastes.every((p) => p.found) },
    { figure: 'first contentful paint of /, median of 3', ours: ms(median(paints.map((p) => p.fcp))), oursValue: median(paints.map((p) => p.fcp)), target: '—' },
    {
      figure: 'first list entry of /, median of 3',
      ours: ms(median(paints.map((p) => p.list))),
      oursValue: median(paints.map((p) => p.list)),
      target: '—',
    },
    {
      figure: `first contentful paint of / over a static page of the same markup (${ms(hook.app.firstContentfulPaint)} / ${ms(hook.static.firstContentfulPaint)}, median of ${hook.runs})`,
      ours: hook.ratio.toFixed(2),
      oursValue: hook.ratio,
      target: `≤ ${hook.target}`,
      met: hook.ratio <= hook.target,
    },
  ]
  // Faster than Pagefind, where Pagefind was measured.
  for (const row of out) if (row.target === '< Pagefind' && row.pagefind) row.met = row.oursValue < row.pagefind.value
  return out
}

function queryTable(run: FullRun): string {
  const lines = ['query | truth | app count | precision | recall | cold | typed | Pagefind count | P. recall | P. cold | P. warm']
  for (const result of run.search.results) {
    const cold = result.cold!
    const pf = result.pagefind
    lines.push(
      [
        result.query.length > 24 ? `${result.query.slice(0, 22)}…` : result.query,
        result.truth,
        cold.count,
        `${pct(cold.precision)}${cold.listChecked ? '' : ' ≤'}`,
        `${pct(cold.recall)}${cold.listChecked ? '' : ' ≤'}`,
        ms(cold.ms),
        ms(result.typed!.ms),
        pf?.shown ?? '—',
        pf?.recall === undefined ? '—' : pct(pf.recall),
        pf?.cold ? ms(pf.cold.ms) : '—',
        pf?.warm ? ms(pf.warm.ms) : '—',
      ].join(' | '),
    )
  }
  return lines.join('\n')
}

async function growthRun(root: string, counts: readonly number[]): Promise<GrowthRow[]> {
  const out: GrowthRow[] = []
  for (const n of counts) {
    const load = loadavg()[0]!
    const dir = join(root, `n${n}`)
    const corpus = makeCorpus(join(dir, 'archive'), n)
    const cost = ingest(join(dir, 'archive'), join(dir, 'data'), n, corpus.bytes)
    const bundle = sizes(join(dir, 'data'))
    out.push({ n, inputMb: cost.inputMb, seconds: cost.seconds, cpuSeconds: cost.cpuSeconds, rssMb: cost.rssMb, mbPerSecond: cost.mbPerSecond, searchBytes: bundle.search.bytes, firstScreenGzip: bundle.firstScreenGzip, load })
    console.log(`n=${n}: ingest ${cost.seconds.toFixed(1)} s, ${cost.mbPerSecond.toFixed(2)} MB/s, peak RSS ${cost.rssMb.toFixed(0)} MB`)
    rmSync(dir, { recursive: true, force: true })
  }
  return out
}

async function main() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      n: { type: 'string', default: '20000' },
      compare: { type: 'string' },
      sizes: { type: 'string' },
      port: { type: 'string' },
      dir: { type: 'string' },
      keep: { type: 'boolean', default: false },
      reuse: { type: 'string' },
    },
  })
  const n = Number(values.n)
  if (!Number.isInteger(n) || n < 20) throw new Error(`--n must be a whole number of articles ≥ 20, got ${values.n}`)
  if (values.compare !== undefined && values.compare !== 'pagefind') throw new Error(`--compare knows only pagefind, got ${values.compare}`)
  const counts = values.sizes?.split(',').map((part) => Number(part.trim()))
  if (counts?.some((count) => !Number.isInteger(count) || count < 20)) throw new Error(`--sizes must be whole numbers ≥ 20 separated by commas, got ${values.sizes}`)
  const port = Number(values.port ?? process.env.E2E_PORT ?? 4331)
  const before = machine()
  const root = values.reuse ? resolve(values.reuse) : mkdtempSync(join(values.dir ?? tmpdir(), 'bench-'))
  const stamp = before.date.slice(0, 16).replace(/[:T]/g, '-')
  mkdirSync('bench/results', { recursive: true })
  try {
    if (counts) {
      const growth = await growthRun(root, counts)
      console.log(`\n${formatGrowth(growth)}`)
      const file = `bench/results/${stamp}-sizes-${counts.join('-')}.json`
      writeFileSync(file, JSON.stringify({ machine: before, loadAfter: machine().loadAverage, growth }, null, 2) + '\n')
      console.log(`saved ${file}`)
      return
    }
    const run = values.reuse ? await reuseRun(root, port) : await fullRun(root, n, port, values.compare === 'pagefind')
    if (run.reused) console.log(`\ncorpus, ingest and Pagefind indexing: the kept run's figures (${run.reused})`)
    console.log(`\n${formatTable(rows(run))}\n\n${queryTable(run)}${run.pagefindFailure ? `\n\n${run.pagefindFailure}` : ''}`)
    const articleCount = run.ingest.articles
    const file = `bench/results/${stamp}-n${articleCount}${run.pagefindCost ? '-pagefind' : ''}${run.reused ? '-reused' : ''}.json`
    const strip = (cost?: ChildCost) => cost && { seconds: cost.seconds, rssMb: cost.rssMb, cpuSeconds: cost.cpuSeconds }
    const record = {
      machine: before,
      loadAfter: machine().loadAverage,
      n: articleCount,
      reused: run.reused,
      corpus: run.corpus,
      ingest: { ...strip(run.ingest), articles: articleCount, inputMb: run.ingest.inputMb, mbPerSecond: run.ingest.mbPerSecond },
      build: strip(run.build),
      bundle: run.bundle,
      pagefind: run.pagefindCost ? { ...strip(run.pagefindCost), size: run.pagefindSize } : run.pagefindFailure && { failed: run.pagefindFailure },
      figures: rows(run),
      queries: run.search.results.map(({ cold, typed, pagefind, ...rest }) => ({
        ...rest,
        cold: cold && { ...cold, ids: undefined },
        typed: typed && { ms: typed.ms, count: typed.count },
        pagefind: pagefind && { ...pagefind, cold: pagefind.cold && { ms: pagefind.cold.ms, count: pagefind.cold.count }, warm: pagefind.warm && { ms: pagefind.warm.ms, count: pagefind.warm.count } },
      })),
      pastes: run.search.pastes.map((paste) => ({ query: paste.query, ms: paste.ms, count: paste.count, found: paste.found })),
      firstPaint: { runs: run.search.paints, hook: run.search.hook },
    }
    writeFileSync(file, JSON.stringify(record, null, 2) + '\n')
    console.log(`\nsaved ${file}`)
  } finally {
    if (values.keep || values.reuse) console.log(`kept ${root}`)
    else rmSync(root, { recursive: true, force: true })
  }
}

if (process.argv[1]?.endsWith('bench.ts')) await main()
