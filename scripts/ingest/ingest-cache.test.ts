// The ingest cache on its own: what an entry gives back, which entries are refused and set aside, what pruning removes.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { IngestCache, ingestVersion, type Remembered } from './ingest-cache'
import { gramGroups, processBytes } from './process-file'

const temps: string[] = []
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const seed = readFileSync(new URL('../../seeds/001_bb0b5fb7450fe185.txt', import.meta.url))

function remembered(): Remembered {
  const fresh = processBytes(seed, 'a.txt')
  if (fresh.kind === 'problem') throw new Error(fresh.reason)
  const { grams, gramFlags, ...rest } = fresh
  return { ...rest, groups: gramGroups(grams, gramFlags) }
}

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-cache-'))
  temps.push(dir)
  const cache = new IngestCache(dir, 'v1')
  const key = cache.keyOf(seed, 'a.txt')
  const path = join(dir, key.slice(0, 2), `${key}.entry`)
  return { dir, cache, key, path }
}

describe('ingest cache', () => {
  it('gives back what was stored: the article file, its story feature and its grams by group', () => {
    const { cache, key } = setup()
    const result = remembered()
    cache.write(key, result)
    expect(cache.read(key)).toEqual({ result })
    cache.write(key, { kind: 'problem', reason: 'no title line ([title](url))' })
    expect(cache.read(key)).toEqual({ result: { kind: 'problem', reason: 'no title line ([title](url))' } })
  })

  it('keys by content, path and version', () => {
    const { cache, key } = setup()
    expect(cache.keyOf(seed, 'b.txt')).not.toBe(key)
    expect(cache.keyOf(seed.subarray(1), 'a.txt')).not.toBe(key)
    expect(new IngestCache('x', 'v2').keyOf(seed, 'a.txt')).not.toBe(key)
    expect(ingestVersion(true)).toBe(ingestVersion(true))
    expect(ingestVersion(false)).not.toBe(ingestVersion(true)) // an entry without story features must not serve a run with stories
  })

  const damages: [string, (text: string, key: string) => string, string][] = [
    ['cut short', (text) => text.slice(0, text.length / 2), 'cut short (no end line)'],
    ['of another file', (text, key) => text.replace(key, 'f'.repeat(64)), 'the entry of another file'],
    ['an older format', (text) => text.replace('"format":', '"format":0,"was":'), 'not an entry of this format'],
    ['missing a line of grams', (text) => text.replace(/\n[^\n]*\nend$/, '\nend'), 'of 259 lines, not 260'],
    ['a broken header', (text) => `{${text}`, 'not valid: its header is not JSON'],
    ['a broken article file', (text) => text.replace(/\n\{/, '\n['), 'holding a broken article file'],
  ]
  for (const [name, damage, why] of damages) {
    it(`sets an entry ${name} aside, names it and gives no result`, () => {
      const { dir, cache, key, path } = setup()
      cache.write(key, remembered())
      const broken = damage(readFileSync(path, 'utf8'), key)
      writeFileSync(path, broken)
      const lookup = cache.read(key)
      expect(lookup.result).toBeUndefined()
      expect(lookup.notice).toContain(`cache entry ${path} is ${why}; set aside as `)
      const aside = readdirSync(join(dir, key.slice(0, 2))).filter((file) => file.includes('.corrupt-'))
      expect(aside).toHaveLength(1)
      expect(readFileSync(join(dir, key.slice(0, 2), aside[0]!), 'utf8')).toBe(broken)
      expect(existsSync(path)).toBe(false)
      expect(cache.read(key)).toEqual({}) // now simply missing
    })
  }

  it('prunes entries this run did not use and dead temporary files, never a set-aside entry', () => {
    const { dir, cache, key, path } = setup()
    cache.write(key, remembered())
    const other = cache.keyOf(seed, 'gone.txt')
    cache.write(other, { kind: 'problem', reason: 'x' })
    const folder = join(dir, key.slice(0, 2))
    writeFileSync(join(folder, `${key}.entry.tmp-123-abcd`), 'half')
    writeFileSync(join(folder, `${key}.entry.corrupt-123-abcd`), 'kept for a look')
    expect(cache.prune(new Set([key]))).toBe(2)
    expect(existsSync(path)).toBe(true)
    expect(cache.read(other)).toEqual({})
    expect(readdirSync(folder).sort()).toEqual([`${key}.entry`, `${key}.entry.corrupt-123-abcd`])
  })
})
