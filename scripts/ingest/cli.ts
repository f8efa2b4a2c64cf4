// npm run ingest -- --in DIR --out DIR [--strict] [--verbose] [--workers N] [--follow-symlinks] [--no-stories] [--cache DIR | --no-cache]
// The only ingest file with side effects on the process: arguments, messages, exit code.
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { defaultCacheDir } from './ingest-cache'
import { ingest, UsageError, type IngestSummary } from './write-bundle'

const USAGE = 'usage: npm run ingest -- [--in DIR] [--out DIR] [--strict] [--verbose] [--workers N] [--follow-symlinks] [--no-stories] [--cache DIR | --no-cache]'

export const EXIT = { ok: 0, strictProblems: 1, usage: 2, failed: 3, SIGINT: 130, SIGTERM: 143 } as const

export type StopSignal = 'SIGINT' | 'SIGTERM'

export interface CliIo {
  stdout: (line: string) => void
  stderr: (line: string) => void
  /** Progress bar target; undefined when stderr is not a terminal. */
  progress?: NodeJS.WriteStream
  /** Aborted with the signal's name when the run should stop (SIGINT, SIGTERM). */
  signal?: AbortSignal
}

// C0/C1 controls, DEL, line/paragraph separators and bidi controls: each could break or disguise a line.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\\\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g
const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/** text with every character that could forge a line or drive the terminal written as an escape (and `\` as `\\`). */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => {
    const code = char.charCodeAt(0)
    return SHORT_ESCAPES[char] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`)
  })
}

export async function main(argv: string[], rawIo: CliIo): Promise<number> {
  // Every line goes out escaped: file names and error messages come from the archive, so one report stays one line.
  const io: CliIo = { ...rawIo, stdout: (line) => rawIo.stdout(printable(line)), stderr: (line) => rawIo.stderr(printable(line)) }
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: {
        in: { type: 'string', default: 'seeds' },
        out: { type: 'string', default: 'public/data' },
        strict: { type: 'boolean', default: false },
        verbose: { type: 'boolean', short: 'v', default: false },
        workers: { type: 'string' },
        'follow-symlinks': { type: 'boolean', default: false },
        // Skips story clustering: only to measure what it costs (npm run bench:ingest -- --no-stories).
        'no-stories': { type: 'boolean', default: false },
        cache: { type: 'string' },
        'no-cache': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }))
  } catch (error) {
    io.stderr(`ingest: ${(error as Error).message}`)
    io.stderr(USAGE)
    return EXIT.usage
  }
  if (values.help) {
    io.stdout(USAGE)
    return EXIT.ok
  }
  let workers: number | undefined
  if (values.workers !== undefined) {
    workers = Number(values.workers)
    if (!Number.isInteger(workers) || workers < 0 || workers > 64) {
      io.stderr(`ingest: --workers must be a whole number 0..64, got ${values.workers}`)
      return EXIT.usage
    }
  }

  const started = performance.now()
  const bar = io.progress ? new ProgressBar(io.progress) : undefined
  let reported = 0
  let summary: IngestSummary
  try {
    summary = await ingest({
      inDir: values.in,
      outDir: values.out,
      workers,
      followSymlinks: values['follow-symlinks'],
      stories: !values['no-stories'],
      ...(values['no-cache'] ? {} : { cacheDir: values.cache ?? defaultCacheDir(values.out) }),
      signal: io.signal,
      onProblem: (source, reason) => {
        reported++
        bar?.clear()
        io.stderr(`${source}: ${reason}`)
      },
      onNotice: (message) => {
        bar?.clear()
        io.stderr(`ingest: ${message}`)
      },
      onProgress: (done, total) => bar?.update(done, total),
      onLog: values.verbose
        ? (message) => io.stderr(`ingest: ${message} (${Math.round(performance.now() - started)} ms)`)
        : undefined,
    })
  } catch (error) {
    bar?.clear()
    if (io.signal?.aborted) {
      const name = io.signal.reason as StopSignal
      io.stderr(`ingest: stopped by ${name}; staging removed, previous bundle left in place`)
      return EXIT[name]
    }
    if (error instanceof UsageError) {
      io.stderr(`ingest: ${error.message}`)
      io.stderr(USAGE)
      return EXIT.usage
    }
    io.stderr(`ingest: failed, previous bundle left in place: ${error instanceof Error ? error.message : String(error)}`)
    return EXIT.failed
  }
  bar?.clear()
  const ms = Math.round(performance.now() - started)
  io.stdout(
    `ingest: ${summary.articles} articles, ${summary.duplicates} duplicates, ${summary.problems} problems (${ms} ms)` +
      (values.verbose ? ` -> ${values.out}` : ''),
  )
  return values.strict && reported > 0 ? EXIT.strictProblems : EXIT.ok
}

/** One self-erasing line on a terminal, redrawn at most ten times a second. */
class ProgressBar {
  private last = 0
  private readonly started = performance.now()
  constructor(private readonly stream: NodeJS.WriteStream) {}

  update(done: number, total: number) {
    const now = performance.now()
    if (total < 500 || (now - this.last < 100 && done < total)) return
    this.last = now
    const width = 30
    const filled = Math.round((done / total) * width)
    const rate = Math.round(done / ((now - this.started) / 1000))
    this.stream.write(
      `\r\x1b[2Kingest [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${rate}/s`,
    )
  }

  clear() {
    if (this.last > 0) this.stream.write('\r\x1b[2K')
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  // Ctrl-C or a kill: stop, remove the staging and spill folders, exit 130/143. A second signal exits at once.
  const controller = new AbortController()
  for (const name of ['SIGINT', 'SIGTERM'] as const) {
    process.on(name, () => {
      if (controller.signal.aborted) process.exit(EXIT[name])
      controller.abort(name)
    })
  }
  const code = await main(process.argv.slice(2), {
    signal: controller.signal,
    stdout: (line) => process.stdout.write(line + '\n'),
    stderr: (line) => process.stderr.write(line + '\n'),
    progress: process.stderr.isTTY ? process.stderr : undefined,
  })
  process.exitCode = code
}
