// Hostile content in the real browser. Every vector of xss-vectors.ts reaches the page twice:
// (1) through the ingest, as an archived article file, and (2) written straight into a built
// data file, as if the bundle had been tampered with after the build. The suite fails if any
// payload runs (window.__xss is called, a dialog opens), if the page breaks the CSP or Trusted
// Types, or if the rendered DOM keeps an event handler, a script-capable URL or a forbidden element.
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { articlePath, ID_ALPHABET, MANIFEST_FILE, type Article, type IndexShard, type Manifest } from '../../src/types/data'
import { PRODUCTION_CSP } from '../../vite.config'
import { launchBrowser, newContext, settled } from './browser'
import { DIST, serveArchive, type ServedArchive } from './preview-server'
import { FORBIDDEN_ELEMENTS, TEXT_VECTORS, XSS_VECTORS, type XssVector } from './xss-vectors'

const PORT = Number(process.env.E2E_SECURITY_PORT ?? 4192)
const BEFORE = '向量之前'

interface Target {
  path: 'ingest' | 'data-file'
  vector: XssVector
  id: string
}

let server: ServedArchive
let browser: Browser
let context: BrowserContext
let page: Page
const targets: Target[] = []
const xssCalls: string[] = []
const dialogs: string[] = []
const violations: Violation[] = []
const pageErrors: string[] = []

interface Violation {
  path: string
  directive: string
  blocked: string
  target: string
}

/**
 * Chromium gives the inert document DOMPurify parses into (DOMParser) the page's CSP, so a
 * hostile body reports script-src-attr, style-src-* and base-uri violations while it is being
 * sanitized, with the document as target. They are the CSP blocking what DOMPurify then
 * removes. Anything on a live element, or any Trusted Types violation, is a real failure.
 */
function isSanitizerParse(violation: Violation): boolean {
  return violation.target === 'document' && ['script-src-attr', 'style-src-attr', 'style-src-elem', 'base-uri'].includes(violation.directive)
}

/** An id of the ingest's form (<outlet>-<12 base32 letters>): the reader does not even request any other. */
function tamperedId(index: number): string {
  return `xss-tamperedaa${ID_ALPHABET[(index >> 5) % 32]}${ID_ALPHABET[index % 32]}`
}

/**
 * Names the ingest's article of each vector, then (2) tampers with the data files: one article
 * per vector, hostile titles and outlet names in every list.
 */
function targetAndTamper(data: string): void {
  const manifest = readJson<Manifest>(join(data, MANIFEST_FILE))
  const shards = manifest.shards.map((shard) => ({ file: join(data, shard.file), content: readJson<IndexShard>(join(data, shard.file)) }))
  const entries = shards.flatMap((shard) => shard.content.entries)
  for (const vector of XSS_VECTORS) {
    const entry = entries.find((candidate) => candidate.url.endsWith(`/xss/${vector.name}`))
    // A NUL byte makes the file binary to the ingest, which refuses it: only the data-file path carries it.
    if (vector.html.includes('\u0000')) {
      if (entry) throw new Error(`the ingest accepted the binary file of vector ${vector.name}`)
      continue
    }
    if (!entry) throw new Error(`the ingest dropped the article of vector ${vector.name}`)
    targets.push({ path: 'ingest', vector, id: entry.id })
  }

  const seedIds = entries.filter((entry) => !entry.url.includes('/xss/')).map((entry) => entry.id)
  const template = readJson<Article>(join(data, articlePath(seedIds[0]!)))
  XSS_VECTORS.forEach((vector, index) => {
    const id = tamperedId(index)
    const article: Article = {
      ...template,
      id,
      title: `${TEXT_VECTORS.title}〔${vector.name}〕`,
      excerpt: TEXT_VECTORS.excerpt,
      outlet: { id: template.outlet.id, name: TEXT_VECTORS.outletName },
      // The original-article link is untrusted too.
      url: vector.family === 'script-url' ? `javascript:__xss('article-url-${vector.name}')` : template.url,
      html: `<p>${BEFORE} ${vector.name}</p>${vector.html}`,
    }
    writeFileSync(join(data, articlePath(id)), JSON.stringify(article))
    targets.push({ path: 'data-file', vector, id })
  })
  for (const shard of shards) {
    for (const entry of shard.content.entries) {
      if (!seedIds.includes(entry.id)) continue
      entry.title = `${TEXT_VECTORS.title}〔${entry.id}〕`
      entry.excerpt = TEXT_VECTORS.excerpt
    }
    writeFileSync(shard.file, JSON.stringify(shard.content))
  }
  for (const outlet of manifest.outlets) outlet.name = TEXT_VECTORS.outletName
  writeFileSync(join(data, MANIFEST_FILE), JSON.stringify(manifest))
}

beforeAll(async () => {
  // (1) Through the ingest: the seeds plus one archived article file per vector.
  const fill = (archive: string) => {
    cpSync('seeds', archive, { recursive: true })
    // The first file's name holds a newline, an ESC sequence and markup: the ingest reads it like any other.
    const name = (index: number) => (index === 0 ? `xss-00\n\u001b[2J<img src=x onerror=__xss('file-name')>.txt` : `xss-${String(index).padStart(2, '0')}.txt`)
    XSS_VECTORS.forEach((vector, index) => writeFileSync(join(archive, name(index)), hostileSeed(vector, index)))
  }
  server = await serveArchive(PORT, fill, targetAndTamper)
  browser = await launchBrowser()
  context = await newContext(browser, { baseURL: server.url })
  await context.exposeFunction('__xssReport', (name: string) => void xssCalls.push(name))
  await context.exposeFunction('__cspReport', (report: string) => void violations.push(JSON.parse(report) as Violation))
  await context.addInitScript(() => {
    const report = (window as unknown as { __xssReport: (name: string) => void }).__xssReport
    // Not writable, not configurable: a clobbering element cannot replace it.
    Object.defineProperty(window, '__xss', { value: (name: unknown) => report(String(name)), writable: false, configurable: false })
    document.addEventListener('securitypolicyviolation', (event) => {
      const cspReport = (window as unknown as { __cspReport: (report: string) => void }).__cspReport
      const target = event.target === document ? 'document' : event.target instanceof Element ? `element:${event.target.localName}` : 'other'
      cspReport(JSON.stringify({ path: location.pathname, directive: event.effectiveDirective, blocked: event.blockedURI, target }))
    })
  })
  page = await context.newPage()
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss()
  })
  page.on('pageerror', (error) => void pageErrors.push(error.message))
})

afterAll(async () => {
  await browser?.close()
  server?.close()
})

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T
}

/** An archived article file (docs/ingest.md): timestamp, [title](url), separator, body. */
function hostileSeed(vector: XssVector, index: number): string {
  const published = Date.UTC(2024, 0, 1 + (index % 28), 8)
  const title = `${TEXT_VECTORS.title}〔${vector.name}〕`
  return `<!--${published}-->\n[${title}](https://www.bbc.com/zhongwen/simp/xss/${vector.name})\n------\n\n<p>${BEFORE} ${vector.name}</p>${vector.html}\n`
}

/** What the rendered page must never hold, as readable findings (empty when clean). */
function domProblems(forbidden: string[]): string[] {
  const problems: string[] = []
  const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'cite', 'ping']
  for (const element of document.querySelectorAll('*')) {
    const tag = element.localName
    for (const { name, value } of element.attributes) {
      if (/^on/i.test(name)) problems.push(`${tag}[${name}]`)
      if (name === 'srcdoc') problems.push(`${tag}[srcdoc]`)
      // eslint-disable-next-line no-control-regex
      const compact = value.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '')
      if (URL_ATTRIBUTES.includes(name.toLowerCase()) && /^(?:javascript|data|vbscript):/i.test(compact)) problems.push(`${tag}[${name}=${value.slice(0, 40)}]`)
    }
  }
  for (const tag of ['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'style', 'meta', 'base', 'link', 'math', 'template', 'noscript']) {
    if (document.body.querySelector(tag)) problems.push(`<${tag}> in body`)
  }
  if (document.querySelector('base')) problems.push('<base> in document')
  if (document.baseURI !== location.href) problems.push(`base URI changed to ${document.baseURI}`)
  for (const body of document.querySelectorAll('.safe-html')) {
    for (const element of body.querySelectorAll('*')) {
      if (forbidden.includes(element.localName)) problems.push(`<${element.localName}> in article body`)
      if (element.hasAttribute('style')) problems.push(`${element.localName}[style] in article body`)
      if (element.hasAttribute('id') || element.hasAttribute('name')) problems.push(`${element.localName}[id|name] in article body`)
      const position = getComputedStyle(element).position
      if (position === 'fixed' || position === 'absolute' || position === 'sticky') problems.push(`${element.localName} positioned ${position} in article body`)
    }
  }
  return problems
}

describe('the built index.html', () => {
  const html = () => readFileSync(join(DIST, 'index.html'), 'utf8')

  test('carries the strict Content-Security-Policy as its first head element', () => {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html())
    expect(meta, 'CSP meta').not.toBeNull()
    const csp = meta![1]!.replaceAll('&#39;', "'")
    expect(csp).toBe(PRODUCTION_CSP)
    const directives = new Map(csp.split(/;\s*/).map((directive) => [directive.split(' ')[0]!, directive.split(' ').slice(1).join(' ')]))
    expect(directives.get('script-src')).toBe("'self'")
    expect(directives.get('object-src')).toBe("'none'")
    expect(directives.get('base-uri')).toBe("'none'")
    expect(directives.get('form-action')).toBe("'none'")
    expect(directives.get('frame-src')).toBe("'none'")
    expect(directives.get('img-src')).toBe("'self' https: data:")
    expect(directives.get('connect-src')).toBe("'self'")
    expect(directives.get('require-trusted-types-for')).toBe("'script'")
    // DOMPurify's policy for HTML, and the one that turns exactly the service worker's URL into a script URL.
    expect(directives.get('trusted-types')).toBe('dompurify service-worker')
    expect(directives.get('worker-src')).toBe("'self'")
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|strict-dynamic/)
    // Before any script or stylesheet, or it would not cover them.
    expect(html().indexOf('Content-Security-Policy')).toBeLessThan(html().search(/<script|<link rel="stylesheet"/))
  })

  test('sends no referrer and has no inline script', () => {
    expect(html()).toContain('<meta name="referrer" content="no-referrer"')
    // The first screen's data block is read, never run (a browser runs no script of that type).
    const scripts = [...html().matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].filter((script) => !/^<script type="application\/json" id="first-screen">/.test(script[0]))
    expect(scripts.length).toBeGreaterThan(0)
    for (const script of scripts) {
      expect(script[0]).toMatch(/\bsrc="/)
      expect(script[1]!.trim()).toBe('')
    }
  })
})

describe('hostile article content in chromium', () => {
  test(`${XSS_VECTORS.length} vectors, through the ingest and in tampered data files, render harmless`, async () => {
    const findings: string[] = []
    await page.goto('/')
    let previous = 'the list'
    for (const target of targets) {
      const label = `${target.path} ${target.vector.name} (/articles/${target.id})`
      // A meta refresh, a form or a link that fired would have taken the page elsewhere.
      if (!page.url().startsWith(server.url)) {
        findings.push(`after ${previous}: the page navigated away to ${page.url()}`)
        await page.goto('/')
      }
      previous = label
      // Client-side navigation: one page for the whole run, so a payload that fires late is still heard.
      await page.evaluate((path) => {
        history.pushState(null, '', path)
        dispatchEvent(new PopStateEvent('popstate'))
      }, `/articles/${target.id}`)
      try {
        await page.locator('.safe-html', { hasText: `${BEFORE} ${target.vector.name}` }).waitFor()
      } catch {
        findings.push(`${label}: the article body did not render`)
        continue
      }
      await settled(page)
      const problems = await page.evaluate(domProblems, FORBIDDEN_ELEMENTS)
      findings.push(...problems.map((problem) => `${label}: ${problem}`))
      // The title is text: whatever markup it carries shows as characters, never as elements.
      if ((await page.locator('h1 *').count()) > 0) findings.push(`${label}: markup inside the title`)
      if (target.path === 'data-file') {
        const title = await page.locator('h1').textContent()
        if (!title?.includes("<img src=x onerror=__xss('title')>")) findings.push(`${label}: title not shown as text: ${title}`)
        if (!(await page.getByText(TEXT_VECTORS.outletName).first().isVisible())) findings.push(`${label}: outlet name not shown as text`)
      }
    }
    if (!page.url().startsWith(server.url)) findings.push(`after ${previous}: the page navigated away to ${page.url()}`)
    expect(findings).toEqual([])
    expect(xssCalls).toEqual([])
    expect(dialogs).toEqual([])
    expect(pageErrors).toEqual([])
    expect(violations.filter((violation) => !isSanitizerParse(violation))).toEqual([])
    // The ingest already cleaned its copies: their pages trip nothing at all.
    const ingestPaths = new Set(targets.filter((target) => target.path === 'ingest').map((target) => `/articles/${target.id}`))
    expect(violations.filter((violation) => ingestPaths.has(violation.path))).toEqual([])
  })

  test('titles, excerpts and outlet names are text in the list, timeline and bookmarks', async () => {
    await page.goto('/')
    await page.getByText(TEXT_VECTORS.title, { exact: false }).first().waitFor()
    await settled(page)
    expect(await page.evaluate(domProblems, FORBIDDEN_ELEMENTS)).toEqual([])
    expect(await page.locator('main img').count()).toBe(0)
    expect(await page.getByText('<script>', { exact: false }).count()).toBeGreaterThan(0)

    await page.goto('/timeline')
    await page.locator('main').waitFor()
    await settled(page)
    expect(await page.evaluate(domProblems, FORBIDDEN_ELEMENTS)).toEqual([])

    // A bookmark is a snapshot of untrusted fields too.
    const hostile = { id: tamperedId(0), title: TEXT_VECTORS.title, url: 'https://news.test/a', outlet: 'bbc', outletName: TEXT_VECTORS.outletName, publishedAt: '2024-01-01T00:00:00.000Z', addedAt: '2024-01-02T00:00:00.000Z' }
    await page.evaluate((value) => localStorage.setItem('archive-reader:bookmarks', JSON.stringify({ version: 1, bookmarks: [value] })), hostile)
    await page.goto('/bookmarks')
    await page.getByText(TEXT_VECTORS.title).first().waitFor()
    await settled(page)
    expect(await page.evaluate(domProblems, FORBIDDEN_ELEMENTS)).toEqual([])
    await page.evaluate(() => localStorage.clear())

    expect(xssCalls).toEqual([])
    expect(dialogs).toEqual([])
    expect(pageErrors).toEqual([])
    expect(violations.filter((violation) => !isSanitizerParse(violation))).toEqual([])
  })
})

describe('the production build under its own CSP and Trusted Types', () => {
  test('every view and the main actions run with zero violations and no page errors', async () => {
    const clean = await newContext(browser)
    const found: string[] = []
    await clean.exposeFunction('__cspReport', (report: string) => void found.push(report))
    await clean.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { __cspReport: (report: string) => void }).__cspReport
        report(`${location.pathname}: ${event.effectiveDirective} blocked ${event.blockedURI} ${event.sample}`)
      })
    })
    const view = await clean.newPage()
    view.on('pageerror', (error) => void found.push(`page error: ${error.message}`))
    view.on('console', (message) => {
      if (message.type() === 'error' && !/net::ERR_INTERNET_DISCONNECTED/.test(message.text())) found.push(`console: ${message.text()}`)
    })

    await view.goto('/')
    // The app live, not only the prerendered list: a click or keys on the markup before it would be lost.
    await settled(view)
    await view.locator('main article h2 a').first().waitFor()
    const articles = await view.locator('main article h2 a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!))
    await view.locator('main article').first().getByRole('button', { pressed: false }).click()
    await view.getByRole('searchbox').fill('克里姆林宫')
    await view.waitForURL(/q=/)
    await view.locator('main').waitFor()
    for (const href of articles) {
      await view.goto(href)
      await view.locator('.safe-html').waitFor()
      await settled(view)
    }
    for (const path of ['/timeline', '/bookmarks', '/no-such-page']) {
      await view.goto(path)
      await view.locator('main').waitFor()
    }
    const violations = [...found]
    // Trusted Types are enforced, not just declared: a plain string cannot reach innerHTML.
    const sink = await view.evaluate(() => {
      try {
        // eslint-disable-next-line no-restricted-syntax -- the point: the page must refuse this string
        document.createElement('div').innerHTML = '<b>x</b>'
        return 'allowed'
      } catch {
        return 'blocked'
      }
    })
    await clean.close()
    expect(articles.length).toBeGreaterThan(0)
    expect(violations).toEqual([])
    expect(sink).toBe('blocked')
  })
})
