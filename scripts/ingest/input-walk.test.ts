// The input walk as the CLI user sees it: folders it cannot list, and symbolic links. Tests run as root,
// for whom chmod 000 changes nothing, so one folder is made unreadable by failing its readdir.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import * as fsPromises from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { ARTICLE_DIR, MANIFEST_FILE } from '../../src/types/data'
import { main } from './cli'

const locked = vi.hoisted(() => ({ name: '/locked-folder' }))
vi.mock('node:fs/promises', async (original) => {
  const actual = await original<typeof fsPromises>()
  return {
    ...actual,
    readdir: (async (path: string, options?: object) => {
      if (String(path).endsWith(locked.name)) {
        throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(path)}'`), { code: 'EACCES' })
      }
      return actual.readdir(path, options as never)
    }) as typeof actual.readdir,
  }
})

const seeds = new URL('../../seeds/', import.meta.url).pathname
const seedFiles = readdirSync(seeds).filter((name) => name.endsWith('.txt')).sort()
const temp = mkdtempSync(join(tmpdir(), 'ingest-walk-'))
afterAll(() => rmSync(temp, { recursive: true, force: true }))

async function cli(...argv: string[]) {
  const stderr: string[] = []
  const stdout: string[] = []
  const code = await main([...argv, '--workers', '0'], { stderr: (line) => stderr.push(line), stdout: (line) => stdout.push(line) })
  return { code, stderr, stdout }
}

const articleCount = (out: string) => readdirSync(join(out, ARTICLE_DIR)).length

describe('a folder the walk cannot list', () => {
  const input = join(temp, 'locked-in')
  mkdirSync(join(input, 'open'), { recursive: true })
  mkdirSync(join(input, 'locked-folder'), { recursive: true })
  copyFileSync(join(seeds, seedFiles[0]!), join(input, 'open', 'a.txt'))
  copyFileSync(join(seeds, seedFiles[1]!), join(input, 'locked-folder', 'b.txt'))

  it('is reported as "path/: cannot read folder (EACCES)" and every readable file still comes out', async () => {
    const out = join(temp, 'locked-out')
    const { code, stderr } = await cli('--in', input, '--out', out)
    expect(code).toBe(0)
    expect(stderr).toEqual(['locked-folder/: cannot read folder (EACCES)'])
    expect(articleCount(out)).toBe(1)
    expect(JSON.parse(readFileSync(join(out, MANIFEST_FILE), 'utf8')).articleCount).toBe(1)
  })

  it('fails --strict (exit 1)', async () => {
    expect((await cli('--in', input, '--out', join(temp, 'locked-strict'), '--strict')).code).toBe(1)
  })
})
