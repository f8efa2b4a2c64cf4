// npx tsx scripts/bench/parser-bench.ts — htmlparser2 (+domhandler) against parse5 on the seed bodies
// and on a 5 MB body: the figures behind the parser choice in docs/ingest.md.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseDocument } from 'htmlparser2'
import { parse } from 'parse5'
import { parseArticle } from '../ingest/parse-article'
import { cleanHtml } from '../ingest/clean-html'

const bodies = readdirSync('seeds')
  .sort()
  .map((name) => {
    const result = parseArticle(readFileSync(join('seeds', name)))
    if (!result.ok) throw new Error(result.reason)
    return result.article.body
  })
const huge = bodies.join('').repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(bodies.join(''))))

function time(label: string, rounds: number, fn: () => void) {
  fn()
  const start = performance.now()
  for (let i = 0; i < rounds; i++) fn()
  const ms = (performance.now() - start) / rounds
  console.log(`${label.padEnd(44)} ${ms < 1 ? (ms * 1000).toFixed(0) + ' µs' : ms.toFixed(1) + ' ms'}`)
}

console.log(`seed bodies: ${bodies.length}, ${(Buffer.byteLength(bodies.join('')) / 1024).toFixed(1)} KB; big body ${(Buffer.byteLength(huge) / 1024 / 1024).toFixed(1)} MB`)
time('htmlparser2 parseDocument, 5 seed bodies', 500, () => bodies.forEach((b) => parseDocument(b)))
time('parse5 parse, 5 seed bodies', 500, () => bodies.forEach((b) => parse(b)))
time('cleanHtml (htmlparser2 + allow-list), 5 seeds', 500, () => bodies.forEach((b) => cleanHtml(b, { baseUrl: 'https://www.bbc.com/x' })))
time('htmlparser2 parseDocument, 5 MB body', 5, () => parseDocument(huge))
time('parse5 parse, 5 MB body', 5, () => parse(huge))
time('cleanHtml, 5 MB body', 5, () => cleanHtml(huge, { baseUrl: 'https://www.bbc.com/x' }))
