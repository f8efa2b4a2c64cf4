import { describe, expect, test } from 'vitest'
import { matchesReader, type FirstScreen } from './first-screen'

/** A build's first screen in Shanghai time, its data holding these publication times. */
const screenWith = (...publishedAt: string[]): FirstScreen => ({
  path: '/',
  locale: 'zh-CN',
  timeZone: 'Asia/Shanghai',
  loaderData: {},
  queries: { mutations: [], queries: [{ queryKey: ['shard', 'index/0.json'], queryHash: '', state: { data: { entries: publishedAt.map((time) => ({ publishedAt: time })) } } }] } as unknown as FirstScreen['queries'],
})
const reader = (timeZone: string, storedKeys: readonly string[] | null = []) => ({ path: '/', search: '', locale: 'zh-CN', timeZone, storedKeys })

describe('whose first render the prerendered list is', () => {
  const screen = screenWith('2024-03-05T20:30:00Z', '2023-07-01T01:00:00+08:00')

  test('a reader in the build zone, or in one with the same clock on every date shown (Taipei, Singapore), hydrates it', () => {
    expect(matchesReader(screen, reader('Asia/Shanghai'))).toBe(true)
    expect(matchesReader(screen, reader('Asia/Taipei'))).toBe(true)
    expect(matchesReader(screen, reader('Asia/Singapore'))).toBe(true)
  })

  test('a reader whose clock shows another time of a listed article gets a fresh render', () => {
    expect(matchesReader(screen, reader('UTC'))).toBe(false)
    expect(matchesReader(screen, reader('Asia/Tokyo'))).toBe(false)
  })

  test('Singapore before 1982 kept another clock: an article of 1980 listed makes it differ', () => {
    expect(matchesReader(screenWith('1980-06-01T12:00:00Z'), reader('Asia/Singapore'))).toBe(false)
  })

  test('a zone the browser does not know, stored state or blocked storage: a fresh render', () => {
    expect(matchesReader(screen, reader('Mars/Olympus'))).toBe(false)
    expect(matchesReader(screen, reader('Asia/Shanghai', ['archive-reader:bookmarks']))).toBe(false)
    expect(matchesReader(screen, reader('Asia/Shanghai', null))).toBe(false)
  })
})
