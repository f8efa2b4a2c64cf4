// Search finds exactly the text: the index (trigrams) and the exact check on the search text files
// agree with a plain substring search over the folded text, on a crafted corpus of near misses.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { matchingNumbers } from '../../src/features/articles/search-numbers'
import { foldScript } from '../../src/lib/fold-script'
import { matchesQuery, searchText } from '../../src/lib/search-match'
import { foldQuery, parseQuery } from '../../src/lib/search-query'
import { MANIFEST_FILE, searchBucketPath, searchTextPath, type IndexShard, type Manifest, type SearchBucket } from '../../src/types/data'
import { ingest } from './write-bundle'

const CORPUS: Record<string, [string, string]> = {
  'near-miss.md': ['新冠疫情与流感', '新冠疫情期间，医院也接种流感疫苗。'],
  'exact.md': ['新冠疫苗获批', '首批新冠疫苗今天运抵。'],
  'traditional.md': ['新冠疫苗開打', '台灣民眾排隊接種新冠疫苗，國安法'],
  'apart.md': ['疫苗与新冠', '疫苗短缺。新冠病例增加。'],
  'english.md': ['Human rights report', 'The report on human rights and trumpets. Trump said.'],
  'english-apart.md': ['Rights of humans', 'Human beings have rights.'],
}

let out = ''
let root = ''

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'search-exact-'))
  const input = join(root, 'in')
  mkdirSync(input)
  Object.entries(CORPUS).forEach(([name, [title, body]], i) => {
    const time = Date.UTC(2024, 0, 1 + i)
    writeFileSync(join(input, name), `<!--${time}-->\n[${title}](https://www.example.com/${name})\n------\n<p>${body}</p>\n`)
  })
  out = join(root, 'out')
  await ingest({ inDir: input, outDir: out, workers: 0 })
})

afterAll(() => rmSync(root, { recursive: true, force: true }))

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T

/** Titles of the articles the index lists for `q`, and of those whose text passes the exact check. */
function search(q: string): { listed: string[]; exact: string[]; truth: string[] } {
  const manifest = readJson<Manifest>(join(out, MANIFEST_FILE))
  const entries = manifest.shards.flatMap((shard) => readJson<IndexShard>(join(out, shard.file)).entries)
  const query = foldQuery(parseQuery(q), foldScript)
  const bucketOf = (b: number) => readJson<SearchBucket>(join(out, searchBucketPath(b, manifest.search.file)))
  const numbers = matchingNumbers(query, manifest.search.buckets, bucketOf, manifest.articleCount) ?? []
  const texts = entries.map((entry) => readFileSync(join(out, searchTextPath(entry.id)), 'utf8'))
  const titles = (ns: number[]) => ns.map((n) => entries[n]!.title).sort()
  const all = entries.map((_, n) => n)
  return {
    listed: titles(numbers),
    exact: titles(numbers.filter((n) => matchesQuery(searchText(foldScript(texts[n]!)), query))),
    truth: titles(all.filter((n) => foldScript(texts[n]!).includes(foldScript(q)))),
  }
}

describe('search over an ingested corpus', () => {
  it('lists only articles holding 新冠疫苗 itself, in either script: not 新冠疫情 … 流感疫苗, not 疫苗 … 新冠', () => {
    const result = search('新冠疫苗')
    expect(result.listed).toEqual(['新冠疫苗获批', '新冠疫苗開打'])
    expect(result.exact).toEqual(result.listed)
    expect(result.listed).toEqual(result.truth)
  })

  it('finds a Traditional query in Simplified text and the reverse', () => {
    expect(search('新冠疫苗開打').listed).toEqual(['新冠疫苗開打'])
    expect(search('国安法').listed).toEqual(['新冠疫苗開打'])
    expect(search('獲批').listed).toEqual(['新冠疫苗获批'])
  })

  it('matches a quoted English phrase by adjacent words, and words whole: trump is not trumpet', () => {
    expect(search('"human rights"').exact).toEqual(['Human rights report'])
    expect(search('"human rights"').listed).toEqual(['Human rights report'])
    expect(search('human rights').exact).toEqual(['Human rights report', 'Rights of humans'])
    expect(search('trump').listed).toEqual(['Human rights report'])
    expect(search('trumpet').listed).toEqual([])
  })

  it('writes one search text file per article: its title line, then its body text', () => {
    const manifest = readJson<Manifest>(join(out, MANIFEST_FILE))
    const first = readJson<IndexShard>(join(out, manifest.shards[0]!.file)).entries[0]!
    expect(readFileSync(join(out, searchTextPath(first.id)), 'utf8')).toBe('Rights of humans\nHuman beings have rights.')
  })

  it('needs every group, leaves out excluded terms, and takes either side of OR', () => {
    expect(search('新冠 疫苗').listed).toEqual(['新冠疫情与流感', '新冠疫苗获批', '新冠疫苗開打', '疫苗与新冠'].sort())
    expect(search('新冠 疫苗 -流感').listed).toEqual(['新冠疫苗获批', '新冠疫苗開打', '疫苗与新冠'].sort())
    expect(search('获批 OR 開打').listed).toEqual(['新冠疫苗获批', '新冠疫苗開打'].sort())
    expect(search('-疫苗').listed).toEqual(['Human rights report', 'Rights of humans'])
  })
})
