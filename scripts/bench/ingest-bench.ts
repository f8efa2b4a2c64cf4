// npm run bench:ingest -- --n 10000 [--real] [--incremental 100 [--backfill]] [--workers N] [--dir TMP] [--keep] [--no-stories]
// npm run bench:ingest -- --tiny 100000 [--workers N] [--dir TMP] [--keep] [--no-stories]
// Generates a synthetic archive in the seed format in a temp folder (--n: varied outlets, dates, 5–10 KB
// bodies made from the seed bodies; --tiny: tiny articles, one binary file per thousand), runs the ingest
// CLI as a child process, and prints articles/s, peak memory and the sizes the first screen loads, and what
// story clustering took (its time, the memory it held, the process's RSS after it). --no-stories runs the
// ingest without clustering, to compare: the added cost is the difference of the two runs' wall and peak RSS.
// --real: 20–30 KB whole-page scrapes over 20 outlets (front matter only; site header, nav, scripts, footer
// around the article), the shape of a real archive; input MB/s is printed. --incremental M: after the full
// build (with a cache) and a rebuild with nothing changed, adds M new articles and builds again; prints the
// times, the ratio of the last to the full build and how many bundle files the last run wrote. The added articles are a day's news, newer than the archive; with
// --backfill they are dated across its years instead (older articles found late).
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import type { Manifest } from '../../src/types/data'
import { random } from './random'

const HOSTS = [
  'https://www.bbc.com/zhongwen/simp/chinese-news-',
  'https://www.rfi.fr/cn/中国/2024-',
  'https://www.voachinese.com/a/story-',
  'https://www.dw.com/zh/article/a-',
  'https://www.zaobao.com/realtime/china/story-',
  'https://cn.nytimes.com/china/2024/',
  'https://www.rfa.org/mandarin/yataibaodao/',
  'https://news.example.com.tw/article/',
]


/** The newest date the generators give an article of the archive: one added after it is newer than all (--incremental). */
const CORPUS_END = Date.UTC(2025, 0, 1)
const CORPUS_YEARS = 10

/**
 * When an article is published: spread over the archive's ten years, or (`newer`) within the day after its
 * end, as an archive grows daily.
 */
function publishedTime(rand: () => number, newer: boolean): number {
  return newer ? CORPUS_END + Math.floor(rand() * 86_400_000) : CORPUS_END - Math.floor(rand() * CORPUS_YEARS * 365.25 * 86_400_000)
}

export function generateCorpus(dir: string, n: number, seedsDir = 'seeds', first = 0, newer = false): number {
  const seeds = readdirSync(seedsDir)
    .sort()
    .map((name) => readFileSync(join(seedsDir, name), 'utf8'))
  const paragraphs = seeds.flatMap((text) => text.split('------')[1]!.match(/<p>[\s\S]*?<\/p>/g) ?? [])
  const junk = seeds.map((text) => text.split('------')[1]!.replace(/<p>[\s\S]*?<\/p>/g, '').slice(0, 3000))
  const chars = Array.from(new Set(Array.from(paragraphs.join('').replace(/<[^>]+>|[\sA-Za-z0-9]/g, ''))))
  const rand = random(42 + first)
  let bytes = 0
  for (let i = first; i < first + n; i++) {
    const target = 5000 + Math.floor(rand() * 5000)
    let body = junk[i % junk.length]!.slice(0, 800)
    while (Buffer.byteLength(body) < target) {
      // Swap a few characters so bigrams vary from article to article, as they do in a real archive.
      const p = Array.from(paragraphs[Math.floor(rand() * paragraphs.length)]!)
      for (let k = 0; k < 6; k++) p[3 + Math.floor(rand() * (p.length - 8))] = chars[Math.floor(rand() * chars.length)]!
      body += p.join('')
    }
    const time = publishedTime(rand, newer)
    const title = Array.from({ length: 12 + Math.floor(rand() * 16) }, () => chars[Math.floor(rand() * chars.length)]).join('')
    const url = `${HOSTS[i % HOSTS.length]}${i}`
    const text = `<!--${time}-->\n[${title}](${url})\n------\n\n${body}\n`
    const folder = join(dir, String(Math.floor(i / 1000)).padStart(4, '0'))
    if (i === first || i % 1000 === 0) mkdirSync(folder, { recursive: true })
    writeFileSync(join(folder, `${String(i).padStart(7, '0')}.txt`), text)
    bytes += Buffer.byteLength(text)
  }
  return bytes
}

/** Hosts of 20 outlets of the table, each with its own page furniture below. */
const REAL_HOSTS = [
  'www.bbc.com/zhongwen/simp/world-', 'www.rfi.fr/cn/中国/', 'www.voachinese.com/a/', 'www.dw.com/zh/a-', 'www.zaobao.com/news/china/story',
  'www.cna.com.tw/news/aopl/', 'cn.reuters.com/article/', 'cn.nytimes.com/world/', 'www.ftchinese.com/story/', 'www.rfa.org/mandarin/',
  'www.rti.org.tw/news/view/id/', 'www.epochtimes.com/gb/', 'www.economist.com/chinese/', 'zh.cn.nikkei.com/politicsaeconomy/', 'theinitium.com/article/',
  'chinadigitaltimes.net/chinese/', 'www.thepaper.cn/newsDetail_forward_', 'www.caixin.com/', 'news.mingpao.com/pns/', 'www.hk01.com/article/',
]

/**
 * n whole-page scrapes of 20–30 KB, as a browser extension saves them: YAML front matter (title, date,
 * from) and the page's whole HTML, with a head full of scripts and styles, a site header and menu, the
 * article (2–8 KB of text in paragraphs, a figure, a byline), related links and a footer. Returns the bytes.
 */
export function generateRealCorpus(dir: string, n: number, seedsDir = 'seeds', first = 0, newer = false): number {
  const seeds = readdirSync(seedsDir).sort().map((name) => readFileSync(join(seedsDir, name), 'utf8'))
  const paragraphs = seeds.flatMap((text) => text.split('------')[1]!.match(/<p>[\s\S]*?<\/p>/g) ?? []).map((p) => p.replace(/<[^>]+>/g, ''))
  const chars = Array.from(new Set(Array.from(paragraphs.join('').replace(/[\sA-Za-z0-9]/g, ''))))
  const rand = random(1009 + first)
  const pick = <T,>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!
  const words = (count: number) => Array.from({ length: count }, () => pick(chars)).join('')
  const script = (k: number) => `<script>(function(w,d){var q=w.dataLayer=w.dataLayer||[];q.push({event:'page',site:${k},t:Date.now()});` +
    `function a(){var s=d.createElement('script');s.async=true;s.src='https://cdn.example/analytics-${k}.js?v='+Math.random();d.head.appendChild(s)}` +
    `w.addEventListener('load',a);w.__CONFIG__=${JSON.stringify({ ads: { slots: Array.from({ length: 12 }, (_, i) => `slot-${k}-${i}`) }, region: 'cn', flags: 'abcdefghijklmnop'.split('') })};})(window,document);</script>`
  let bytes = 0
  for (let i = first; i < first + n; i++) {
    const site = i % REAL_HOSTS.length
    const title = words(12 + Math.floor(rand() * 16))
    const time = publishedTime(rand, newer)
    const url = `https://${REAL_HOSTS[site]}${100000 + i}`
    const menu = Array.from({ length: 30 }, (_, k) => `<li class="nav-item"><a class="nav-link" href="/section/${k}">${words(2 + (k % 3))}</a></li>`).join('')
    const related = Array.from({ length: 10 }, (_, k) => `<li><a href="/article/${i}-${k}"><img src="/img/${k}.jpg" alt=""><span>${words(14)}</span></a></li>`).join('')
    let body = ''
    const textTarget = 2000 + Math.floor(rand() * 6000)
    while (Buffer.byteLength(body) < textTarget) {
      const p = Array.from(pick(paragraphs))
      for (let k = 0; k < 6 && p.length > 10; k++) p[3 + Math.floor(rand() * (p.length - 8))] = pick(chars)
      body += `<p>${p.join('')}</p>\n`
    }
    const page =
      `<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title} - site ${site}</title>` +
      `<link rel="stylesheet" href="/static/site-${site}.css"><style>.nav-item{display:inline-block;padding:4px 8px}.ad{min-height:250px}.footer a{color:#666}</style>` +
      script(site) + script(site + 100) +
      `</head><body class="site-${site}"><div id="cookie-banner" class="banner">${words(40)}<button>OK</button></div>` +
      `<header class="site-header"><a class="logo" href="/"><img src="/logo-${site}.svg" alt="logo"></a><nav><ul class="nav">${menu}</ul></nav>` +
      `<form class="search" action="/search"><input name="q"><button>${words(2)}</button></form></header>` +
      `<div class="ad" data-slot="top"></div><main id="main"><article class="story"><h1 class="headline">${title}</h1>` +
      `<div class="byline"><span class="author">${words(3)}</span><time datetime="${new Date(time).toISOString()}">${new Date(time).toISOString().slice(0, 10)}</time></div>` +
      `<figure><img src="https://img.example/${site}/${i}.jpg" alt="${words(8)}"><figcaption>${words(20)}</figcaption></figure>` +
      `<div class="article-body">\n${body}</div><div class="share"><a href="https://twitter.com/share">Twitter</a><a href="https://facebook.com/share">Facebook</a></div></article>` +
      `<aside class="related"><h2>${words(4)}</h2><ul>${related}</ul></aside></main>` +
      `<footer class="footer"><ul>${Array.from({ length: 20 }, (_, k) => `<li><a href="/about/${k}">${words(4)}</a></li>`).join('')}</ul><p>© ${words(10)}</p></footer>` +
      script(site + 200) + `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: title, datePublished: new Date(time).toISOString() })}</script></body></html>`
    // Pad with more menus and scripts up to the 20–30 KB a saved page weighs.
    const target = 20_000 + Math.floor(rand() * 10_000)
    let padded = page
    let extra = 300
    while (Buffer.byteLength(padded) < target) padded = padded.replace('</body>', `${script(site + extra++)}</body>`)
    const text = `---\ntitle: "${title}"\ndate: ${new Date(time).toISOString()}\nfrom: ${url}\n---\n${padded}\n`
    const folder = join(dir, String(Math.floor(i / 1000)).padStart(4, '0'))
    if (i === first || i % 1000 === 0) mkdirSync(folder, { recursive: true })
    writeFileSync(join(folder, `${String(i).padStart(7, '0')}.txt`), text)
    bytes += Buffer.byteLength(text)
  }
  return bytes
}

// Common characters, so tiny articles still give the search merge thousands of distinct bigrams.
const HAN = '中国俄罗斯乌克兰和谈普京习近平外长会见峰会元首北京莫斯科克里姆林宫记者表示问题国际社会美国欧洲德法英日韩台湾香港经济贸易发展政府总统总理部长选举民主人权安全军事战争和平'

/**
 * n tiny articles (a short title and paragraph), 1,000 to a folder; every 1,000th file is binary (a NUL
 * byte), which the ingest must name and skip. Returns how many files are bad.
 */
export function generateTinyCorpus(dir: string, n: number): number {
  const rand = random(7)
  const han = (length: number) => Array.from({ length }, () => HAN[Math.floor(rand() * HAN.length)]).join('')
  let bad = 0
  for (let i = 0; i < n; i++) {
    const folder = join(dir, String(Math.floor(i / 1000)))
    if (i % 1000 === 0) mkdirSync(folder, { recursive: true })
    const binary = i % 1000 === 999
    if (binary) bad++
    const text = `<!--${1_600_000_000_000 + i * 60_000}-->\n[${han(8)} ${i}](https://odd.example/${i})\n------\n<p>${han(20)}</p>\n`
    writeFileSync(join(folder, `${i}.txt`), binary ? '\u0000' : text)
  }
  return bad
}

function folderBytes(dir: string): { files: number; bytes: number } {
  let files = 0
  let bytes = 0
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const info = statSync(join(dir, name))
    if (info.isFile()) {
      files++
      bytes += info.size
    }
  }
  return { files, bytes }
}

const gz = (path: string) => gzipSync(readFileSync(path)).length
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

interface Run {
  seconds: number
  stdout: string
  stderr: string
  rssKb: number
  user: number
  system: number
}

/** The ingest CLI as a child process under /usr/bin/time (its -v for the peak RSS), with --verbose for the phase lines. */
function runIngest(input: string, output: string, extra: readonly string[]): Run {
  const args = ['-v', process.execPath, '--import', 'tsx', 'scripts/ingest/cli.ts', '--in', input, '--out', output, '--verbose', ...extra]
  const started = performance.now()
  const child = spawnSync('/usr/bin/time', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const seconds = (performance.now() - started) / 1000
  if (child.status !== 0) throw new Error(`ingest failed (${child.status}): ${child.stderr.slice(-2000)}`)
  const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr)?.[1] ?? NaN)
  const [user, system] = ['User', 'System'].map((kind) => Number(new RegExp(`${kind} time \\(seconds\\): ([\\d.]+)`).exec(child.stderr)?.[1] ?? 0))
  return { seconds, stdout: child.stdout, stderr: child.stderr, rssKb, user: user!, system: system! }
}

function main() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      n: { type: 'string', default: '10000' },
      // Many tiny files instead: what the run costs per file rather than per byte.
      tiny: { type: 'string' },
      // 20–30 KB whole-page scrapes instead of 5–10 KB bodies: what the run costs per MB of a real archive.
      real: { type: 'boolean', default: false },
      // Then add this many articles and build again with the cache of the first run.
      incremental: { type: 'string' },
      // The added articles are dated across the archive's years (older than its newest) instead of the day after it.
      backfill: { type: 'boolean', default: false },
      workers: { type: 'string' },
      // Where the archive and bundle go (default: the system temp folder), e.g. /dev/shm to leave the disk out.
      dir: { type: 'string' },
      keep: { type: 'boolean', default: false },
      'no-stories': { type: 'boolean', default: false },
    },
  })
  const tiny = values.tiny !== undefined
  const n = Number(tiny ? values.tiny : values.n)
  const root = mkdtempSync(join(values.dir ?? tmpdir(), 'ingest-bench-'))
  const input = join(root, 'archive')
  const output = join(root, 'data')
  const generate = values.real ? generateRealCorpus : generateCorpus
  try {
    const started = performance.now()
    const inputBytes = tiny ? 0 : generate(input, n)
    const made = tiny ? `${generateTinyCorpus(input, n)} of them binary` : `${(inputBytes / 1024 / 1024).toFixed(1)} MB`
    const shape = tiny ? 'tiny files' : values.real ? 'whole-page scrapes' : 'articles'
    console.log(`generated ${n} ${shape}, ${made}, in ${((performance.now() - started) / 1000).toFixed(1)} s`)

    const extra = [...(values.workers !== undefined ? ['--workers', values.workers] : []), ...(values['no-stories'] ? ['--no-stories'] : [])]
    // The cache lives with the run's other files; without --incremental it is off, as in the measurements before it existed.
    const cache = values.incremental !== undefined ? ['--cache', join(root, 'cache')] : ['--no-cache']
    const loadBefore = loadavg()[0]!
    const full = runIngest(input, output, [...extra, ...cache])
    const { seconds, rssKb, user, system } = full
    const cpu = user + system
    console.log(full.stdout.trim())
    const storyLines = [...full.stderr.matchAll(/^ingest: (stories: .*)$/gm)].map((match) => match[1])
    console.log(storyLines.length > 0 ? storyLines.join('\n') : 'stories: off (--no-stories)')
    const rate = tiny ? '' : `, ${(inputBytes / 1024 / 1024 / seconds).toFixed(2)} MB/s of input`
    console.log(`ingest: ${(n / seconds).toFixed(0)} ${tiny ? 'files' : 'articles'}/s${rate} (${seconds.toFixed(1)} s wall, including start-up), peak RSS ${(rssKb / 1024).toFixed(0)} MB`)
    // CPU time does not depend on what else the machine is doing: 2 idle cores give at most 2 / (s per article).
    console.log(
      `cpu: ${user.toFixed(1)} s user + ${system.toFixed(1)} s sys = ${((cpu / n) * 1000).toFixed(2)} ms per ${tiny ? 'file' : 'article'} ` +
        `(load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after)`,
    )

    const manifest = JSON.parse(readFileSync(join(output, 'manifest.json'), 'utf8')) as Manifest
    const manifestGz = gz(join(output, 'manifest.json'))
    const shardGz = gz(join(output, manifest.shards[0]!.file))
    const search = folderBytes(join(output, 'search'))
    const bucketSizes = readdirSync(join(output, 'search')).map((name) => gz(join(output, 'search', name)))
    const articles = folderBytes(join(output, 'articles'))
    console.log(
      `manifest ${kb(statSync(join(output, 'manifest.json')).size)} (${kb(manifestGz)} gzip), ${manifest.shards.length} shards; ` +
        `first screen (manifest + newest shard) ${kb(manifestGz + shardGz)} gzip`,
    )
    console.log(
      `search: ${manifest.search.buckets} buckets, ${(search.bytes / 1024 / 1024).toFixed(1)} MB raw, ` +
        `${(bucketSizes.reduce((sum, size) => sum + size, 0) / 1024 / 1024).toFixed(1)} MB gzip; per bucket gzip ` +
        `median ${kb(bucketSizes.sort((a, b) => a - b)[bucketSizes.length >> 1]!)}, max ${kb(bucketSizes.at(-1)!)}`,
    )
    console.log(`articles: ${articles.files} files, ${(articles.bytes / 1024 / 1024).toFixed(0)} MB`)

    if (values.incremental !== undefined) {
      // As in daily use, the measured run follows a rebuild (here one with nothing changed): a run that replaced a
      // bundle leaves its folders in the cache as the next run's start (output-folder.ts), the first rebuild has none.
      const settle = runIngest(input, output, [...extra, ...cache])
      console.log(`rebuild with nothing changed: ${settle.seconds.toFixed(1)} s wall, cpu ${(settle.user + settle.system).toFixed(1)} s (${settle.user.toFixed(1)} user + ${settle.system.toFixed(1)} sys)`)
      const added = Number(values.incremental)
      if (tiny) generateTinyCorpus(join(input, 'added'), added)
      else generate(input, added, 'seeds', n, !values.backfill)
      const again = runIngest(input, output, [...extra, ...cache])
      const carried = /ingest: (\d+) bundle files written, (\d+) unchanged ones carried over/.exec(again.stderr)
      const cacheLine = /ingest: (cache: \d+ files from .*) \(\d+ ms\)$/m.exec(again.stderr)?.[1] ?? ''
      console.log(again.stdout.trim())
      console.log(
        `incremental: +${added} files: ${again.seconds.toFixed(1)} s wall (full build ${seconds.toFixed(1)} s), ratio ${((again.seconds / seconds) * 100).toFixed(1)} %; ` +
          `cpu ${(again.user + again.system).toFixed(1)} s = ${again.user.toFixed(1)} user + ${again.system.toFixed(1)} sys (full ${cpu.toFixed(1)} s, ${(((again.user + again.system) / cpu) * 100).toFixed(1)} %); peak RSS ${(again.rssKb / 1024).toFixed(0)} MB; ` +
          `load average ${loadavg()[0]!.toFixed(1)}`,
      )
      console.log(`incremental: ${carried?.[1] ?? '?'} bundle files rewritten, ${carried?.[2] ?? '?'} kept; ${cacheLine}`)
      const phases = [...again.stderr.matchAll(/^ingest: (.*\(\d+ ms\))$/gm)].map((match) => match[1])
      console.log(`incremental phases:\n  ${phases.join('\n  ')}`)
    }
    // A results page fetches the search text files of its 30 articles (snippets and the exact check).
    const texts = readdirSync(join(output, 'text'))
    const sample = texts.filter((_, i) => i % Math.max(1, Math.floor(texts.length / 600)) === 0).map((name) => gz(join(output, 'text', name)))
    sample.sort((a, b) => a - b)
    console.log(
      `search texts: ${texts.length} files, ${(folderBytes(join(output, 'text')).bytes / 1024 / 1024).toFixed(0)} MB; a page of 30 at the median ` +
        `${kb(30 * sample[sample.length >> 1]!)} gzip, at the 90th percentile ${kb(30 * sample[Math.floor(sample.length * 0.9)]!)} gzip`,
    )
  } finally {
    if (values.keep) console.log(`kept ${root}`)
    else rmSync(root, { recursive: true, force: true })
  }
}

if (process.argv[1]?.endsWith('ingest-bench.ts')) main()
