// The swap (output-folder.ts): its second rename (staging -> --out) fails after the old bundle was moved
// aside: the old bundle must come back, and the run must leave no staging or old folder.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import * as fsPromises from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it, vi } from 'vitest'
import { ARTICLE_DIR, MANIFEST_FILE } from '../../src/types/data'
import { ingest } from './write-bundle'

const failing = vi.hoisted(() => ({ on: false }))
vi.mock('node:fs/promises', async (original) => {
  const actual = await original<typeof fsPromises>()
  return {
    ...actual,
    rename: async (from: string, to: string) => {
      if (failing.on && String(from).includes('.staging-')) throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' })
      return actual.rename(from, to)
    },
  }
})

const seedsDir = new URL('../../seeds/', import.meta.url).pathname
const root = mkdtempSync(join(tmpdir(), 'ingest-swap-'))
afterEach(() => rmSync(root, { recursive: true, force: true }))

it('puts the old bundle back when moving the new one into place fails', async () => {
  const out = join(root, 'data')
  await ingest({ inDir: seedsDir, outDir: out, workers: 0 })
  const before = readFileSync(join(out, MANIFEST_FILE), 'utf8')
  failing.on = true
  await expect(ingest({ inDir: seedsDir, outDir: out, workers: 0 })).rejects.toThrow('EIO')
  failing.on = false
  expect(readFileSync(join(out, MANIFEST_FILE), 'utf8')).toBe(before)
  expect(readdirSync(join(out, ARTICLE_DIR))).toHaveLength(5)
  expect(readdirSync(root)).toEqual(['data']) // no staging or old folder left
})
