// The same article saved under several spellings of its URL is one article in the bundle.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { ARTICLE_DIR } from '../../src/types/data'
import { ingest } from './write-bundle'

const temps: string[] = []
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true })
})

it('keeps one article of a URL saved as http, https, www., a trailing dot or slash, escaped and reordered', async () => {
  const root = mkdtempSync(join(tmpdir(), 'ingest-variants-'))
  temps.push(root)
  const input = join(root, 'in')
  mkdirSync(input)
  const spellings = [
    'https://www.example.com/news/a-1?id=7&page=2',
    'http://www.example.com/news/a-1?id=7&page=2',
    'https://example.com/news/a-1/?id=7&page=2',
    'https://www.example.com./news/%61-1?page=2&id=7',
    'https://reader:secret@www.example.com/news/a-1?id=7&page=2&utm_source=rss',
  ]
  spellings.forEach((url, index) => writeFileSync(join(input, `${index}.txt`), `<!--1679425984000-->\n[同一篇](${url})\n------\n<p>正文。</p>\n`))
  const problems: string[] = []
  const summary = await ingest({ inDir: input, outDir: join(root, 'out'), workers: 0, onProblem: (source, reason) => problems.push(`${source}: ${reason}`) })
  expect(summary.articles).toBe(1)
  expect(problems).toEqual(['1.txt: duplicate of 0.txt', '2.txt: duplicate of 0.txt', '3.txt: duplicate of 0.txt', '4.txt: duplicate of 0.txt'])
  // One article; each other spelling's id is an alias file holding it, so a bookmark of it opens it.
  const files = readdirSync(join(root, 'out', ARTICLE_DIR))
  expect(files).toHaveLength(spellings.length - 1) // the last spelling shares the first one's id (credentials and utm_* drop out)
  const [kept, ...aliases] = files.map((file) => readFileSync(join(root, 'out', ARTICLE_DIR, file), 'utf8'))
  for (const alias of aliases) expect(alias).toBe(kept)
})
