// `vite preview` of a built site on one port: the global setup serves dist/, and suites that need
// another archive serve a copy of the build over data ingested from it (serveArchive).
import { execFileSync, spawn } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { WAIT_MS } from './limits'

export const DIST = process.env.E2E_DIST ?? 'dist'

export interface PreviewServer {
  url: string
  close(): void
}

/** env: extra variables for vite preview, such as the BASE_PATH the build was made with. */
export async function startPreview(outDir: string, port: number, env: Record<string, string> = {}): Promise<PreviewServer> {
  const server = spawn('npx', ['vite', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TZ: 'Asia/Shanghai', ...env },
    detached: true,
  })
  let output = ''
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const url = `http://127.0.0.1:${port}`
  const home = `${url}${env.BASE_PATH ?? ''}`
  // Once: a second call (a finally after a close) finds the group gone, which is no error.
  let closed = false
  const close = () => {
    if (closed || !server.pid || server.exitCode !== null) return
    closed = true
    try {
      process.kill(-server.pid, 'SIGTERM')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error
    }
  }
  const deadline = Date.now() + WAIT_MS
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`vite preview exited:\n${output}`)
    try {
      // Only once this server says it listens: another process on the port must not pass for it.
      // A runner with FORCE_COLOR gets the address painted in pieces ("127.0.0.1:\e[1m4179"), so
      // the colours go before the match.
      if (stripVTControlCharacters(output).includes(url) && (await fetch(home)).ok) return { url, close }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  close()
  throw new Error(`vite preview did not answer on ${url} within ${WAIT_MS / 1000} s:\n${output}`)
}

export interface ServedArchive extends PreviewServer {
  /** The served data folder, to read back what the ingest wrote. */
  data: string
}

/**
 * Serves a copy of the production build whose data is `fill(archive folder)` run through the
 * real ingest; `tamper(data)` may then edit the bundle before the server starts (it lists files
 * at start). close() stops the server and removes the copy.
 */
export async function serveArchive(port: number, fill: (archive: string) => void, tamper?: (data: string) => void): Promise<ServedArchive> {
  const work = mkdtempSync(join(tmpdir(), 'reader-e2e-'))
  const archive = join(work, 'archive')
  const site = join(work, 'site')
  const data = join(site, 'data')
  try {
    fill(archive)
    cpSync(DIST, site, { recursive: true })
    rmSync(data, { recursive: true, force: true })
    execFileSync('npx', ['tsx', 'scripts/ingest/cli.ts', '--in', archive, '--out', data], { stdio: 'pipe' })
    tamper?.(data)
    const server = await startPreview(site, port)
    return {
      url: server.url,
      data,
      close: () => {
        server.close()
        rmSync(work, { recursive: true, force: true })
      },
    }
  } catch (error) {
    rmSync(work, { recursive: true, force: true })
    throw error
  }
}
