import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const root = new URL('../../', import.meta.url).pathname
const fixtures = join(root, 'scripts/ingest/fixtures')
const temp = mkdtempSync(join(tmpdir(), 'ingest-cli-'))
afterAll(() => rmSync(temp, { recursive: true, force: true }))

function cli(...args: string[]) {
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ingest/cli.ts', ...args], { cwd: root, encoding: 'utf8' })
  return { code: child.status, stdout: child.stdout, stderr: child.stderr }
}

describe('ingest CLI', () => {
  it('exits 0 on the seeds and prints one summary line', () => {
    const { code, stdout, stderr } = cli('--in', 'seeds', '--out', join(temp, 'seeds'))
    expect(code).toBe(0)
    expect(stderr).toBe('')
    expect(stdout).toMatch(/^ingest: 5 articles, 0 duplicates, 0 problems \(\d+ ms\)\n$/)
  })

  it('reports each bad file as "path: reason" on stderr and still exits 0', () => {
    const out = join(temp, 'fixtures')
    const { code, stdout, stderr } = cli('--in', fixtures, '--out', out)
    expect(code).toBe(0)
    expect(stdout).toMatch(/^ingest: 11 articles, 0 duplicates, 10 problems/)
    const lines = stderr.trim().split('\n')
    expect(lines).toHaveLength(10)
    expect(lines).toContain('bad/latin1.txt: not UTF-8 text')
    for (const line of lines) expect(line).toMatch(/^bad\/[\w-]+\.txt: \S/)
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).articleCount).toBe(11)
  })

  it('exits 1 under --strict when any file was reported', () => {
    expect(cli('--in', fixtures, '--out', join(temp, 'strict'), '--strict').code).toBe(1)
    expect(cli('--in', 'seeds', '--out', join(temp, 'strict-ok'), '--strict').code).toBe(0)
  })

  it('exits 2 with a message for a missing input folder or an unknown option', () => {
    const missing = cli('--in', join(temp, 'no-such-folder'), '--out', join(temp, 'x'))
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('input folder not found')
    const unknown = cli('--frobnicate')
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain("Unknown option '--frobnicate'")
  })

  it('refuses (exit 2, nothing written) to replace a folder that is not a bundle it wrote', () => {
    const parent = join(temp, 'refuse')
    mkdirSync(join(parent, 'site'), { recursive: true })
    writeFileSync(join(parent, 'site', 'notes.txt'), 'my notes')
    const result = cli('--in', 'seeds', '--out', join(parent, 'site'))
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`--out ${join(parent, 'site')} is not empty and is not a bundle written by this tool`)
    expect(readFileSync(join(parent, 'site', 'notes.txt'), 'utf8')).toBe('my notes')
    expect(readdirSync(parent)).toEqual(['site']) // no staging folder either
  })

  it('refuses a bundle folder that holds other files, and replaces its own bundle or an empty folder', () => {
    const parent = join(temp, 'own')
    mkdirSync(join(parent, 'empty'), { recursive: true })
    expect(cli('--in', 'seeds', '--out', join(parent, 'empty')).code).toBe(0)
    const manifest = JSON.parse(readFileSync(join(parent, 'empty', 'manifest.json'), 'utf8'))
    expect(manifest.generator).toBe('archive-reader ingest')
    expect(cli('--in', 'seeds', '--out', join(parent, 'empty')).code).toBe(0) // its own bundle
    writeFileSync(join(parent, 'empty', 'notes.txt'), 'mine')
    const result = cli('--in', 'seeds', '--out', join(parent, 'empty'))
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('holds files that are not part of a bundle (notes.txt)')
    expect(readFileSync(join(parent, 'empty', 'notes.txt'), 'utf8')).toBe('mine')
  })
})
