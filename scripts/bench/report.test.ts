import { describe, expect, test } from 'vitest'
import { formatGrowth, formatTable, growthExponent, ratio, type GrowthRow } from './report'

const size = (n: number, seconds: number, rssMb: number): GrowthRow => ({ n, inputMb: n / 40, seconds, cpuSeconds: seconds, rssMb, mbPerSecond: n / 40 / seconds, searchBytes: n * 4000, firstScreenGzip: 8000, load: 1 })

describe('benchmark report', () => {
  test('the ratio is ours over Pagefind, only where both were measured', () => {
    const row = { figure: 'cold', ours: '900 ms', oursValue: 900, target: '< Pagefind', pagefind: { text: '1200 ms', value: 1200 } }
    expect(ratio(row)).toBe(0.75)
    expect(ratio({ ...row, pagefind: undefined })).toBeUndefined()
    expect(formatTable([{ ...row, met: true }])).toContain('| cold   | 900 ms | < Pagefind | yes | 1200 ms  | 0.75            |')
  })

  test('growth is the exponent of the size: 1 linear, 0 flat', () => {
    expect(growthExponent(size(1000, 10, 300), size(10_000, 100, 300), (row) => row.seconds)).toBeCloseTo(1)
    expect(growthExponent(size(1000, 10, 300), size(10_000, 100, 300), (row) => row.rssMb)).toBeCloseTo(0)
    expect(growthExponent(size(1000, 10, 300), size(4000, 160, 300), (row) => row.seconds)).toBeCloseTo(2)
    expect(formatGrowth([size(1000, 10, 300), size(10_000, 100, 600)])).toMatch(/100\.0 s \(n\^1\.00\).*600 MB \(n\^0\.30\)/)
  })
})
