// Incremental runs: the cache spares parsing unchanged files, unchanged bundle files keep their inode
// and mtime, and an edit or a removal reaches every file that depends on it.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { foldScript } from '../../src/lib/fold-script'
import { decodePostings, gramBucket, queryGrams } from '../../src/lib/search-grams'
import { articlePath, listPlace, MANIFEST_FILE, searchBucketPath, STORY_DIR, storyPath, type Article, type IndexShard, type Manifest, type SearchBucket, type Story } from '../../src/types/data'
import { generateTinyCorpus } from '../bench/ingest-bench'
import { storyId } from './stories'
import { ingest, type IngestOptions } from './write-bundle'

const seedsDir = new URL('../../seeds/', import.meta.url).pathname
const temps: string[] = []
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const BBC = 'bbc-r27miehhcxnd'
const VOA = 'voa-g46mmfnjudrq'
const DW = 'dw-gsl654v6q2uw'
const BBC_FILE = '001_bb0b5fb7450fe185.txt'
const VOA_FILE = '003_050e39a74adabfee.txt'
/** Worker threads each load tsx and compile the ingest first: seconds on a busy 2-core machine. */
const WITH_WORKERS = 30_000

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T

/** An archive (the seeds and, optionally, tiny articles so there are several search buckets) with its bundle and cache. */
function setup(tiny = 0) {
  const root = mkdtempSync(join(tmpdir(), 'ingest-incremental-'))
  temps.push(root)
  const archive = join(root, 'archive')
  cpSync(seedsDir, archive, { recursive: true })
  if (tiny > 0) generateTinyCorpus(join(archive, 'tiny'), tiny)
  const out = join(root, 'data')
  const cacheDir = join(root, 'cache')
  const notices: string[] = []
  const build = (more: Partial<IngestOptions> = {}) => ingest({ inDir: archive, outDir: out, cacheDir, workers: 0, onNotice: (message) => notices.push(message), ...more })
  return { root, archive, out, cacheDir, notices, build }
}

/** Every file of the bundle: path -> inode and mtime. */
function identities(out: string): Map<string, string> {
  const files = new Map<string, string>()
  for (const path of readdirSync(out, { recursive: true }) as string[]) {
    const info = statSync(join(out, path))
    if (info.isFile()) files.set(path, `${info.ino}@${info.mtimeMs}`)
  }
  return files
}

function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()])
  return [...paths].filter((path) => before.get(path) !== after.get(path)).sort()
}

function manifestOf(out: string): Manifest {
  return readJson<Manifest>(join(out, MANIFEST_FILE))
}

function entriesOf(out: string) {
  return manifestOf(out).shards.flatMap((shard) => readJson<IndexShard>(join(out, shard.file)).entries)
}

function bucketFileOf(out: string, gram: string): string {
  const { search } = manifestOf(out)
  return searchBucketPath(gramBucket(gram, search.buckets), search.file)
}

function search(out: string, query: string): string[] {
  const entries = entriesOf(out)
  let hits: Set<number> | undefined
  for (const gram of queryGrams(foldScript(query))) {
    const numbers = new Set(decodePostings(readJson<SearchBucket>(join(out, bucketFileOf(out, gram)))[gram] ?? []))
    hits = hits ? new Set([...hits].filter((n) => numbers.has(n))) : numbers
  }
  return [...(hits ?? [])].map((n) => entries[listPlace(n, entries.length)]!.id).sort()
}

/** Every file of a bundle and its bytes. */
function bundleFiles(out: string): Map<string, string> {
  const files = new Map<string, string>()
  for (const path of (readdirSync(out, { recursive: true }) as string[]).sort()) {
    if (statSync(join(out, path)).isFile()) files.set(path, readFileSync(join(out, path), 'utf8'))
  }
  return files
}

/** The bundle a full build (a fresh --out, no cache) writes of the same archive. */
async function fullBuildOf(archive: string, root: string): Promise<Map<string, string>> {
  const out = mkdtempSync(join(root, 'full-'))
  await ingest({ inDir: archive, outDir: join(out, 'data'), workers: 0 })
  return bundleFiles(join(out, 'data'))
}

/** Articles of a day after every other article of setup()'s archive, as an archive grows daily. */
function addNewer(archive: string, count: number, first = 0): void {
  mkdirSync(join(archive, 'new'), { recursive: true })
  for (let i = first; i < first + count; i++) {
    const body = Array.from({ length: 30 }, (_, k) => '中国俄罗斯乌克兰和谈普京外长会见峰会'[(i * 7 + k * 3) % 18]).join('')
    writeFileSync(join(archive, 'new', `${i}.txt`), `<!--${1_800_000_000_000 + i * 60_000}-->\n[新闻 ${i}](https://new.example/${i})\n------\n<p>${body}新词${i}号。</p>\n`)
  }
}

describe('incremental search merge', () => {
  it('writes the bundle a full build writes, after adding newer files, editing, removing and backfilling', async () => {
    const { root, archive, out, cacheDir, build } = setup(300)
    await build()
    await build()
    const logs: string[] = []
    const step = async () => {
      logs.length = 0
      await build({ onLog: (message) => logs.push(message) })
      expect(bundleFiles(out)).toEqual(await fullBuildOf(archive, root))
      return logs.find((line) => line.includes('search buckets'))!
    }
    // The replaced bundle's article, text and bucket folders wait in the cache as the next run's start (output-folder.ts).
    expect(readdirSync(join(cacheDir, 'spare')).sort()).toEqual(['articles', 'search', 'text'])
    addNewer(archive, 20)
    // The 300 tiny and 5 seed articles keep their numbers: only the 20 new ones' postings are merged in.
    expect(await step()).toContain('postings added to 32 search buckets (articles 0..304 as in the last run)')
    expect(search(out, '新词7号')).toEqual([entriesOf(out).find((entry) => entry.title === '新闻 7')!.id])
    writeFileSync(join(archive, BBC_FILE), readFileSync(join(archive, BBC_FILE), 'utf8').replace('<p>', '<p>鳕鱼罐头。'))
    expect(await step()).toContain('postings added') // from the edited article on
    expect(search(out, '鳕鱼罐头')).toEqual([BBC])
    rmSync(join(archive, VOA_FILE))
    expect(await step()).toContain('postings added')
    expect(search(out, '撤军')).not.toContain(VOA)
    rmSync(join(archive, 'tiny', '0', '0.txt')) // the oldest article: every number changes
    expect(await step()).toMatch(/^\d+ postings in 32 search buckets$/)
    writeFileSync(join(archive, 'old.txt'), `<!--1000000000000-->\n[旧闻](https://old.example/1)\n------\n<p>补录的旧文章。</p>\n`)
    expect(await step()).toMatch(/^\d+ postings in 32 search buckets$/)
    addNewer(archive, 5, 20)
    expect(await step()).toContain('postings added')
  })

  it('gives carried article files an outlet name from labels, and takes it away, as a full build does', async () => {
    const { root, archive, out, build } = setup()
    const blog = (name: string, time: number, labels: boolean) =>
      writeFileSync(
        join(archive, name),
        `---\ntitle: 博客${name}\ndate: ${new Date(time).toISOString()}\nfrom: https://blog.example.net/${name}\n${labels ? 'categories: [某某评论]\n' : ''}---\n<p>博客正文${name}。</p>\n`,
      )
    blog('b1.txt', 1_800_000_000_000, true)
    blog('b2.txt', 1_800_000_060_000, true)
    blog('b3.txt', 1_800_000_120_000, false)
    await build()
    const nameOf = (file: string) => readJson<Article>(join(out, articlePath(entriesOf(out).find((entry) => entry.title === `博客${file}`)!.id))).outlet.name
    expect(nameOf('b3.txt')).toBe('某某评论')
    blog('b4.txt', 1_800_000_180_000, false)
    blog('b5.txt', 1_800_000_240_000, false) // 2 of 5 agree: no name
    await build()
    expect(bundleFiles(out)).toEqual(await fullBuildOf(archive, root))
    expect(nameOf('b1.txt')).toBe('example.net')
    blog('b6.txt', 1_800_000_300_000, true)
    blog('b7.txt', 1_800_000_360_000, true) // 4 of 7
    await build()
    expect(bundleFiles(out)).toEqual(await fullBuildOf(archive, root))
    expect(nameOf('b3.txt')).toBe('某某评论')
  })

  it('sets a damaged search state aside, names it, and merges in full', async () => {
    const { root, archive, out, cacheDir, notices, build } = setup(300)
    await build()
    addNewer(archive, 3)
    const state = join(cacheDir, 'search-state.txt')
    const damaged = readFileSync(state, 'utf8').slice(0, 500)
    writeFileSync(state, damaged)
    await build()
    expect(notices).toHaveLength(1)
    expect(notices[0]).toContain(`search state ${state} is cut short (no end line); set aside as `)
    const aside = /set aside as (\S+),/.exec(notices[0]!)![1]!
    expect(readFileSync(aside, 'utf8')).toBe(damaged) // kept for a look, never deleted
    expect(bundleFiles(out)).toEqual(await fullBuildOf(archive, root))
    addNewer(archive, 3, 3)
    const logs: string[] = []
    await build({ onLog: (message) => logs.push(message) }) // the fresh state is trusted again
    expect(logs.some((line) => line.includes('postings added'))).toBe(true)
    expect(readFileSync(aside, 'utf8')).toBe(damaged)
  })

  it('sets a damaged run summary aside, names it, and reads the cache entries instead', async () => {
    const { root, archive, out, cacheDir, notices, build } = setup(300)
    await build()
    addNewer(archive, 3)
    const summary = join(cacheDir, 'summary.txt')
    const damaged = readFileSync(summary, 'utf8').slice(0, 2000)
    writeFileSync(summary, damaged)
    expect((await build()).parsed).toBe(3)
    expect(notices).toHaveLength(1)
    expect(notices[0]).toContain(`run summary ${summary} is cut short (no end line); set aside as `)
    const aside = /set aside as (\S+),/.exec(notices[0]!)![1]!
    expect(readFileSync(aside, 'utf8')).toBe(damaged)
    expect(bundleFiles(out)).toEqual(await fullBuildOf(archive, root))
    // A line that does not parse is not trusted either: that file's entry is read.
    const lines = readFileSync(summary, 'utf8').split('\n')
    const at = lines.findIndex((line) => /^[0-9a-f]{64}\t\{/.test(line))
    lines[at] = lines[at]!.replace('\t{', '\t{broken')
    writeFileSync(summary, lines.join('\n'))
    addNewer(archive, 3, 3)
    expect((await build()).parsed).toBe(3)
    expect(bundleFiles(out)).toEqual(await fullBuildOf(archive, root))
  })

  it('never writes into a file the current bundle shares with a stage started from the spare', async () => {
    const { archive, out, build } = setup(300)
    await build()
    await build() // nothing changed: the new bundle's files are the old ones, and so the spare's
    const before = identities(out)
    const texts = new Map([...before.keys()].map((path) => [path, readFileSync(join(out, path), 'utf8')]))
    addNewer(archive, 3)
    writeFileSync(join(archive, BBC_FILE), readFileSync(join(archive, BBC_FILE), 'utf8').replace('<p>', '<p>鳕鱼罐头。'))
    const failing = build({
      onLog: (message) => {
        if (message.includes('carried over')) throw new Error('disk full')
      },
    })
    await expect(failing).rejects.toThrow('disk full')
    expect(changedFiles(before, identities(out))).toEqual([])
    for (const [path, text] of texts) expect(readFileSync(join(out, path), 'utf8'), path).toBe(text)
  })

  it('starts from fresh folders when the spare is not whole', async () => {
    const { root, archive, out, cacheDir, build } = setup(300)
    await build()
    await build()
    rmSync(join(cacheDir, 'spare', 'text'), { recursive: true }) // a cache tidied by hand
    rmSync(join(archive, VOA_FILE))
    await build()
    expect(bundleFiles(out)).toEqual(await fullBuildOf(archive, root))
  })

  it.each([0, 2])('does not start from a bucket file that changed since the last run (workers %i)', { timeout: WITH_WORKERS }, async (workers) => {
    const { root, archive, out, notices, build } = setup(300)
    await build({ workers })
    const bucket = join(out, searchBucketPath(0))
    writeFileSync(bucket, '{}') // a hand edit, or a partial sync
    addNewer(archive, 3)
    await build({ workers })
    expect(notices).toEqual([`search bucket ${bucket} is not the file the last run wrote; the search index was merged in full`])
    expect(bundleFiles(out)).toEqual(await fullBuildOf(archive, root))
  })
})

describe('incremental ingest', () => {
  it('parses no file and rewrites no bundle file when the archive did not change', async () => {
    const { out, build } = setup(300)
    const first = await build()
    expect(first.parsed).toBe(first.files)
    const before = identities(out)
    const second = await build()
    expect(second.parsed).toBe(0)
    expect(second.written).toBe(0)
    expect(second.kept).toBe(before.size)
    expect(changedFiles(before, identities(out))).toEqual([])
  })

  it('does the same with worker threads, which then build only the changed files and splice the buckets', { timeout: WITH_WORKERS }, async () => {
    const { root, archive, out, build } = setup(300)
    await build({ workers: 2 })
    const before = identities(out)
    const second = await build({ workers: 2 })
    expect(second.parsed).toBe(0)
    expect(changedFiles(before, identities(out))).toEqual([])
    const tinyHits = search(out, entriesOf(out).find((entry) => entry.id.startsWith('odd'))!.title.split(' ')[0]!)
    writeFileSync(join(archive, BBC_FILE), readFileSync(join(archive, BBC_FILE), 'utf8').replace('<p>', '<p>鳕鱼罐头。'))
    const third = await build({ workers: 2 })
    expect(third.parsed).toBe(1)
    // The search buckets were spliced in the workers while the main thread clustered: a full build's bytes.
    expect(bundleFiles(out)).toEqual(await fullBuildOf(archive, root))
    // Postings spilled by a worker (the edit) and by the main thread (the cached files) are merged alike.
    expect(search(out, '鳕鱼罐头')).toEqual([BBC])
    expect(search(out, entriesOf(out).find((entry) => entry.id.startsWith('odd'))!.title.split(' ')[0]!)).toEqual(tinyHits)
  })

  it('rebuilds the article, its shard, the buckets of its words and its story when one file is edited, and keeps the rest', async () => {
    const { archive, out, build } = setup(300)
    await build()
    const before = identities(out)
    const story = storyPath(storyId([VOA, BBC]))
    const bbc = readFileSync(join(archive, BBC_FILE), 'utf8')
    // A new title (the story lists it) and a word no other article has.
    writeFileSync(join(archive, BBC_FILE), bbc.replace('习近平普京峰会：', '习近平普京峰会（更新）：').replace('<p>', '<p>鳕鱼罐头。'))
    const summary = await build()
    expect(summary.parsed).toBe(1)

    const changed = changedFiles(before, identities(out))
    expect(changed).toContain(articlePath(BBC))
    expect(changed).toContain(story)
    expect(changed).toContain(MANIFEST_FILE) // it names the new shard file
    const shardFile = manifestOf(out).shards.find((shard) => shard.month === '2023-03')!.file
    expect(changed).toContain(shardFile)
    expect(changed).toContain(bucketFileOf(out, '鳕鱼'))
    expect(changed).not.toContain(articlePath(DW))
    expect(changed).not.toContain(articlePath(VOA)) // its story ref (id, size, outlets) did not change
    // Most of the bundle is carried over: 300 tiny articles and their shards did not change.
    expect(summary.kept).toBeGreaterThan(300)

    expect(readJson<Article>(join(out, articlePath(BBC))).title).toBe('习近平普京峰会（更新）：中俄元首同意“通过和谈解决乌克兰危机”')
    expect(entriesOf(out).find((entry) => entry.id === BBC)!.title).toContain('（更新）')
    expect(readJson<Story>(join(out, story)).members[0]!.title).toContain('（更新）')
    expect(search(out, '鳕鱼罐头')).toEqual([BBC])
  })

  it('removes a deleted file from the lists, the search, its story and the articles', async () => {
    const { archive, out, build } = setup()
    await build()
    const voaWord = '撤军'
    expect(search(out, voaWord)).toContain(VOA)
    rmSync(join(archive, VOA_FILE))
    const summary = await build()
    expect(summary.parsed).toBe(0)
    expect(summary.articles).toBe(4)
    expect(manifestOf(out).articleCount).toBe(4)
    expect(entriesOf(out).map((entry) => entry.id)).not.toContain(VOA)
    expect(readdirSync(join(out, 'articles'))).not.toContain(`${VOA}.json`)
    expect(search(out, voaWord)).not.toContain(VOA)
    expect(readdirSync(join(out, STORY_DIR))).toEqual([]) // a story of one is no story
    expect(readJson<Article>(join(out, articlePath(BBC)))).not.toHaveProperty('story')
    expect(entriesOf(out).find((entry) => entry.id === BBC)).not.toHaveProperty('story')
  })

  it('keeps an alias in step with the article it copies, and drops it with the newer version', async () => {
    const { root, out, build } = setup()
    const archive = join(root, 'variants')
    mkdirSync(archive)
    const write = (name: string, time: number, url: string, body: string) =>
      writeFileSync(join(archive, name), `<!--${time}-->\n[同一篇](${url})\n------\n<p>${body}</p>\n`)
    write('old.txt', 1679425984000, 'http://www.example.com/news/a-1', '旧版正文。')
    write('new.txt', 1679429584000, 'https://www.example.com/news/a-1', '新版正文。')
    const run = () => build({ inDir: archive })
    await run()
    const [first, second] = readdirSync(join(out, 'articles')).map((name) => readFileSync(join(out, 'articles', name), 'utf8'))
    expect(first).toBe(second) // the older spelling's id opens the newer version
    expect(first).toContain('新版')

    write('new.txt', 1679429584000, 'https://www.example.com/news/a-1', '新版正文，改过。')
    await run()
    const copies = readdirSync(join(out, 'articles')).map((name) => readFileSync(join(out, 'articles', name), 'utf8'))
    expect(copies).toHaveLength(2)
    for (const copy of copies) expect(copy).toContain('改过')

    rmSync(join(archive, 'new.txt'))
    const summary = await run()
    expect(summary.articles).toBe(1)
    const left = readdirSync(join(out, 'articles'))
    expect(left).toHaveLength(1)
    expect(readJson<Article>(join(out, 'articles', left[0]!)).html).toContain('旧版')
    expect(entriesOf(out)[0]).not.toHaveProperty('aliases')
  })

  it('leaves the previous bundle as it was when a run fails after linking its files', async () => {
    const { archive, out, build } = setup()
    const voa = readFileSync(join(archive, VOA_FILE), 'utf8')
    rmSync(join(archive, VOA_FILE))
    await build()
    const bbcBefore = readFileSync(join(out, articlePath(BBC)), 'utf8')
    const before = identities(out)
    writeFileSync(join(archive, VOA_FILE), voa) // BBC's article joins a story: its linked file must not be written into
    const failing = build({
      onLog: (message) => {
        if (message.includes('carried over')) throw new Error('disk full')
      },
    })
    await expect(failing).rejects.toThrow('disk full')
    expect(readFileSync(join(out, articlePath(BBC)), 'utf8')).toBe(bbcBefore)
    expect(changedFiles(before, identities(out))).toEqual([])
    await build()
    expect(readJson<Article>(join(out, articlePath(BBC))).story?.size).toBe(2)
  })

  it('leaves the previous bundle as it was when a run that replaced a version or an alias fails', async () => {
    const { root, out, build } = setup()
    const archive = join(root, 'versions')
    mkdirSync(archive)
    const write = (name: string, time: number, url: string, body: string) =>
      writeFileSync(join(archive, name), `<!--${time}-->\n[同一篇](${url})\n------\n<p>${body}</p>\n`)
    // Same spelling (one id) and another spelling (an alias): both older versions are read first.
    write('a-1.txt', 1679425984000, 'https://www.example.com/news/a-1', '旧版正文。')
    write('b-1.txt', 1679425984000, 'http://www.example.com/news/b-1', '旧版正文。')
    await build({ inDir: archive })
    const before = identities(out)
    const texts = new Map([...before.keys()].map((path) => [path, readFileSync(join(out, path), 'utf8')]))
    write('a-2.txt', 1679429584000, 'https://www.example.com/news/a-1', '新版正文。')
    write('b-2.txt', 1679429584000, 'https://www.example.com/news/b-1', '新版正文。')
    const failing = build({
      inDir: archive,
      onLog: (message) => {
        if (message.includes('carried over')) throw new Error('disk full')
      },
    })
    await expect(failing).rejects.toThrow('disk full')
    expect(changedFiles(before, identities(out))).toEqual([])
    for (const [path, text] of texts) expect(readFileSync(join(out, path), 'utf8')).toBe(text)
    await build({ inDir: archive })
    for (const name of readdirSync(join(out, 'articles'))) expect(readFileSync(join(out, 'articles', name), 'utf8')).toContain('新版')
  })

  it('sets a corrupt cache entry aside, names it, and parses the file again', async () => {
    const { out, cacheDir, notices, build } = setup()
    await build()
    const bundle = readFileSync(join(out, articlePath(DW)), 'utf8')
    const entries = (readdirSync(cacheDir, { recursive: true }) as string[]).filter((path) => path.endsWith('.entry')).sort()
    expect(entries).toHaveLength(5)
    const entry = join(cacheDir, entries[0]!)
    const broken = readFileSync(entry, 'utf8').slice(0, 100) // a write cut short
    writeFileSync(entry, broken)
    // With the run summary an unchanged file's entry is not read at all; without it, every entry is.
    expect((await build()).parsed).toBe(0)
    expect(notices).toEqual([])
    rmSync(join(cacheDir, 'summary.txt'))

    const before = identities(out)
    const summary = await build()
    expect(summary.parsed).toBe(1)
    expect(notices).toHaveLength(1)
    const aside = /set aside as (\S+),/.exec(notices[0]!)?.[1]
    expect(notices[0]).toContain(`cache entry ${entry} is cut short (no end line)`)
    expect(readFileSync(aside!, 'utf8')).toBe(broken) // kept for a look, never deleted
    expect(readFileSync(entry, 'utf8')).not.toBe(broken) // a fresh entry in its place
    expect(changedFiles(before, identities(out))).toEqual([]) // the same result, so the same bundle
    expect(readFileSync(join(out, articlePath(DW)), 'utf8')).toBe(bundle)

    // The next run trusts the fresh entry and leaves the set-aside one alone.
    expect((await build()).parsed).toBe(0)
    expect(readFileSync(aside!, 'utf8')).toBe(broken)
  })

  it('finds a touched file by its content, and runs on when the stamps file is damaged', async () => {
    const { archive, cacheDir, out, build } = setup()
    await build()
    const before = identities(out)
    utimesSync(join(archive, BBC_FILE), new Date(2030, 0, 1), new Date(2030, 0, 1)) // a new stamp, the same bytes
    expect((await build()).parsed).toBe(0)
    writeFileSync(join(cacheDir, 'stamps.jsonl'), 'garbage')
    expect((await build()).parsed).toBe(0) // every file read and hashed instead
    expect(changedFiles(before, identities(out))).toEqual([])
  })

  it('refuses a cache inside the output folder, which the swap replaces', async () => {
    const { out, build } = setup()
    await expect(build({ cacheDir: join(out, 'cache') })).rejects.toThrow('--cache must not be inside --out')
  })

  it('does not trust an entry of another file with the same content', async () => {
    const { archive, build } = setup()
    await build()
    cpSync(join(archive, BBC_FILE), join(archive, 'copy.txt'))
    const summary = await build()
    expect(summary.parsed).toBe(1) // the copy: its source path is part of the article, so of the key
    expect(summary.duplicates).toBe(1)
  })
})
