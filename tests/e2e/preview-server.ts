// A `vite preview` of one folder on one port, for suites that serve a modified copy of the build.
import { spawn } from 'node:child_process'

export interface PreviewServer {
  url: string
  close(): void
}

export async function startPreview(outDir: string, port: number): Promise<PreviewServer> {
  const server = spawn('npx', ['vite', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TZ: 'Asia/Shanghai' },
    detached: true,
  })
  let output = ''
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const url = `http://127.0.0.1:${port}`
  const close = () => {
    if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM')
  }
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`vite preview exited:\n${output}`)
    try {
      if ((await fetch(url)).ok) return { url, close }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  close()
  throw new Error(`vite preview did not answer on ${url} within 30 s:\n${output}`)
}
