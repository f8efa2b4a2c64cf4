// The benchmark's tables: each figure beside its target and, where measured, Pagefind's figure and
// the ratio; and how each ingest cost grows with the archive.

export interface Row {
  figure: string
  ours: string
  oursValue: number
  target: string
  /** Whether the target is met, where the target is a threshold. */
  met?: boolean
  pagefind?: { text: string; value: number }
}

/** ours / Pagefind's, for figures both measured (below 1: ours is smaller, faster or less). */
export function ratio(row: Row): number | undefined {
  if (!row.pagefind || !(row.pagefind.value > 0)) return undefined
  return row.oursValue / row.pagefind.value
}

function table(header: readonly string[], lines: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)))
  const render = (cells: readonly string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`
  return [render(header), render(widths.map((width) => '-'.repeat(width))), ...lines.map(render)].join('\n')
}

export function formatTable(rows: readonly Row[]): string {
  return table(
    ['figure', 'ours', 'target', 'met', 'Pagefind', 'ours / Pagefind'],
    rows.map((row) => {
      const r = ratio(row)
      return [row.figure, row.ours, row.target, row.met === undefined ? '' : row.met ? 'yes' : 'NO', row.pagefind?.text ?? '—', r === undefined ? '—' : r.toFixed(2)]
    }),
  )
}

export interface GrowthRow {
  n: number
  inputMb: number
  seconds: number
  cpuSeconds: number
  rssMb: number
  mbPerSecond: number
  searchBytes: number
  firstScreenGzip: number
  /** The one-minute load average when this size started: wall times at a high load are mostly other work. */
  load: number
}

/**
 * How a cost grew from one size to the next, as the exponent k of cost ∝ n^k: 1.00 grows linearly
 * with the archive, 0 stays flat, above 1 grows faster than the archive.
 */
export function growthExponent(previous: GrowthRow, row: GrowthRow, cost: (row: GrowthRow) => number): number {
  return Math.log(cost(row) / cost(previous)) / Math.log(row.n / previous.n)
}

export function formatGrowth(rows: readonly GrowthRow[]): string {
  const costs: [string, (row: GrowthRow) => number, (value: number) => string][] = [
    ['ingest wall', (row) => row.seconds, (value) => `${value.toFixed(1)} s`],
    ['ingest CPU', (row) => row.cpuSeconds, (value) => `${value.toFixed(1)} s`],
    ['MB/s', (row) => row.mbPerSecond, (value) => value.toFixed(2)],
    ['peak RSS', (row) => row.rssMb, (value) => `${value.toFixed(0)} MB`],
    ['search index', (row) => row.searchBytes, (value) => `${(value / 1024 / 1024).toFixed(1)} MB`],
    ['first screen gzip', (row) => row.firstScreenGzip, (value) => `${(value / 1024).toFixed(1)} KB`],
  ]
  return table(
    ['articles', 'input', 'load', ...costs.map(([name]) => name)],
    rows.map((row, at) => [
      String(row.n),
      `${row.inputMb.toFixed(0)} MB`,
      row.load.toFixed(1),
      ...costs.map(([, cost, format]) => (at === 0 ? format(cost(row)) : `${format(cost(row))} (n^${growthExponent(rows[at - 1]!, row, cost).toFixed(2)})`)),
    ]),
  )
}
