// Renders public/favicon.svg into the web app manifest's PNG icons with Debian's chromium
// (no image library needed): 192 and 512 as drawn, and a 512 maskable one whose glyph sits in
// the central safe zone over a full-bleed background. Run: npx tsx scripts/icons/make-icons.ts
import { readFileSync } from 'node:fs'
import { chromium } from 'playwright-core'

const SVG = readFileSync('public/favicon.svg', 'utf8')
const BRAND = /fill="(#[0-9a-f]{6})"/i.exec(SVG)?.[1] ?? '#9f1239'
const OUT = 'public/icons'

function page(size: number, maskable: boolean): string {
  const svg = `data:image/svg+xml;base64,${Buffer.from(SVG).toString('base64')}`
  // Maskable: the platform may crop to a circle of 80 % of the size; the glyph box stays inside it.
  const inner = maskable ? Math.round(size * 0.72) : size
  return `<!doctype html><html><body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:${maskable ? BRAND : 'transparent'}">
<img src="${svg}" width="${inner}" height="${inner}" alt=""></body></html>`
}

async function main() {
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] })
  try {
    for (const [name, size, maskable] of [
      ['icon-192.png', 192, false],
      ['icon-512.png', 512, false],
      ['icon-maskable-512.png', 512, true],
    ] as const) {
      const tab = await browser.newPage({ viewport: { width: size, height: size } })
      await tab.setContent(page(size, maskable))
      await tab.locator('img').evaluate((img: HTMLImageElement) => img.decode())
      await tab.screenshot({ path: `${OUT}/${name}`, omitBackground: !maskable })
      await tab.close()
      console.log(`${OUT}/${name}`)
    }
  } finally {
    await browser.close()
  }
}

void main()
