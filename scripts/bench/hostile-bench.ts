// Hostile input stays cheap: `npm run bench:hostile` times the cleaner on a 9 MB body of 400,000
// nested spans against a 9 MB body of ordinary paragraphs (target: ratio <= 3), then, over the
// production build (`npm run build` first), how long chromium takes from navigation to a rendered
// body for tampered article files (target: under a second each). Prints each figure beside its
// target and exits 1 when one is missed; writes nothing outside a temp folder.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { cleanBody } from '../ingest/clean-html'
import { startPreview } from '../../tests/e2e/preview-server'
import { ARTICLE_DIR, articlePath } from '../../src/types/data'

const NESTED = 400_000

function cleanerRatio(): void {
  const nested = '<p>' + '<span lang="en">'.repeat(NESTED) + 'deep text' + '</span>'.repeat(NESTED) + '</p>'
  const paragraph = '<p>这是一段普通的新闻正文，<span lang="en">with English</span>，还有<a href="/x">链接</a>。</p>'
  const flat = paragraph.repeat(Math.ceil(nested.length / paragraph.length))
  const time = (html: string) => {
    const start = performance.now()
    cleanBody(html, { baseUrl: 'https://news.example/a', lang: 'zh-Hans' })
    return performance.now() - start
  }
  time(paragraph.repeat(1000)) // warm up the JIT
  const [a, b] = [time(nested), time(flat)]
  console.log(`cleaner: ${(nested.length / 1e6).toFixed(1)} MB nested ${a.toFixed(0)} ms, ${(flat.length / 1e6).toFixed(1)} MB flat ${b.toFixed(0)} ms, ratio ${(a / b).toFixed(2)} (target <= 3)`)
  if (a / b > 3) process.exitCode = 1
}

const TAMPERED: Record<string, string> = {
  '50,000 nested spans': '<p>前</p>' + '<span lang="en">'.repeat(50_000) + '深处' + '</span>'.repeat(50_000),
  '50,000 nested unknown elements': '<p>前</p>' + '<font>'.repeat(50_000) + '深处' + '</font>'.repeat(50_000),
  '60 unclosed <b> rebuilt in 3,000 paragraphs': '<p>' + '<b title="i">'.repeat(60) + '深处</p>' + '<p>x</p>'.repeat(3000),
  '100,000 paragraphs': Array.from({ length: 100_000 }, (_, i) => `<p><b>${i}</b>深处</p>`).join(''),
}

async function browserRender(): Promise<void> {
  const site = mkdtempSync(join(tmpdir(), 'hostile-bench-'))
  try {
    cpSync('dist', site, { recursive: true })
    const data = join(site, 'data')
    const template = JSON.parse(readFileSync(join(data, ARTICLE_DIR, readdirSync(join(data, ARTICLE_DIR))[0]!), 'utf8')) as Record<string, unknown>
    const ids = Object.keys(TAMPERED).map((_, index) => `bbc-benchtamper${'abcdefgh'[index]}`)
    Object.values(TAMPERED).forEach((html, index) => writeFileSync(join(data, articlePath(ids[index]!)), JSON.stringify({ ...template, id: ids[index], html })))
    const server = await startPreview(site, 4198)
    const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] })
    try {
      const page = await browser.newPage()
      for (const [index, name] of Object.keys(TAMPERED).entries()) {
        await page.goto(`${server.url}/`)
        await page.waitForSelector('main h1')
        const start = Date.now()
        // Client-side navigation, as a reader clicking a link: the app is loaded, the article is not.
        await page.evaluate(`history.pushState(null, '', '/articles/${ids[index]}'); dispatchEvent(new PopStateEvent('popstate'))`)
        // A function, not a string: the page's CSP refuses eval. (Playwright's hasText polls the whole text, slowly.)
        await page.waitForFunction(() => document.querySelector('.safe-html')?.textContent?.includes('深处'), undefined, { timeout: 300_000 })
        const took = Date.now() - start
        console.log(`browser: ${name}: ${took} ms to a rendered body (target < 1000)`)
        if (took >= 1000) process.exitCode = 1
      }
    } finally {
      await browser.close()
      server.close()
    }
  } finally {
    rmSync(site, { recursive: true, force: true })
  }
}

cleanerRatio()
await browserRender()
