// Small measuring helpers of the benchmark: a child process under /usr/bin/time, folder sizes, medians,
// and the machine a run was made on.
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export interface ChildCost {
  seconds: number
  /** Peak resident memory of the process tree's largest member, MB. */
  rssMb: number
  cpuSeconds: number
  stdout: string
  stderr: string
}

/** Runs a command under GNU time for its wall time, peak RSS and CPU time; throws with its output on failure. */
export function timedChild(command: string, args: readonly string[], what: string): ChildCost {
  const started = performance.now()
  const child = spawnSync('/usr/bin/time', ['-v', command, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
  const seconds = (performance.now() - started) / 1000
  if (child.status !== 0) throw new Error(`${what} failed (exit ${child.status}):\n${(child.stdout ?? '').slice(-2000)}\n${(child.stderr ?? '').slice(-4000)}`)
  const field = (name: string) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(child.stderr)?.[1] ?? NaN)
  return {
    seconds,
    rssMb: field('Maximum resident set size \\(kbytes\\)') / 1024,
    cpuSeconds: field('User time \\(seconds\\)') + field('System time \\(seconds\\)'),
    stdout: child.stdout,
    stderr: child.stderr,
  }
}

/** Files and bytes under a folder (and, with gzip, the sum of each file's gzip size). */
export function folderSize(dir: string, gzip = false): { files: number; bytes: number; gzipBytes: number } {
  let files = 0
  let bytes = 0
  let gzipBytes = 0
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name)
    const info = statSync(path)
    if (!info.isFile()) continue
    files++
    bytes += info.size
    if (gzip) gzipBytes += gzipSync(readFileSync(path)).length
  }
  return { files, bytes, gzipBytes }
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

export interface Machine {
  cpus: number
  model: string
  memoryGb: number
  loadAverage: number[]
  node: string
  date: string
}

export function machine(): Machine {
  return {
    cpus: cpus().length,
    model: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    loadAverage: loadavg().map((load) => Math.round(load * 100) / 100),
    node: process.version,
    date: new Date().toISOString(),
  }
}
