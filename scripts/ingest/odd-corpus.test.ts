// The ingest never crashes on any input: odd files are named and skipped, everything else comes out.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ARTICLE_DIR, MANIFEST_FILE, type Article, type Manifest } from '../../src/types/data'
import { generateTinyCorpus } from '../bench/ingest-bench'
import { ingest } from './write-bundle'

const temp = mkdtempSync(join(tmpdir(), 'ingest-odd-'))
afterAll(() => rmSync(temp, { recursive: true, force: true }))

const article = (n: number, body: string, title = `文章 ${n}`) =>
  `<!--${1_600_000_000_000 + n * 60_000}-->\n[${title}](https://odd.example/${n})\n------\n${body}\n`

async function run(input: string, out: string, workers?: number) {
  const problems: string[] = []
  const summary = await ingest({ inDir: input, outDir: out, workers, onProblem: (source, reason) => problems.push(`${source}: ${reason}`) })
  return { summary, problems }
}

describe('a corpus of odd files', () => {
  it('names and skips binary and junk files, and keeps huge, deep and oddly named articles', async () => {
    const input = join(temp, 'odd')
    mkdirSync(join(input, 'ünïcödé 目录'), { recursive: true })
    const random = Buffer.alloc(64 * 1024)
    for (let i = 0; i < random.length; i++) random[i] = (i * 7919) % 251
    writeFileSync(join(input, 'binary.txt'), random)
    writeFileSync(join(input, 'zero.txt'), '')
    writeFileSync(join(input, 'junk.md'), 'just some words\nno header at all\n')
    writeFileSync(join(input, 'image.jpg'), random) // not *.txt or *.md: ignored
    const paragraph = '<p>' + '很长的文章。'.repeat(100) + '</p>'
    writeFileSync(join(input, 'huge.txt'), article(1, paragraph.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(paragraph)))))
    writeFileSync(join(input, 'deep.txt'), article(2, '<div>'.repeat(50_000) + '<p>最深处</p>' + '</div>'.repeat(50_000)))
    writeFileSync(join(input, 'unclosed.txt'), article(3, '<div><p><b><i>没有闭合的标签'.repeat(2000)))
    writeFileSync(join(input, 'name with spaces.txt'), article(4, '<p>空格</p>'))
    writeFileSync(join(input, 'ünïcödé 目录', '文章 #1 (副本).md'), article(5, '<p>非 ASCII 文件名</p>'))

    const out = join(temp, 'odd-out')
    const { summary, problems } = await run(input, out)
    expect(problems).toEqual(['binary.txt: not a text file (binary data)', 'junk.md: no title line ([title](url))', 'zero.txt: empty file'])
    expect(summary).toMatchObject({ articles: 5, problems: 3, ignored: 1 })

    const articles = readdirSync(join(out, ARTICLE_DIR)).map((f) => JSON.parse(readFileSync(join(out, ARTICLE_DIR, f), 'utf8')) as Article)
    const bySource = new Map(articles.map((a) => [a.source, a]))
    expect([...bySource.keys()].sort()).toEqual(['deep.txt', 'huge.txt', 'name with spaces.txt', 'unclosed.txt', 'ünïcödé 目录/文章 #1 (副本).md'])
    expect(bySource.get('huge.txt')!.chars).toBeGreaterThan(1_500_000)
    expect(bySource.get('huge.txt')!.readingMinutes).toBeGreaterThan(4000)
    expect(bySource.get('deep.txt')!.html).toContain('最深处')
    expect(bySource.get('unclosed.txt')!.html).toContain('没有闭合的标签')
  }, 60_000)

  // The same files as `npm run bench:ingest -- --tiny 100000` (the scale run), on two worker threads.
  it('handles thousands of tiny files on worker threads, naming the bad ones', async () => {
    const input = join(temp, 'tiny')
    const bad = generateTinyCorpus(input, 2000)
    const out = join(temp, 'tiny-out')
    const { summary, problems } = await run(input, out, 2)
    expect(summary).toMatchObject({ files: 2000, articles: 2000 - bad, problems: bad, duplicates: 0 })
    expect(problems).toEqual(['0/999.txt: not a text file (binary data)', '1/1999.txt: not a text file (binary data)'])
    const manifest = JSON.parse(readFileSync(join(out, MANIFEST_FILE), 'utf8')) as Manifest
    expect(manifest.shards.reduce((sum, shard) => sum + shard.count, 0)).toBe(2000 - bad)
    expect(manifest.search.buckets).toBe(256)
  }, 60_000) // two worker threads each load tsx and compile the ingest: seconds on a busy 2-core machine
})
