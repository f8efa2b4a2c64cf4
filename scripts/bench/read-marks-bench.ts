// Read marks at scale: `npm run bench:read-marks [-- --n 20000]` times the read-state store
// (src/features/read-state) over N marks: the stored size, loading them (parse + decode into a
// Set, as on every page load and every other tab's change), checking one article, marking one
// more (copy, encode, write) and marking a view of 500 read at once. Then, in chromium, the cost
// localStorage itself adds: writing and reading the same value. Medians of repeated runs; prints
// figures, asserts nothing.
import { chromium } from 'playwright-core'
import { encodeReadMarks, READ_STATE_KEY } from '../../src/features/read-state/read-marks'
import { createReadStateStore } from '../../src/features/read-state/store'
import { ID_ALPHABET, ID_HASH_LENGTH } from '../../src/types/bundle-paths'
import { createTestStorage } from '../../tests/unit/test-storage'

const argIndex = process.argv.indexOf('--n')
const N = argIndex > 0 ? Number(process.argv[argIndex + 1]) : 20_000
const LABELS = ['bbc', 'voa', 'rfi', 'dw', 'zaobao', 'cna', 'nytimes-cn', 'ftchinese', 'rfa', 'rti']

function articleId(n: number): string {
  const hash = [...(n * 2654435761 % 2 ** 52).toString(32).padStart(ID_HASH_LENGTH, '0').slice(-ID_HASH_LENGTH)].map((digit) => ID_ALPHABET[parseInt(digit, 32)]).join('')
  return `${LABELS[n % LABELS.length]}-${hash}`
}

function median(runs: number, work: (run: number) => void): number {
  const times: number[] = []
  for (let run = 0; run < runs; run++) {
    const start = performance.now()
    work(run)
    times.push(performance.now() - start)
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!
}

const ms = (value: number) => `${value.toFixed(2)} ms`
const ids = Array.from({ length: N }, (_, n) => articleId(n))
const value = JSON.stringify({ version: 1, read: encodeReadMarks(ids) })
const storage = createTestStorage({ [READ_STATE_KEY]: value })
const quiet = { storage: () => storage, eventTarget: null }

console.log(`read marks: ${N} marks, ${(value.length / 1024).toFixed(0)} K characters stored (a JSON list of the ids: ${(JSON.stringify(ids).length / 1024).toFixed(0)} K)`)
const load = median(21, () => createReadStateStore(quiet).getSnapshot())
console.log(`load (parse + decode into a Set): ${ms(load)}`)

const store = createReadStateStore(quiet)
store.getSnapshot()
const lookups = 100_000
const check = median(11, (run) => {
  for (let i = 0; i < lookups; i++) store.marks().has(ids[(i * 7919 + run) % N]!)
})
console.log(`check: ${((check / lookups) * 1e6).toFixed(0)} µs per 1,000 lookups`)

const add = median(21, (run) => store.markRead(articleId(N + run)))
console.log(`add one (copy, encode, write): ${ms(add)}`)
const view = median(11, (run) => store.markAllRead(Array.from({ length: 500 }, (_, i) => articleId(2 * N + run * 500 + i))))
console.log(`mark a view of 500 read: ${ms(view)}`)

// What chromium's localStorage adds for a value of this size (an origin of its own, no server).
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] })
try {
  const page = await browser.newPage()
  await page.route('http://bench.test/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }))
  await page.goto('http://bench.test/')
  // A string, not a function: the TypeScript runner's helpers do not exist in the page.
  const [write, read] = (await page.evaluate(`(() => {
    const key = ${JSON.stringify(READ_STATE_KEY)}, text = ${JSON.stringify(value)}
    const timed = (work) => {
      const times = []
      for (let run = 0; run < 21; run++) {
        const start = performance.now()
        work(run)
        times.push(performance.now() - start)
      }
      return times.sort((a, b) => a - b)[10]
    }
    // Alternate two values so every write really changes what is stored.
    const write = timed((run) => localStorage.setItem(key, run % 2 ? text : text + ' '))
    const read = timed(() => JSON.parse(localStorage.getItem(key)))
    return [write, read]
  })()`)) as [number, number]
  console.log(`chromium localStorage: write ${ms(write)}, read + JSON.parse ${ms(read)}`)
} finally {
  await browser.close()
}
