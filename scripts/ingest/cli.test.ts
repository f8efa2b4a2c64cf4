import { spawn, spawnSync } from 'node:child_process'
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateCorpus } from '../bench/ingest-bench'
import { printable } from './cli'

const root = new URL('../../', import.meta.url).pathname
const fixtures = join(root, 'scripts/ingest/fixtures')
const temp = mkdtempSync(join(tmpdir(), 'ingest-cli-'))
afterAll(() => rmSync(temp, { recursive: true, force: true }))

function cli(...args: string[]) {
  return cliWith({}, ...args)
}

function cliWith(env: Record<string, string>, ...args: string[]) {
  // The cache goes with the run's other files, not into the project's .ingest-cache.
  const cache = args.some((arg) => arg.endsWith('-cache')) ? [] : ['--cache', join(temp, 'cache')]
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ingest/cli.ts', ...args, ...cache], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  })
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
    expect(result.stderr).toContain(`--out ${join(parent, 'empty')} holds notes.txt, which is not part of a bundle; refusing to replace it`)
    expect(readFileSync(join(parent, 'empty', 'notes.txt'), 'utf8')).toBe('mine')
  })
})

describe('ingest CLI after a run died between the two renames of the swap', () => {
  /** The crash state: --out gone, the previous bundle parked beside it by a process that no longer exists. */
  function crashState(name: string) {
    const parent = join(temp, name)
    mkdirSync(parent, { recursive: true })
    expect(cli('--in', 'seeds', '--out', join(parent, 'data')).code).toBe(0)
    const parked = `.data.old-${spawnSync('true').pid!}-ab12`
    renameSync(join(parent, 'data'), join(parent, parked))
    return { parent, parked, manifest: readFileSync(join(parent, parked, 'manifest.json'), 'utf8') }
  }

  it('restores the parked bundle before anything else, even when the run then stops on a usage error', () => {
    const { parent, parked, manifest } = crashState('crash-usage')
    const result = cli('--in', join(temp, 'no-such-folder'), '--out', join(parent, 'data'))
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`ingest: restored the previous bundle from ${parked}\n`)
    expect(readdirSync(parent)).toEqual(['data'])
    expect(readFileSync(join(parent, 'data', 'manifest.json'), 'utf8')).toBe(manifest)
  })

  it('restores it and then replaces it as usual, leaving nothing parked', () => {
    const { parent, parked } = crashState('crash-run')
    const result = cli('--in', 'seeds', '--out', join(parent, 'data'))
    expect(result.code).toBe(0)
    expect(result.stderr).toBe(`ingest: restored the previous bundle from ${parked}\n`)
    expect(readdirSync(parent)).toEqual(['data'])
    expect(readdirSync(join(parent, 'data', 'articles'))).toHaveLength(5)
  })

  it('neither restores nor deletes a parked folder that is not a complete bundle when --out is missing', () => {
    const parent = join(temp, 'crash-partial')
    const parked = `.data.old-${spawnSync('true').pid!}-cd34`
    mkdirSync(join(parent, parked, 'articles'), { recursive: true })
    const result = cli('--in', 'seeds', '--out', join(parent, 'data'))
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    expect(readdirSync(parent).sort()).toEqual([parked, 'data'])
  })
})

describe('printable', () => {
  it('escapes control, separator and bidi characters and the backslash, and leaves other text alone', () => {
    expect(printable('a\nb\r\tc\x1b[31m\x00\x7f\x85\u2028\u2029\u202e\u2066\\ 中文 é')).toBe(
      'a\\nb\\r\\tc\\x1b[31m\\x00\\x7f\\x85\\u2028\\u2029\\u202e\\u2066\\\\ 中文 é',
    )
    // Direction marks and invisible characters that reorder or hide a line's text.
    expect(printable('\u200e\u200f\u061c\u200b\u2060\ufeff')).toBe('\\u200e\\u200f\\u061c\\u200b\\u2060\\ufeff')
  })
})

describe('ingest CLI messages', () => {
  it('prints a file name holding a newline and an ESC as one escaped report line', () => {
    const input = join(temp, 'evil-names')
    mkdirSync(input, { recursive: true })
    writeFileSync(join(input, 'a\nforged: line\x1b[2J.txt'), '')
    const { code, stderr } = cli('--in', input, '--out', join(temp, 'evil-out'))
    expect(code).toBe(0)
    expect(stderr).toBe('a\\nforged: line\\x1b[2J.txt: empty file\n')
  })
})

describe('ingest CLI --out safety inside the bundle folders', () => {
  // A forged manifest passes the top-level check; what lies below it must still be only what this tool writes.
  it.each([
    ['a stray file in index/', 'index/notes.txt', (path: string) => writeFileSync(path, 'mine')],
    ['a file whose name is no article id', 'articles/My-Notes.json', (path: string) => writeFileSync(path, '{}')],
    ['a subfolder in search/', 'search/0.json', (path: string) => mkdirSync(path)],
    ['a symbolic link in articles/', 'articles/bbc-aaaaaaaaaaaa.json', (path: string) => symlinkSync('/etc/hostname', path)],
    ['a symbolic link in place of index/', 'index', (path: string) => (rmSync(path, { recursive: true }), symlinkSync('/tmp', path))],
  ])('refuses (exit 2, nothing touched) a folder holding %s', (_, offending, make) => {
    const parent = join(temp, `forged-${offending.replace(/\W/g, '-')}`)
    const out = join(parent, 'site')
    for (const dir of ['index', 'search', 'articles']) mkdirSync(join(out, dir), { recursive: true })
    writeFileSync(join(out, 'manifest.json'), JSON.stringify({ generator: 'archive-reader ingest' }))
    writeFileSync(join(out, 'index', '0.json'), '{}')
    writeFileSync(join(out, 'articles', 'bbc-abcdefghijkl.json'), '{}')
    make(join(out, offending))
    const result = cli('--in', 'seeds', '--out', out)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`--out ${out} holds ${offending}, which is not part of a bundle; refusing to replace it`)
    expect(readdirSync(parent)).toEqual(['site'])
    expect(() => lstatSync(join(out, offending))).not.toThrow()
    expect(readFileSync(join(out, 'articles', 'bbc-abcdefghijkl.json'), 'utf8')).toBe('{}')
  })
})

describe('ingest CLI stopped or killed', () => {
  const big = join(temp, 'big')
  beforeAll(() => {
    generateCorpus(big, 3000, join(root, 'seeds')) // a few seconds of work, so a signal lands mid-run
  })

  /** Starts a run and sends `signal` once it has created its staging and spill folders. */
  function stopMidway(signal: NodeJS.Signals, args: string[], env: Record<string, string>) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/ingest/cli.ts', '--verbose', '--no-cache', ...args], {
      cwd: root,
      env: { ...process.env, ...env },
    })
    let stderr = ''
    let sent = false
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
      if (!sent && stderr.includes(' input files ')) {
        sent = true
        child.kill(signal)
      }
    })
    return new Promise<{ code: number | null; stderr: string }>((done) => child.on('close', (code) => done({ code, stderr })))
  }

  it.each([
    ['SIGTERM', 143, '2'],
    ['SIGINT', 130, '0'],
  ] as const)('on %s exits %i, leaves no staging or spill folder and keeps the old bundle (workers %s)', async (signal, exit, workers) => {
    const parent = join(temp, `stop-${signal}`)
    const tmp = join(parent, 'tmp')
    mkdirSync(tmp, { recursive: true })
    expect(cli('--in', 'seeds', '--out', join(parent, 'data')).code).toBe(0)
    const before = readFileSync(join(parent, 'data', 'manifest.json'), 'utf8')

    const { code, stderr } = await stopMidway(signal, ['--in', big, '--out', join(parent, 'data'), '--workers', workers], { TMPDIR: tmp })
    expect(code).toBe(exit)
    expect(stderr).toContain(`stopped by ${signal}`)
    expect(readdirSync(parent).sort()).toEqual(['data', 'tmp'])
    expect(readdirSync(tmp).filter((name) => name.startsWith('archive-reader'))).toEqual([]) // tsx keeps a cache there too
    expect(readFileSync(join(parent, 'data', 'manifest.json'), 'utf8')).toBe(before)
    expect(readdirSync(join(parent, 'data', 'articles'))).toHaveLength(5)
  }, 60_000)

  it("removes staging and spill folders of dead runs at start, not a live run's", () => {
    const parent = join(temp, 'stale')
    const tmp = join(parent, 'tmp')
    mkdirSync(tmp, { recursive: true })
    expect(cli('--in', 'seeds', '--out', join(parent, 'data')).code).toBe(0) // a parked old bundle is garbage only beside a current one
    const dead = spawnSync('true').pid! // has exited
    const live = process.pid
    for (const name of [`.data.staging-${dead}-aa11`, `.data.old-${dead}-bb22`, `.data.staging-${live}-cc33`]) {
      mkdirSync(join(parent, name, 'articles'), { recursive: true })
    }
    mkdirSync(join(tmp, `archive-reader-ingest.work-${dead}-dd44`))
    mkdirSync(join(tmp, `archive-reader-ingest.work-${live}-ee55`))
    expect(cliWith({ TMPDIR: tmp }, '--in', 'seeds', '--out', join(parent, 'data')).code).toBe(0)
    expect(readdirSync(parent).sort()).toEqual([`.data.staging-${live}-cc33`, 'data', 'tmp'])
    expect(readdirSync(tmp).filter((name) => name.startsWith('archive-reader'))).toEqual([`archive-reader-ingest.work-${live}-ee55`])
  })
})
