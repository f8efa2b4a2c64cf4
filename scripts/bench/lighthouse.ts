// Lighthouse (mobile preset) over every view of the production build.
// Usage: npm run build && npm run bench:lighthouse [-- --runs 3] [--lang zh-CN] [--time-zone Asia/Shanghai] [--only 'list (search),story']
// Serves dist/ with `vite preview`, audits each view (or those --only names), prints performance and
// accessibility scores (median of --runs) with the median run's metrics, and exits 1 when a view is below target.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import type { IndexShard, Manifest } from '../../src/types/data'

const TARGET = { performance: 95, accessibility: 100 }
const PORT = Number(process.env.LIGHTHOUSE_PORT ?? 4199)

async function main() {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '1' }, lang: { type: 'string', default: 'zh-CN' }, 'time-zone': { type: 'string', default: process.env.PRERENDER_TIME_ZONE ?? 'Asia/Shanghai' }, only: { type: 'string' } } })
  const runs = Math.max(1, Number(values.runs))
  const manifest = JSON.parse(readFileSync('dist/data/manifest.json', 'utf8')) as Manifest
  const firstShard = JSON.parse(readFileSync(`dist/data/${manifest.shards[0]!.file}`, 'utf8')) as { entries: { id: string }[] }
  const inStory = manifest.shards.flatMap((shard) => (JSON.parse(readFileSync(`dist/data/${shard.file}`, 'utf8')) as IndexShard).entries).find((entry) => entry.story)
  const views: Record<string, string> = {
    list: '/',
    detail: `/articles/${firstShard.entries[0]!.id}`,
    timeline: '/timeline',
    bookmarks: '/bookmarks',
    notes: '/notes',
    'list (search)': `/?q=${encodeURIComponent('克里姆林宫')}`,
    'not found': '/no-such-page',
    ...(inStory?.story && { story: `/stories/${inStory.story.id}`, 'detail (story)': `/articles/${inStory.id}`, 'list (by story)': '/?group=story' }),
  }

  const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], {
    stdio: 'ignore',
    detached: true,
  })
  // The reader this app is for: a browser asking for Chinese (--lang en-US audits the English path,
  // which renders the interface over the prerendered Chinese markup instead of hydrating it).
  // And in the time zone the build wrote the list's dates in (scripts/prerender/plugin.ts): a reader in
  // another zone gets the list rendered afresh over the markup, as with another language.
  const lang = values.lang
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    envVars: { ...process.env, TZ: values['time-zone'] },
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', `--lang=${lang}`, `--accept-lang=${lang}`],
  })
  let failed = false
  try {
    await waitFor(`http://127.0.0.1:${PORT}/`)
    console.log(`view               performance  accessibility  (median of ${runs}, mobile preset, ${lang}, ${values['time-zone']})`)
    const only = values.only?.split(',').map((name) => name.trim())
    const unknown = only?.filter((name) => !(name in views)) ?? []
    if (unknown.length > 0) throw new Error(`--only: no view named ${unknown.join(', ')} (views: ${Object.keys(views).join(', ')})`)
    for (const [name, path] of Object.entries(views).filter(([name]) => !only || only.includes(name))) {
      const perf: number[] = []
      const a11y: number[] = []
      const metrics: string[] = []
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(`http://127.0.0.1:${PORT}${path}`, {
          port: chrome.port,
          onlyCategories: ['performance', 'accessibility'],
          logLevel: 'error',
        })
        const categories = result?.lhr.categories
        perf.push(Math.round((categories?.performance?.score ?? 0) * 100))
        a11y.push(Math.round((categories?.accessibility?.score ?? 0) * 100))
        const audit = (id: string) => result?.lhr.audits[id]?.displayValue ?? '?'
        metrics.push(`FCP ${audit('first-contentful-paint')} · LCP ${audit('largest-contentful-paint')} · TBT ${audit('total-blocking-time')} · SI ${audit('speed-index')} · CLS ${audit('cumulative-layout-shift')}`)
      }
      const p = median(perf)
      const medianRun = metrics[perf.indexOf(p)]!
      const a = median(a11y)
      const ok = p >= TARGET.performance && a >= TARGET.accessibility
      failed ||= !ok
      console.log(`${name.padEnd(18)} ${String(p).padStart(11)}  ${String(a).padStart(13)}  ${ok ? '          ' : '← below target'}  ${medianRun}`)
    }
  } finally {
    await chrome.kill()
    if (server.pid) process.kill(-server.pid, 'SIGTERM')
  }
  process.exitCode = failed ? 1 : 0
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

async function waitFor(url: string) {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${url} did not answer`)
}

await main()
