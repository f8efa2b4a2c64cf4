import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { generateTinyCorpus } from '../bench/ingest-bench'
import { buildArticle } from './build-article'
import { searchBucketFiles } from './search-postings'
import { foldScript } from '../../src/lib/fold-script'
import { decodeFlags, decodePostings, gramBucket, queryGrams } from '../../src/lib/search-grams'
import { ARTICLE_DIR, articlePath, listPlace, MANIFEST_FILE, searchBucketPath, type Article, type IndexShard, type Manifest, type SearchBucket } from '../../src/types/data'
import { ingest, UsageError } from './write-bundle'

const seedsDir = new URL('../../seeds/', import.meta.url).pathname
const fixturesDir = new URL('./fixtures/', import.meta.url).pathname
const temps: string[] = []

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-test-'))
  temps.push(dir)
  return dir
}

afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true })
})

async function run(inDir: string, outDir: string, workers = 0) {
  const problems: string[] = []
  const summary = await ingest({ inDir, outDir, workers, onProblem: (source, reason) => problems.push(`${source}: ${reason}`) })
  return { summary, problems }
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T
/** The path of shard n as the manifest names it (its name carries its content hash). */
const shardFile = (out: string, n: number) => join(out, readJson<Manifest>(join(out, MANIFEST_FILE)).shards[n]!.file)

/** Worker threads each load tsx and compile the ingest first: seconds on a busy 2-core machine. */
const WITH_WORKERS = 30_000

/** A bundle of the seeds in a fresh folder, for a later run to fail over. */
async function previousBundle() {
  const root = tempDir()
  const out = join(root, 'data')
  await run(seedsDir, out)
  const before = readFileSync(join(out, MANIFEST_FILE), 'utf8')
  return { root, out, intact: () => expect(readFileSync(join(out, MANIFEST_FILE), 'utf8')).toBe(before) }
}

function search(out: string, query: string): string[] {
  const manifest = readJson<Manifest>(join(out, MANIFEST_FILE))
  const entries = manifest.shards.flatMap((shard) => readJson<IndexShard>(join(out, shard.file)).entries)
  let hits: Set<number> | undefined
  for (const gram of queryGrams(foldScript(query))) {
    const bucket = readJson<SearchBucket>(join(out, searchBucketPath(gramBucket(gram, manifest.search.buckets), manifest.search.file)))
    const numbers = new Set(decodePostings(bucket[gram] ?? []))
    hits = hits ? new Set([...hits].filter((n) => numbers.has(n))) : numbers
  }
  return [...(hits ?? [])].map((n) => listPlace(n, entries.length)).sort((a, b) => a - b).map((place) => entries[place]!.id)
}

describe('ingest over the seeds', () => {
  it('writes manifest, time shards, search buckets and one file per article', async () => {
    const out = join(tempDir(), 'data')
    const { summary, problems } = await run(seedsDir, out)
    expect(problems).toEqual([])
    expect(summary).toMatchObject({ files: 5, articles: 5, duplicates: 0, problems: 0 })

    const manifest = readJson<Manifest>(join(out, MANIFEST_FILE))
    expect(manifest.schema).toBe(4)
    expect(manifest.articleCount).toBe(5)
    expect(manifest.outlets.map((o) => o.id).sort()).toEqual(['bbc', 'dw', 'rfi', 'voa', 'zaobao'])
    expect(manifest.months).toEqual({ '2024-04': { dw: 1 }, '2024-02': { rfi: 1 }, '2023-03': { bbc: 1, voa: 1 }, '2022-03': { zaobao: 1 } })
    expect(manifest.shards.map((s) => [s.file.replace(/\.[a-z2-7]{10}\.json$/, '.json'), s.month, s.start, s.count])).toEqual([
      ['index/0.json', '2024-04', 0, 1],
      ['index/1.json', '2024-02', 1, 1],
      ['index/2.json', '2023-03', 2, 2],
      ['index/3.json', '2022-03', 4, 1],
    ])
    expect(manifest.search).toEqual({ buckets: 1, file: 'search/{bucket}.json' })

    const march = readJson<IndexShard>(shardFile(out, 2))
    expect(march.start).toBe(2)
    expect(march.entries.map((e) => e.outlet)).toEqual(['voa', 'bbc']) // newest first
    expect(march.entries[0]).not.toHaveProperty('html')

    const files = readdirSync(join(out, ARTICLE_DIR)).sort()
    expect(files).toHaveLength(5)
    const bbc = readJson<Article>(join(out, articlePath('bbc-r27miehhcxnd')))
    expect(bbc).toMatchObject({
      id: 'bbc-r27miehhcxnd',
      url: 'https://www.bbc.com/zhongwen/simp/chinese-news-65032731',
      outlet: { id: 'bbc', name: 'BBC 中文' },
      publishedAt: '2023-03-21T19:13:04.000Z',
      source: '001_bb0b5fb7450fe185.txt',
      lang: 'zh-Hans',
      readingMinutes: 6,
    })
    expect(bbc.html).toContain('<h2>强调密切关系</h2>')
    expect(bbc.excerpt.length).toBeGreaterThan(40)
  })

  it('finds articles by any run of Chinese characters', async () => {
    const out = join(tempDir(), 'data')
    await run(seedsDir, out)
    expect(search(out, '拉夫罗夫')).toEqual(['dw-gsl654v6q2uw'])
    expect(search(out, '克里姆林宫').sort()).toEqual(['bbc-r27miehhcxnd', 'dw-gsl654v6q2uw', 'voa-g46mmfnjudrq'])
    expect(search(out, '习近平普京峰会')).toEqual(['bbc-r27miehhcxnd']) // title
    expect(search(out, 'ICC')).toEqual(['bbc-r27miehhcxnd'])
    expect(search(out, '获取更多')).toEqual([]) // the relay footer is not indexed
  })

  it('writes the same bytes on every run, with worker threads or not', async () => {
    const root = tempDir()
    await run(seedsDir, join(root, 'a'))
    await run(seedsDir, join(root, 'b'), 2)
    const list = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort()
    expect(list(join(root, 'b'))).toEqual(list(join(root, 'a')))
    for (const file of list(join(root, 'a')).filter((f) => f.endsWith('.json'))) {
      expect(readFileSync(join(root, 'b', file), 'utf8'), file).toBe(readFileSync(join(root, 'a', file), 'utf8'))
    }
  }, WITH_WORKERS)
})

describe('ingest over variants and bad input', () => {
  it('reads every variant, names every bad file relative to --in, and still writes the rest', async () => {
    const out = join(tempDir(), 'data')
    const { summary, problems } = await run(fixturesDir, out)
    expect(problems).toEqual([
      'bad/binary.txt: not a text file (binary data)',
      'bad/blank.txt: empty file',
      'bad/empty.txt: empty file',
      'bad/invalid-date.txt: invalid date: 2021-13-45',
      'bad/javascript-url.txt: URL is not http(s): javascript:alert(1)',
      'bad/latin1.txt: not UTF-8 text',
      'bad/no-date.txt: no date (no timestamp comment and no front matter date)',
      'bad/no-title-line.txt: no title line ([title](url))',
      'bad/not-http-url.txt: URL is not http(s): ftp://example.com/article.txt',
      'bad/unterminated-front-matter.txt: unterminated front matter (no closing ---)',
    ])
    expect(summary).toMatchObject({ articles: 11, problems: 10, duplicates: 0 })
    const articles = readdirSync(join(out, ARTICLE_DIR)).map((f) => readJson<Article>(join(out, ARTICLE_DIR, f)))
    const bySource = new Map(articles.map((a) => [a.source, a]))
    expect([...bySource.keys()].sort()).toContain('variants/nested/deeper/nested.txt')
    expect(bySource.get('variants/markdown.md')?.outlet.id).toBe('rfi')
    expect(bySource.get('variants/english.txt')?.lang).toBe('en')
    expect(bySource.get('variants/traditional.txt')?.lang).toBe('zh-Hant')
    expect(bySource.get('variants/unknown-host-1.txt')?.outlet).toEqual({ id: 'example-daily-com', name: 'example-daily.com' })
    expect(bySource.get('variants/unknown-host-2.txt')?.outlet).toEqual({ id: 'example-daily-com', name: 'example-daily.com' })
    const manifest = readJson<Manifest>(join(out, MANIFEST_FILE))
    expect(manifest.outlets.find((o) => o.id === 'example-daily-com')?.count).toBe(2)
  })

  it('keeps ids when files are renamed or moved', async () => {
    const root = tempDir()
    cpSync(seedsDir, join(root, 'one'), { recursive: true })
    mkdirSync(join(root, 'two', 'moved', 'deeper'), { recursive: true })
    for (const [i, name] of readdirSync(seedsDir).entries()) {
      cpSync(join(seedsDir, name), join(root, 'two', 'moved', i % 2 ? 'deeper' : '', `renamed-${4 - i}.md`))
    }
    await run(join(root, 'one'), join(root, 'out1'))
    await run(join(root, 'two'), join(root, 'out2'))
    expect(readdirSync(join(root, 'out2', ARTICLE_DIR)).sort()).toEqual(readdirSync(join(root, 'out1', ARTICLE_DIR)).sort())
  })

  it('keeps the later file of two versions of one URL at the same time, and reports the other as older', async () => {
    const root = tempDir()
    const input = join(root, 'in')
    mkdirSync(join(input, 'b'), { recursive: true })
    const text = (url: string, title: string) => `<!--1700000000000-->\n[${title}](${url})\n------\n<p>${title}</p>\n`
    writeFileSync(join(input, 'a.txt'), text('https://www.dw.com/zh/x/a-1', '第一份'))
    writeFileSync(join(input, 'b', 'copy.txt'), text('https://WWW.DW.COM/zh/x/a-1?utm_source=rss#top', '第二份'))
    const { summary, problems } = await run(input, join(root, 'out'))
    expect(summary).toMatchObject({ articles: 1, duplicates: 1 })
    expect(problems).toEqual(['a.txt: older version of b/copy.txt'])
    const [file] = readdirSync(join(root, 'out', ARTICLE_DIR))
    expect(readJson<Article>(join(root, 'out', ARTICLE_DIR, file!)).title).toBe('第二份')
  })

  it('keeps the newest version of a URL saved three times, whatever the file order, and finds only it', async () => {
    const root = tempDir()
    const input = join(root, 'in')
    mkdirSync(input)
    const text = (time: number, title: string) => `<!--${time}-->\n[${title}](https://www.dw.com/zh/x/a-1)\n------\n<p>${title}的正文</p>\n`
    writeFileSync(join(input, '1.txt'), text(1_700_000_000_000, '初版标题'))
    writeFileSync(join(input, '2.txt'), text(1_700_000_900_000, '更正后的标题')) // 15 minutes later
    writeFileSync(join(input, '3.txt'), text(1_700_000_500_000, '第二版标题'))
    const out = join(root, 'out')
    const { summary, problems } = await run(input, out)
    expect(summary).toMatchObject({ articles: 1, duplicates: 2 })
    expect(problems).toEqual(['1.txt: older version of 2.txt', '3.txt: older version of 2.txt'])
    const entries = readJson<IndexShard>(shardFile(out, 0)).entries
    expect(entries.map((e) => e.title)).toEqual(['更正后的标题'])
    expect(search(out, '更正')).toEqual([entries[0]!.id])
    expect(search(out, '初版')).toEqual([]) // an older version's words are not indexed
  })

  it('opens the kept version under the id of an older version saved under another spelling of its URL', async () => {
    const root = tempDir()
    const input = join(root, 'in')
    mkdirSync(input)
    writeFileSync(join(input, 'a.txt'), '<!--1700000000000-->\n[旧标题](http://www.example.com/news/1)\n------\n<p>旧</p>\n')
    writeFileSync(join(input, 'b.txt'), '<!--1700000600000-->\n[新标题](https://example.com/news/1/)\n------\n<p>新</p>\n')
    const old = join(root, 'old')
    await run(join(input), join(root, 'first')) // both
    mkdirSync(old)
    cpSync(join(input, 'a.txt'), join(old, 'a.txt'))
    await run(old, join(root, 'before')) // an earlier build, before the new version was saved
    const [oldFile] = readdirSync(join(root, 'before', ARTICLE_DIR))
    const out = join(root, 'first')
    const kept = readJson<IndexShard>(shardFile(out, 0)).entries[0]!
    expect(`${kept.id}.json`).not.toBe(oldFile)
    expect(readJson<Manifest>(join(out, MANIFEST_FILE)).articleCount).toBe(1)
    // The bookmark of the earlier build's id still opens the article, now its newest version.
    expect(readJson<Article>(join(out, ARTICLE_DIR, oldFile!))).toEqual(readJson<Article>(join(out, articlePath(kept.id))))
    expect(readJson<Article>(join(out, ARTICLE_DIR, oldFile!)).title).toBe('新标题')
    expect(kept.aliases).toEqual([oldFile!.replace(/\.json$/, '')]) // the list knows the old id opens it
  })

  it('names an unknown host and a blog by the label their files agree on, keeping ids and the domain elsewhere', async () => {
    const root = tempDir()
    const input = join(root, 'in')
    mkdirSync(input)
    const file = (url: string, front: string) => `---\n${front}\n---\n<!--1700000000000-->\n[标题](${url})\n------\n<p>正文</p>\n`
    writeFileSync(join(input, 'a1.txt'), file('https://news.example.com/1', 'categories: [ 某某评论 ]'))
    writeFileSync(join(input, 'a2.txt'), file('https://news.example.com/2', 'categories: [ 某某评论 ]\ntags: [ 时评 ]'))
    writeFileSync(join(input, 'b1.txt'), file('https://alice.blogspot.com/1.html', 'tags: [ 爱丽丝的博客 ]'))
    writeFileSync(join(input, 'c1.txt'), file('https://other.org/1', 'categories: [ 甲 ]'))
    writeFileSync(join(input, 'c2.txt'), file('https://other.org/2', 'categories: [ 乙 ]'))
    writeFileSync(join(input, 'd1.txt'), file('https://www.dw.com/zh/x/a-1', 'categories: [ 别的名字 ]'))
    const out = join(root, 'out')
    await run(input, out)
    const manifest = readJson<Manifest>(join(out, MANIFEST_FILE))
    expect(Object.fromEntries(manifest.outlets.map((o) => [o.id, o.name]))).toEqual({
      'example-com': '某某评论',
      'alice-blogspot-com': '爱丽丝的博客',
      'other-org': 'other.org', // its files disagree
      dw: '德国之声', // the table's name wins
    })
    const entries = manifest.shards.flatMap((shard) => readJson<IndexShard>(join(out, shard.file)).entries)
    const example = entries.find((entry) => entry.outlet === 'example-com')!
    expect(example.id).toMatch(/^example-/) // ids keep the label earlier builds gave the host
    expect(readJson<Article>(join(out, articlePath(example.id))).outlet).toEqual({ id: 'example-com', name: '某某评论' })
    await run(input, join(root, 'out-workers'), 2) // labels travel back from worker threads too
    expect(readFileSync(join(root, 'out-workers', MANIFEST_FILE), 'utf8')).toBe(readFileSync(join(out, MANIFEST_FILE), 'utf8'))
  }, WITH_WORKERS)

  it('keeps the first of two identical files and reports the other as a duplicate', async () => {
    const root = tempDir()
    const input = join(root, 'in')
    mkdirSync(input)
    const text = '<!--1700000000000-->\n[同一份](https://www.dw.com/zh/x/a-1)\n------\n<p>正文</p>\n'
    writeFileSync(join(input, 'a.txt'), text)
    writeFileSync(join(input, 'b.txt'), text)
    const { problems } = await run(input, join(root, 'out'))
    expect(problems).toEqual(['b.txt: duplicate of a.txt'])
    expect(readJson<Article>(join(root, 'out', ARTICLE_DIR, readdirSync(join(root, 'out', ARTICLE_DIR))[0]!)).source).toBe('a.txt')
  })

  it('stores the article URL without utm_* and click-id parameters, and keeps the id of the plain URL', async () => {
    const root = tempDir()
    const text = (url: string) => `<!--1700000000000-->\n[标题](${url})\n------\n<p>正文</p>\n`
    mkdirSync(join(root, 'tracked'))
    mkdirSync(join(root, 'plain'))
    writeFileSync(join(root, 'tracked', 'a.txt'), text('https://www.dw.com/zh/x/a-1?utm_source=rss&id=7&fbclid=abc#top'))
    writeFileSync(join(root, 'plain', 'a.txt'), text('https://www.dw.com/zh/x/a-1?id=7'))
    await run(join(root, 'tracked'), join(root, 'out1'))
    await run(join(root, 'plain'), join(root, 'out2'))
    const [file] = readdirSync(join(root, 'out1', ARTICLE_DIR))
    expect(readdirSync(join(root, 'out2', ARTICLE_DIR))).toEqual([file])
    const article = readJson<Article>(join(root, 'out1', ARTICLE_DIR, file!))
    expect(article.url).toBe('https://www.dw.com/zh/x/a-1?id=7#top')
    expect(readJson<IndexShard>(shardFile(join(root, 'out1'), 0)).entries[0]!.url).toBe(article.url)
  })

  it('makes one article of two files with the same URL with worker threads too', async () => {
    const root = tempDir()
    const input = join(root, 'in')
    mkdirSync(input)
    const text = (url: string, title: string) => `<!--1700000000000-->\n[${title}](${url})\n------\n<p>${title}</p>\n`
    // 40 files: several batches of 16 spread over both workers; workers: 2 forces the pool below its 2,000-file default.
    for (let i = 0; i < 40; i++) {
      const url = i === 33 ? 'https://WWW.DW.COM/zh/x/a-5?fbclid=x' : `https://www.dw.com/zh/x/a-${i}`
      writeFileSync(join(input, `${String(i).padStart(2, '0')}.txt`), text(url, `第${i}份`))
    }
    const { summary, problems } = await run(input, join(root, 'out'), 2)
    expect(summary).toMatchObject({ files: 40, articles: 39, duplicates: 1 })
    expect(problems).toEqual(['05.txt: older version of 33.txt']) // same time, other title: the later file
  }, WITH_WORKERS)

  it('merges postings across spill partitions exactly as a plain Map index would, and as the in-memory path writes them', async () => {
    const root = tempDir()
    const input = join(root, 'in')
    // Tiny articles of random characters: thousands of distinct grams, so the merge tables grow and rehash.
    generateTinyCorpus(input, 240)
    const expected = new Map<string, number[]>()
    const sources = readdirSync(input, { recursive: true }).map(String).filter((f) => f.endsWith('.txt'))
    const gramsById = new Map<string, string[]>()
    const flagsById = new Map<string, Uint8Array>()
    const expectedFlags = new Map<string, number[]>()
    for (const source of sources) {
      const result = buildArticle(readFileSync(join(input, source)), source)
      if (result.ok) {
        gramsById.set(result.built.entry.id, result.built.grams)
        flagsById.set(result.built.entry.id, result.built.gramFlags)
      }
    }
    let inMemory = new Map<number, string>()
    for (const workers of [0, 2]) {
      const out = join(root, `out-${workers}`)
      await run(input, out, workers)
      const manifest = readJson<Manifest>(join(out, MANIFEST_FILE))
      expect(manifest.search.buckets).toBe(32) // 4 spill partitions
      if (workers === 0) {
        const ids = manifest.shards.flatMap((shard) => readJson<IndexShard>(join(out, shard.file)).entries.map((e) => e.id))
        // Posting numbers count oldest first (listPlace).
        ;[...ids].reverse().forEach((id, number) => {
          gramsById.get(id)!.forEach((gram, i) => {
            ;(expected.get(gram) ?? expected.set(gram, []).get(gram)!).push(number)
            ;(expectedFlags.get(gram) ?? expectedFlags.set(gram, []).get(gram)!).push(flagsById.get(id)![i]!)
          })
        })
        // The app's test fixtures build their buckets this way (src/features/articles/fixtures/bundle.ts).
        inMemory = searchBucketFiles(ids.map((id) => ({ grams: gramsById.get(id)!, flags: flagsById.get(id)! })), manifest.search.buckets)
      }
      const actual = new Map<string, number[]>()
      const actualFlags = new Map<string, number[]>()
      for (let b = 0; b < manifest.search.buckets; b++) {
        expect(readFileSync(join(out, searchBucketPath(b)), 'utf8'), `bucket ${b}`).toBe(inMemory.get(b))
        for (const [gram, deltas] of Object.entries(readJson<SearchBucket>(join(out, searchBucketPath(b))))) {
          expect(gramBucket(gram, manifest.search.buckets)).toBe(b)
          actual.set(gram, decodePostings(deltas))
          actualFlags.set(gram, decodeFlags(deltas))
        }
      }
      expect(actual.size).toBe(expected.size)
      for (const [gram, numbers] of expected) expect(actual.get(gram), gram).toEqual(numbers)
      for (const [gram, flags] of expectedFlags) expect(actualFlags.get(gram), gram).toEqual(flags)
    }
  }, WITH_WORKERS)

  it('leaves the previous bundle intact when the search merge fails (an unreadable spill file is an error)', async () => {
    const { root, out, intact } = await previousBundle()
    const work = join(root, 'tmp')
    mkdirSync(work)
    await expect(
      ingest({
        inDir: fixturesDir,
        outDir: out,
        workers: 0,
        workRoot: work,
        onLog: (message) => {
          if (!message.includes('articles built')) return
          // Spills are written; make partition 0 unreadable (a folder: EISDIR) just before the merge.
          const [spill] = readdirSync(work)
          rmSync(join(work, spill!, 'postings-0-main.txt'))
          mkdirSync(join(work, spill!, 'postings-0-main.txt'))
        },
      }),
    ).rejects.toThrow(/EISDIR/)
    intact()
    expect(readdirSync(root).sort()).toEqual(['data', 'tmp'])
    expect(readdirSync(work)).toEqual([])
  })

  it('leaves the previous bundle intact when a run fails midway', async () => {
    const { root, out, intact } = await previousBundle()
    await expect(
      ingest({
        inDir: fixturesDir,
        outDir: out,
        workers: 0,
        onProgress: (done) => {
          if (done === 8) throw new Error('disk full')
        },
      }),
    ).rejects.toThrow('disk full')
    intact()
    expect(readdirSync(join(out, ARTICLE_DIR))).toHaveLength(5)
    expect(readdirSync(root)).toEqual(['data']) // no staging or work folders left behind
  })

  it('rejects a missing input folder as a usage error', async () => {
    await expect(ingest({ inDir: join(tempDir(), 'nope'), outDir: join(tempDir(), 'out') })).rejects.toBeInstanceOf(UsageError)
  })
})
