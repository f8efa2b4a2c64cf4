// The reader on a 3,000-article archive: the first screen loads the manifest and the newest
// shard(s) only, "加载更多" loads on demand, search fetches only its grams' buckets and the
// shards holding results, and the detail's previous/next load only neighbouring shards.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { generateCorpus } from '../../scripts/bench/ingest-bench'
import { decodePostings, gramBucket, queryGrams } from '../../src/lib/search-grams'
import { ARTICLE_DIR, listPlace, MANIFEST_FILE, SEARCH_DIR, SHARD_DIR, searchBucketPath, type IndexShard, type Manifest, type SearchBucket } from '../../src/types/data'
import { launchBrowser, newContext, settled } from './browser'
import { serveArchive, type ServedArchive } from './preview-server'

const PORT = Number(process.env.E2E_SCALE_PORT ?? 4193)
const COUNT = 3000

let server: ServedArchive
let browser: Browser
let manifest: Manifest
let data: string

beforeAll(async () => {
  server = await serveArchive(PORT, (archive) => generateCorpus(archive, COUNT))
  data = server.data
  manifest = JSON.parse(readFileSync(join(data, MANIFEST_FILE), 'utf8')) as Manifest
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  server?.close()
})

async function tracked(): Promise<{ page: Page; requests: string[] }> {
  const context = await newContext(browser, { baseURL: server.url })
  const page = await context.newPage()
  const requests: string[] = []
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname
    if (path.startsWith('/data/')) requests.push(path.slice('/data/'.length))
  })
  return { page, requests }
}

const status = (page: Page) => page.locator('section[aria-label="筛选"] [role="status"]').innerText()
// The served HTML is the seeds' build beside this archive's data (a folder ingested again without a
// new build): the early script's preloads of the seeds' shards miss, and the app renders afresh. Counted: this archive's.
const shardsIn = (requests: string[]) => requests.filter((path) => path.startsWith(`${SHARD_DIR}/`) && manifest.shards.some((shard) => shard.file === path))

test('the first screen loads the manifest and the newest shards only; more loads on demand', async () => {
  expect(manifest.articleCount).toBe(COUNT)
  expect(manifest.shards.length).toBeGreaterThan(50)
  const { page, requests } = await tracked()
  await page.goto('/')
  await expect.poll(() => page.locator('main article').count()).toBe(30)
  expect(await status(page)).toBe(`共 ${COUNT.toLocaleString('zh-CN')} 篇`)
  const first = shardsIn(requests)
  expect(first.length).toBeLessThanOrEqual(3)
  expect(requests.filter((path) => path.startsWith(`${ARTICLE_DIR}/`) || path.startsWith(`${SEARCH_DIR}/`))).toEqual([])

  await page.getByRole('button', { name: '加载更多' }).click()
  await expect.poll(() => page.locator('main article').count()).toBe(60)
  expect(shardsIn(requests).length).toBeLessThanOrEqual(first.length + 3)
  const times = await page.locator('main article time').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime')!))
  expect(times).toEqual([...times].sort().reverse())
  await page.context().close()
})

test('search fetches its grams’ buckets and only the shards that hold results; the count is exact', async () => {
  const q = '克里姆林宫'
  const grams = queryGrams(q)
  const buckets = [...new Set(grams.map((gram) => gramBucket(gram, manifest.search.buckets)))]
  const lists = grams.map((gram) => {
    const bucket = JSON.parse(readFileSync(join(data, searchBucketPath(gramBucket(gram, manifest.search.buckets), manifest.search.file)), 'utf8')) as SearchBucket
    return new Set(decodePostings(bucket[gram] ?? []).map((number) => listPlace(number, manifest.articleCount)))
  })
  const expected = [...lists[0]!].filter((n) => lists.every((list) => list.has(n))).sort((a, b) => a - b)
  expect(expected.length).toBeGreaterThan(0)
  const holding = manifest.shards.filter((shard) => expected.some((n) => n >= shard.start && n < shard.start + shard.count))

  const { page, requests } = await tracked()
  await page.goto(`/?q=${encodeURIComponent(q)}`)
  await expect.poll(() => status(page)).toBe(`共 ${expected.length.toLocaleString('zh-CN')} 篇`)
  await expect.poll(() => page.locator('main article').count()).toBe(Math.min(30, expected.length))
  expect(requests.filter((path) => path.startsWith(`${SEARCH_DIR}/`)).sort()).toEqual(buckets.map((b) => searchBucketPath(b, manifest.search.file)).sort())
  const loaded = new Set(shardsIn(requests))
  for (const file of loaded) expect(holding.map((shard) => shard.file)).toContain(file)

  // The first result is article number expected[0]: the first card is that entry.
  const shard = manifest.shards.find((s) => expected[0]! >= s.start && expected[0]! < s.start + s.count)!
  const content = JSON.parse(readFileSync(join(data, shard.file), 'utf8')) as IndexShard
  expect(await page.locator('main article h2').first().innerText()).toBe(content.entries[expected[0]! - content.start]!.title)
  await page.context().close()
})

test('a date filter skips the shards outside the range', async () => {
  const { page, requests } = await tracked()
  await page.goto('/?from=2018-06-01&to=2018-06-30')
  // The app's own count, not the prerendered list's (there under the markup until the app renders).
  await settled(page)
  await expect.poll(() => status(page)).toMatch(/^共 \d+ 篇$/)
  const months = new Set(shardsIn(requests).map((file) => manifest.shards.find((s) => s.file === file)!.month))
  for (const month of months) expect(['2018-05', '2018-06', '2018-07']).toContain(month)
  const times = await page.locator('main article time').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime')!))
  expect(times.length).toBeGreaterThan(0)
  for (const time of times) {
    expect(Date.parse(time)).toBeGreaterThanOrEqual(Date.parse('2018-05-31T16:00:00Z'))
    expect(Date.parse(time)).toBeLessThan(Date.parse('2018-06-30T16:00:00Z'))
  }
  await page.context().close()
})

test('an old article’s previous/next load its neighbouring shards, not the whole archive', async () => {
  const shard = manifest.shards[Math.floor(manifest.shards.length * 0.8)]!
  const content = JSON.parse(readFileSync(join(data, shard.file), 'utf8')) as IndexShard
  const entry = content.entries[1]!
  const { page, requests } = await tracked()
  await page.goto(`/articles/${entry.id}`)
  const pager = page.getByRole('navigation', { name: '同一筛选中的文章' })
  await expect.poll(() => pager.innerText()).toContain(content.entries[0]!.title)
  expect(await pager.innerText()).toContain(content.entries[2]!.title)
  expect(shardsIn(requests).length).toBeLessThanOrEqual(3)
  await page.context().close()
})
