import { describe, expect, it } from 'vitest'
import { UrlVersions, type Version } from './versions'

const version = (source: string, id: string, minute: number, title = source): Version => {
  const publishedAt = new Date(Date.UTC(2024, 3, 9, 12, minute)).toISOString()
  return { source, id, publishedAt, json: () => JSON.stringify({ id, title, publishedAt, html: `<p>${title}</p>` }) }
}

/** Offers the versions in path order (as the ingest reads them) and returns what stayed and what was said. */
function run(...versions: Version[]) {
  const book = new UrlVersions()
  for (const v of versions) book.offer('https://example.com/a', v)
  return { kept: book.kept('https://example.com/a')?.source, ...book.finish() }
}

describe('UrlVersions', () => {
  it('keeps the later publication time wherever its file sorts', () => {
    expect(run(version('a.txt', 'x-1', 30), version('b.txt', 'x-1', 10)).kept).toBe('a.txt')
    expect(run(version('a.txt', 'x-1', 10), version('b.txt', 'x-1', 30)).kept).toBe('b.txt')
  })

  it('keeps the later file at the same time, and reports the others against the last kept one', () => {
    const { kept, reports } = run(version('1.txt', 'x-1', 0), version('2.txt', 'x-1', 0), version('3.txt', 'x-1', 0))
    expect(kept).toBe('3.txt')
    expect(reports).toEqual([
      { source: '1.txt', reason: 'older version of 3.txt' },
      { source: '2.txt', reason: 'older version of 3.txt' },
    ])
  })

  it('keeps the first of identical copies and calls the others duplicates', () => {
    const { kept, reports } = run(version('a.txt', 'x-1', 0, 'same'), version('b.txt', 'x-2', 0, 'same'))
    expect(kept).toBe('a.txt')
    expect(reports).toEqual([{ source: 'b.txt', reason: 'duplicate of a.txt' }])
  })

  it('gives every dropped id that is not the kept one an alias to it', () => {
    const { aliases } = run(version('a.txt', 'x-old', 0), version('b.txt', 'x-new', 5), version('c.txt', 'x-new', 1))
    expect(aliases).toEqual([['x-old', 'x-new']])
  })
})
