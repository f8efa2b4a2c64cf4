// The input walk as the CLI user sees it: folders it cannot list, and symbolic links. Tests run as root,
// for whom chmod 000 changes nothing, so one folder is made unreadable by failing its readdir.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
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

describe('symbolic links in the archive', () => {
  // in/real/a.txt; in/file-link.txt -> real/a.txt; in/twice.txt -> real/a.txt; in/outside -> ../elsewhere (c.txt);
  // in/real/loop -> .. (the archive itself); in/gone.txt -> a missing file
  const input = join(temp, 'links-in')
  const elsewhere = join(temp, 'elsewhere')
  mkdirSync(join(input, 'real'), { recursive: true })
  mkdirSync(elsewhere, { recursive: true })
  copyFileSync(join(seeds, seedFiles[0]!), join(input, 'real', 'a.txt'))
  copyFileSync(join(seeds, seedFiles[2]!), join(elsewhere, 'c.txt'))
  symlinkSync('real/a.txt', join(input, 'file-link.txt'))
  symlinkSync('real/a.txt', join(input, 'twice.txt'))
  symlinkSync(elsewhere, join(input, 'outside'))
  symlinkSync('..', join(input, 'real', 'loop'))
  symlinkSync('no-such-file.txt', join(input, 'gone.txt'))

  it('are reported one a line ("path: symbolic link, not followed") and not read; --strict fails', async () => {
    const out = join(temp, 'links-out')
    const { code, stderr } = await cli('--in', input, '--out', out)
    expect(code).toBe(0)
    expect(stderr).toEqual([
      'file-link.txt: symbolic link, not followed',
      'gone.txt: symbolic link, not followed',
      'outside: symbolic link, not followed',
      'real/loop: symbolic link, not followed',
      'twice.txt: symbolic link, not followed',
    ])
    expect(articleCount(out)).toBe(1)
    expect((await cli('--in', input, '--out', out, '--strict')).code).toBe(1)
  })

  it('are read under --follow-symlinks, each real file and folder once, a missing target reported', async () => {
    const out = join(temp, 'links-followed')
    const { code, stderr } = await cli('--in', input, '--out', out, '--follow-symlinks')
    expect(code).toBe(0)
    expect(stderr).toEqual([
      'file-link.txt: symbolic link to a file already read (real/a.txt)',
      'gone.txt: symbolic link to a missing target',
      'real/loop: symbolic link to a folder already read',
      'twice.txt: symbolic link to a file already read (real/a.txt)',
    ])
    const sources = readdirSync(join(out, ARTICLE_DIR)).map((name) => JSON.parse(readFileSync(join(out, ARTICLE_DIR, name), 'utf8')).source)
    expect(sources.sort()).toEqual(['outside/c.txt', 'real/a.txt'])
  })
})
