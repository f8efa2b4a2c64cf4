// Stories in the written bundle: the seeds' one story end to end, stable ids, the bundle checks.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { articlePath, MANIFEST_FILE, STORY_DIR, STORY_ID, storyPath, type Article, type IndexShard, type Manifest, type Story } from '../../src/types/data'
import { storyId } from './stories'
import { ingest } from './write-bundle'

const seedsDir = new URL('../../seeds/', import.meta.url).pathname
const temps: string[] = []
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'stories-test-'))
  temps.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true })
})
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T
/** The path of shard n as the manifest names it (its name carries its content hash). */
const shardFile = (out: string, n: number) => join(out, readJson<Manifest>(join(out, MANIFEST_FILE)).shards[n]!.file)
const BBC = 'bbc-r27miehhcxnd'
const VOA = 'voa-g46mmfnjudrq'

describe('stories in the bundle', () => {
  it("makes BBC's and VOA's reports of the 2023-03-21 Xi–Putin summit one story, and no other pair", async () => {
    const out = join(tempDir(), 'data')
    const summary = await ingest({ inDir: seedsDir, outDir: out, workers: 0 })
    expect(summary.stories).toBe(1)
    const files = readdirSync(join(out, STORY_DIR))
    const id = storyId([VOA, BBC])
    expect(id).toMatch(STORY_ID)
    expect(files).toEqual([`${id}.json`])

    const story = readJson<Story>(join(out, storyPath(id)))
    expect(story.members.map((m) => [m.id, m.outlet, m.publishedAt])).toEqual([
      [BBC, 'bbc', '2023-03-21T19:13:04.000Z'], // the first report
      [VOA, 'voa', '2023-03-21T20:39:04.000Z'],
    ])
    expect(story.members[0]!.title).toBe('习近平普京峰会：中俄元首同意“通过和谈解决乌克兰危机”')
    expect(story.absent).toEqual([]) // no other outlet published within 3 days

    const ref = { id, size: 2, outlets: ['bbc', 'voa'] }
    const march = readJson<IndexShard>(shardFile(out, 2))
    expect(march.entries.map((entry) => entry.story)).toEqual([ref, ref])
    expect(readJson<Article>(join(out, articlePath(BBC))).story).toEqual(ref)
    expect(readJson<Article>(join(out, articlePath(VOA))).story).toEqual(ref)
    expect(readJson<Article>(join(out, articlePath('dw-gsl654v6q2uw')))).not.toHaveProperty('story')
    const others = [0, 1, 3].flatMap((shard) => readJson<IndexShard>(shardFile(out, shard)).entries)
    expect(others.filter((entry) => entry.story)).toEqual([])
  })

  it('keeps the story id across rebuilds while the members stay, and changes it when they change', async () => {
    const root = tempDir()
    const archive = join(root, 'archive')
    cpSync(seedsDir, archive, { recursive: true })
    const out = join(root, 'data')
    await ingest({ inDir: archive, outDir: out, workers: 0 })
    const before = readdirSync(join(out, STORY_DIR))
    // An unrelated article elsewhere in time, and the files moved: the story is the same.
    cpSync(join(archive, '000_6f4c08849148a934.txt'), join(archive, 'moved.txt'))
    rmSync(join(archive, '000_6f4c08849148a934.txt'))
    await ingest({ inDir: archive, outDir: out, workers: 0 })
    expect(readdirSync(join(out, STORY_DIR))).toEqual(before)

    // A third report of the summit joins: a new membership, a new id.
    const bbc = readFileSync(join(archive, '001_bb0b5fb7450fe185.txt'), 'utf8')
    writeFileSync(join(archive, 'reprint.txt'), bbc.replace('https://www.bbc.com/zhongwen/simp/chinese-news-65032731', 'https://www.rfi.fr/cn/summit-reprint'))
    await ingest({ inDir: archive, outDir: out, workers: 0 })
    const [after, ...more] = readdirSync(join(out, STORY_DIR))
    expect(more).toEqual([])
    expect(after).not.toBe(before[0])
    expect(readJson<Story>(join(out, STORY_DIR, after!)).members.map((m) => m.outlet)).toEqual(['bbc', 'rfi', 'voa'])
  })

  it('writes no story without clustering (the benchmark baseline)', async () => {
    const out = join(tempDir(), 'data')
    const summary = await ingest({ inDir: seedsDir, outDir: out, workers: 0, stories: false })
    expect(summary.stories).toBe(0)
    expect(readdirSync(join(out, STORY_DIR))).toEqual([])
    expect(readJson<Article>(join(out, articlePath(BBC)))).not.toHaveProperty('story')
  })

  it('replaces a bundle with stories, and refuses one whose stories folder holds a stranger', async () => {
    const out = join(tempDir(), 'data')
    await ingest({ inDir: seedsDir, outDir: out, workers: 0 })
    await ingest({ inDir: seedsDir, outDir: out, workers: 0 })
    writeFileSync(join(out, STORY_DIR, 'notes.txt'), 'mine')
    await expect(ingest({ inDir: seedsDir, outDir: out, workers: 0 })).rejects.toThrow(`holds ${STORY_DIR}/notes.txt`)
  })
})
