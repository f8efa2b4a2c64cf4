// First paint of the list against the same markup as a static page: `npm run build && npm run
// bench:first-paint [-- --runs 5]`. The static page is dist/index.html's prerendered #root with
// the same stylesheet and no script, written beside it for the run; one vite preview serves both,
// and each sample is a freshly launched headless chromium (cold cache). Prints the medians of first
// paint and first contentful paint and the ratio against the 1.3 target; `measureFirstPaint` is
// what a wider benchmark calls.
import { spawn } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { pathToFileURL } from 'node:url'
import { launchBrowser } from '../../tests/e2e/browser'

export const FIRST_PAINT_TARGET = 1.3
const STATIC_PAGE = 'first-paint-static.html'

export interface PaintSample {
  firstPaint: number
  firstContentfulPaint: number
}

export interface FirstPaintResult {
  runs: number
  app: PaintSample
  static: PaintSample
  /** The app's first contentful paint over the static page's: the list is the content of both. */
  ratio: number
  target: number
}

/** The static twin of the built page: its stylesheets and its prerendered #root, nothing else. */
export function staticTwin(html: string): string {
  const root = /<div id="root"[^>]*>([\s\S]*)<\/div>\s*(?:<script type="application\/json"[^>]*>[^<]*<\/script>\s*)?<\/body>/.exec(html)
  if (!root) throw new Error('dist/index.html holds no prerendered #root: build with the first-screen prerender')
  const styles = html.match(/<link rel="stylesheet"[^>]*>/g) ?? []
  const lang = /<html lang="([^"]+)"/.exec(html)?.[1] ?? 'zh-Hans'
  return `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    ${styles.join('\n    ')}
    <title>first paint: static twin</title>
  </head>
  <body>
    <div id="root">${root[1]}</div>
  </body>
</html>
`
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

async function serve(dist: string, port: number): Promise<() => void> {
  const server = spawn('npx', ['vite', 'preview', '--outDir', dist, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore', detached: true })
  const stop = () => {
    if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM')
  }
  for (let attempt = 0; attempt < 300; attempt++) {
    if (server.exitCode !== null) throw new Error(`vite preview exited with ${server.exitCode}`)
    try {
      if ((await fetch(`http://127.0.0.1:${port}/${STATIC_PAGE}`)).ok) return stop
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  stop()
  throw new Error(`vite preview did not answer on port ${port}`)
}

async function sample(url: string): Promise<PaintSample> {
  const browser = await launchBrowser()
  try {
    const page = await browser.newPage({ serviceWorkers: 'block' })
    await page.goto(url)
    // Read from here, not polled in the page: the page's CSP refuses a string to evaluate, and tsx
    // wraps named closures in a helper the page lacks.
    for (;;) {
      const entries = await page.evaluate(() => performance.getEntriesByType('paint').map((entry) => [entry.name, entry.startTime] as const))
      const times = new Map(entries)
      const firstPaint = times.get('first-paint')
      const firstContentfulPaint = times.get('first-contentful-paint')
      if (firstPaint !== undefined && firstContentfulPaint !== undefined) return { firstPaint, firstContentfulPaint }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  } finally {
    await browser.close()
  }
}

/** Medians over `runs` cold loads of each page, the two taken in turn so a busy moment hits both. */
export async function measureFirstPaint({ dist = 'dist', port = 4189, runs = 5 }: { dist?: string; port?: number; runs?: number } = {}): Promise<FirstPaintResult> {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8')
  const base = /<script type="module"[^>]*src="([^"]*?)assets\//.exec(html)?.[1] ?? '/'
  const twin = path.join(dist, STATIC_PAGE)
  writeFileSync(twin, staticTwin(html))
  const stop = await serve(dist, port).catch((error: unknown) => {
    rmSync(twin, { force: true })
    throw error
  })
  const app: PaintSample[] = []
  const still: PaintSample[] = []
  try {
    const origin = `http://127.0.0.1:${port}${base}`
    for (let run = 0; run < runs; run++) {
      app.push(await sample(origin))
      still.push(await sample(`${origin}${STATIC_PAGE}`))
    }
  } finally {
    stop()
    rmSync(twin, { force: true })
  }
  const medians = (samples: PaintSample[]): PaintSample => ({
    firstPaint: median(samples.map((s) => s.firstPaint)),
    firstContentfulPaint: median(samples.map((s) => s.firstContentfulPaint)),
  })
  const result = { runs, app: medians(app), static: medians(still), target: FIRST_PAINT_TARGET }
  return { ...result, ratio: result.app.firstContentfulPaint / result.static.firstContentfulPaint }
}

async function main() {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } })
  const result = await measureFirstPaint({ runs: Math.max(1, Number(values.runs)), port: Number(process.env.FIRST_PAINT_PORT ?? 4189) })
  const ms = (value: number) => `${value.toFixed(0)} ms`.padStart(8)
  console.log(`page               first paint   first contentful paint   (median of ${result.runs}, cold chromium)`)
  console.log(`list (app)         ${ms(result.app.firstPaint)}      ${ms(result.app.firstContentfulPaint)}`)
  console.log(`static twin        ${ms(result.static.firstPaint)}      ${ms(result.static.firstContentfulPaint)}`)
  const ok = result.ratio <= result.target
  console.log(`ratio ${result.ratio.toFixed(2)} (target ≤ ${result.target})${ok ? '' : ' ← above target'}`)
  process.exitCode = ok ? 0 : 1
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
