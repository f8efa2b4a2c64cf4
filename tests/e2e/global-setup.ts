import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import type { TestProject } from 'vitest/node'

const PORT = Number(process.env.E2E_PORT ?? 4179)

export default async function setup(project: TestProject) {
  if (!existsSync(`${process.env.E2E_DIST ?? 'dist'}/index.html`)) throw new Error('the production build is missing: run `npm run build` before the browser tests')
  const outDir = process.env.E2E_DIST ?? 'dist'
  const server: ChildProcess = spawn('npx', ['vite', 'preview', '--outDir', outDir, '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TZ: 'Asia/Shanghai' },
    detached: true,
  })
  const baseURL = `http://127.0.0.1:${PORT}`
  await waitForServer(baseURL, server)
  project.provide('baseURL', baseURL)
  return () => {
    if (server.pid) process.kill(-server.pid, 'SIGTERM')
  }
}

async function waitForServer(url: string, server: ChildProcess) {
  let output = ''
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`vite preview exited:\n${output}`)
    try {
      const response = await fetch(url)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`vite preview did not answer on ${url} within 30 s:\n${output}`)
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
  }
}
