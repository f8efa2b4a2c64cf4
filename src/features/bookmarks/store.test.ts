// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react'
import { describe, expect, test, vi } from 'vitest'
import type { BookmarkInput } from './bookmark'
import { BACKUP_KEY_PREFIX, MAX_BACKUPS, STORAGE_KEY, createBookmarkStore } from './store'
import { freshPageStoreEachTest } from '../../../tests/unit/fresh-page-store'
import { createTestStorage, type TestStorage } from '../../../tests/unit/test-storage'

const NOW = new Date('2024-03-01T08:00:00.000Z')

function article(id: string, title = `标题 ${id}`): BookmarkInput {
  return { id, title, url: `https://news.test/${id}`, outlet: 'bbc', outletName: 'BBC 中文', publishedAt: '2024-02-07T07:15:00.000Z' }
}

function storedValue(id: string, addedAt = '2024-02-10T00:00:00.000Z') {
  return { ...article(id), addedAt }
}

function backupKeys(storage: TestStorage): string[] {
  return Object.keys(storage.entries()).filter((key) => key.startsWith(BACKUP_KEY_PREFIX))
}

function storeOn(storage: TestStorage | null, clock = { time: NOW.getTime() }) {
  return createBookmarkStore({ storage: () => storage, now: () => new Date(clock.time), eventTarget: null })
}

describe('bookmark store', () => {
  test('toggling adds a bookmark (newest first), toggling again removes it, and a reload reads them back', () => {
    const storage = createTestStorage()
    const clock = { time: NOW.getTime() }
    const store = storeOn(storage, clock)
    store.toggle(article('a'))
    clock.time += 1000
    store.toggle(article('b'))
    expect(store.getSnapshot().bookmarks.map((bookmark) => bookmark.id)).toEqual(['b', 'a'])
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!)).toMatchObject({ version: 1, bookmarks: [{ id: 'b' }, { id: 'a', addedAt: NOW.toISOString() }] })

    store.toggle(article('b'))
    expect(store.getSnapshot().bookmarks.map((bookmark) => bookmark.id)).toEqual(['a'])
    expect(storeOn(storage).getSnapshot()).toEqual({ bookmarks: [{ ...article('a'), addedAt: NOW.toISOString() }], notice: null })
  })

  test('keeps only the snapshot fields of what it is given', () => {
    const storage = createTestStorage()
    const store = storeOn(storage)
    store.toggle({ ...article('a'), excerpt: '很长的摘要', html: '<p>正文</p>' } as BookmarkInput)
    expect(Object.keys(store.getSnapshot().bookmarks[0]!).sort()).toEqual(['addedAt', 'id', 'outlet', 'outletName', 'publishedAt', 'title', 'url'])
  })

  test('remove deletes one bookmark and persists', () => {
    const storage = createTestStorage({ [STORAGE_KEY]: JSON.stringify({ version: 1, bookmarks: [storedValue('a'), storedValue('b')] }) })
    const store = storeOn(storage)
    store.remove('a')
    expect(store.getSnapshot().bookmarks.map((bookmark) => bookmark.id)).toEqual(['b'])
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).bookmarks).toHaveLength(1)
  })
})

test('bookmarking an article from a tampered data file stores a clean snapshot', () => {
  const storage = createTestStorage()
  const store = storeOn(storage)
  store.toggle({ ...article('a'), url: 'javascript:alert(1)', title: '长'.repeat(3000), publishedAt: 'never' })
  store.toggle({ ...article('x'), id: '../../etc' })
  const [bookmark] = store.getSnapshot().bookmarks
  expect(store.getSnapshot().bookmarks).toHaveLength(1)
  expect(bookmark).toMatchObject({ id: 'a', url: '', publishedAt: NOW.toISOString() })
  expect(bookmark!.title).toHaveLength(2000)
  // and it reads back without a recovery notice
  expect(storeOn(storage).getSnapshot()).toMatchObject({ bookmarks: [{ id: 'a' }], notice: null })
})

describe('bookmark store recovers from corrupt storage without losing data', () => {
  test.each([
    ['not JSON', '{"version":1,"bookmarks":[', { kind: 'not-json' }],
    ['wrong shape: an array', JSON.stringify([storedValue('a')]), { kind: 'wrong-shape' }],
    ['wrong shape: bookmarks not a list', JSON.stringify({ version: 1, bookmarks: 'a' }), { kind: 'wrong-shape' }],
    ['an older schema without a version', JSON.stringify({ items: [storedValue('a')] }), { kind: 'old-version', version: null }],
    ['an older schema version', JSON.stringify({ version: 0, bookmarks: [storedValue('a')] }), { kind: 'old-version', version: '0' }],
    ['a non-numeric version', JSON.stringify({ version: '2', bookmarks: [] }), { kind: 'old-version', version: '"2"' }],
  ] as const)('%s: the value is moved aside to a backup key and the reader is told', (_label, raw, reason) => {
    const storage = createTestStorage({ [STORAGE_KEY]: raw })
    const { bookmarks, notice } = storeOn(storage).getSnapshot()
    const backupKey = `${BACKUP_KEY_PREFIX}${NOW.toISOString()}`
    expect(bookmarks).toEqual([])
    expect(notice).toEqual({ kind: 'recovered', backupKey, reason })
    expect(storage.getItem(backupKey)).toBe(raw)
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!)).toEqual({ version: 1, bookmarks: [] })
  })

  test('a list with some bad entries keeps the good ones and backs up the original', () => {
    const raw = JSON.stringify({ version: 1, bookmarks: [storedValue('good'), { id: 'no-title' }, { ...storedValue('js'), url: 'javascript:alert(1)' }] })
    const storage = createTestStorage({ [STORAGE_KEY]: raw })
    const { bookmarks, notice } = storeOn(storage).getSnapshot()
    expect(bookmarks.map((bookmark) => bookmark.id)).toEqual(['good'])
    expect(notice).toMatchObject({ kind: 'recovered', reason: { kind: 'bad-entries', count: 2 } })
    expect(storage.getItem(`${BACKUP_KEY_PREFIX}${NOW.toISOString()}`)).toBe(raw)
  })

  test('never overwrites an earlier backup', () => {
    const backupKey = `${BACKUP_KEY_PREFIX}${NOW.toISOString()}`
    const storage = createTestStorage({ [STORAGE_KEY]: 'second', [backupKey]: 'first' })
    expect(storeOn(storage).getSnapshot().notice).toMatchObject({ backupKey: `${backupKey}-2` })
    expect(storage.entries()).toMatchObject({ [backupKey]: 'first', [`${backupKey}-2`]: 'second' })
  })

  test('the same unreadable value is backed up once, however often it is read', () => {
    const storage = createTestStorage({ [STORAGE_KEY]: 'not json' })
    const clock = { time: NOW.getTime() }
    storeOn(storage, clock).getSnapshot()
    // Another (old) tab puts the same value back; every later read finds its copy already kept.
    for (let round = 0; round < 3; round++) {
      clock.time += 1000
      storage.setItem(STORAGE_KEY, 'not json')
      const { notice } = storeOn(storage, clock).getSnapshot()
      expect(notice).toEqual({ kind: 'recovered', backupKey: `${BACKUP_KEY_PREFIX}${NOW.toISOString()}`, reason: { kind: 'not-json' } })
    }
    expect(backupKeys(storage)).toEqual([`${BACKUP_KEY_PREFIX}${NOW.toISOString()}`])
  })

  test(`at ${MAX_BACKUPS} backups no new one is made: the unreadable value stays in place, nothing is deleted, the tab works in memory`, () => {
    const backups = Object.fromEntries(Array.from({ length: MAX_BACKUPS }, (_, index) => [`${BACKUP_KEY_PREFIX}old-${index}`, `old ${index}`]))
    const storage = createTestStorage({ ...backups, [STORAGE_KEY]: 'not json' })
    const store = storeOn(storage)
    const { notice } = store.getSnapshot()
    expect(notice).toEqual({ kind: 'backups-full', reason: { kind: 'not-json' }, limit: MAX_BACKUPS })
    store.toggle(article('a'))
    expect(store.getSnapshot().bookmarks.map((bookmark) => bookmark.id)).toEqual(['a'])
    expect(storage.entries()).toEqual({ ...backups, [STORAGE_KEY]: 'not json' })
  })

  test('when the backup is written but the rewrite is not, the reader is told of the backup, not of a lost change', () => {
    const storage = createTestStorage({ [STORAGE_KEY]: 'not json' })
    let writes = 0
    const setItem = storage.setItem.bind(storage)
    storage.setItem = (key: string, value: string) => {
      if (++writes > 1) throw new DOMException('full', 'QuotaExceededError')
      setItem(key, value)
    }
    const store = storeOn(storage)
    expect(store.getSnapshot().notice).toMatchObject({ kind: 'recovered', reason: { kind: 'not-json' } })
    expect(storage.getItem(STORAGE_KEY)).toBe('not json')
  })

  test('when even the backup cannot be written, the original stays in place until it can be', () => {
    const storage = createTestStorage({ [STORAGE_KEY]: 'not json' })
    storage.failWrites = 'quota'
    const store = storeOn(storage)
    // Before the reader changes anything: the stored value could not be backed up, no change was lost.
    expect(store.getSnapshot().notice).toEqual({ kind: 'backup-failed', reason: { kind: 'not-json' }, failure: 'quota' })
    store.toggle(article('a'))
    expect(store.getSnapshot().notice).toEqual({ kind: 'write-failed', reason: 'quota' })
    expect(storage.getItem(STORAGE_KEY)).toBe('not json')
    expect(store.getSnapshot().bookmarks.map((bookmark) => bookmark.id)).toEqual(['a'])

    storage.failWrites = null
    store.toggle(article('b'))
    expect(store.getSnapshot().notice).toMatchObject({ kind: 'recovered' })
    expect(storage.getItem(`${BACKUP_KEY_PREFIX}${NOW.toISOString()}`)).toBe('not json')
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).bookmarks).toHaveLength(2)
  })
})

describe('a value saved by a newer version of the app', () => {
  const newer = JSON.stringify({ version: 2, bookmarks: [storedValue('from-v2')], tags: ['x'] })

  test('is never written over or backed up: the tab shows what it can read, keeps changes in memory and says to reload', () => {
    const storage = createTestStorage({ [STORAGE_KEY]: newer })
    const store = storeOn(storage)
    const { bookmarks, notice } = store.getSnapshot()
    expect(bookmarks.map((bookmark) => bookmark.id)).toEqual(['from-v2'])
    expect(notice).toEqual({ kind: 'newer-version', version: '2' })

    store.toggle(article('a'))
    store.remove('from-v2')
    expect(store.getSnapshot().bookmarks.map((bookmark) => bookmark.id)).toEqual(['a'])
    expect(storage.entries()).toEqual({ [STORAGE_KEY]: newer })
  })

  test('an old tab left open after a deploy never empties the new list, however many storage events arrive', () => {
    const storage = createTestStorage({ [STORAGE_KEY]: JSON.stringify({ version: 1, bookmarks: [storedValue('a')] }) })
    const target = new EventTarget()
    const oldTab = createBookmarkStore({ storage: () => storage, now: () => NOW, eventTarget: target as unknown as Window })
    const unsubscribe = oldTab.subscribe(() => {})
    expect(oldTab.getSnapshot().bookmarks.map((bookmark) => bookmark.id)).toEqual(['a'])

    for (let round = 0; round < 3; round++) {
      storage.setItem(STORAGE_KEY, newer)
      target.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEY }))
      expect(oldTab.getSnapshot().notice).toEqual({ kind: 'newer-version', version: '2' })
    }
    oldTab.toggle(article('b'))
    expect(storage.entries()).toEqual({ [STORAGE_KEY]: newer })
    unsubscribe()
  })
})

describe('bookmark store without working storage', () => {
  test('unavailable storage: bookmarks work in memory and the reader is told', () => {
    const storage = createTestStorage({ [STORAGE_KEY]: JSON.stringify({ version: 1, bookmarks: [storedValue('kept')] }) })
    storage.failReads = true
    storage.failWrites = 'security'
    const store = storeOn(storage)
    expect(store.getSnapshot().notice).toEqual({ kind: 'unavailable' })
    store.toggle(article('a'))
    expect(store.getSnapshot().bookmarks.map((bookmark) => bookmark.id)).toEqual(['a'])
    expect(store.getSnapshot().notice).toEqual({ kind: 'unavailable' })
    storage.failReads = false
    // What could not be read is never written over.
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).bookmarks[0].id).toBe('kept')
  })

  test('no localStorage at all (it throws on access) counts as unavailable', () => {
    const store = storeOn(null)
    store.toggle(article('a'))
    expect(store.getSnapshot()).toMatchObject({ bookmarks: [{ id: 'a' }], notice: { kind: 'unavailable' } })
  })

  test('a full quota: the bookmark still shows, the reader is told, and a later good write clears the notice', () => {
    const storage = createTestStorage()
    const store = storeOn(storage)
    storage.failWrites = 'quota'
    store.toggle(article('a'))
    expect(store.getSnapshot().bookmarks.map((bookmark) => bookmark.id)).toEqual(['a'])
    expect(store.getSnapshot().notice).toEqual({ kind: 'write-failed', reason: 'quota' })

    storage.failWrites = null
    store.toggle(article('b'))
    expect(store.getSnapshot().notice).toBeNull()
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).bookmarks.map((bookmark: { id: string }) => bookmark.id).sort()).toEqual(['a', 'b'])
  })

  test('dismissing a notice hides it', () => {
    const store = storeOn(null)
    store.getSnapshot()
    store.dismissNotice()
    expect(store.getSnapshot().notice).toBeNull()
  })
})

describe('importing when storage cannot take it', () => {
  const file = JSON.stringify({ version: 1, bookmarks: [storedValue('a'), storedValue('b')] })

  test.each([
    ['a full quota', (storage: TestStorage) => void (storage.failWrites = 'quota')],
    ['unavailable storage', (storage: TestStorage) => void ((storage.failReads = true), (storage.failWrites = 'security'))],
    ['a value saved by a newer version', (storage: TestStorage) => storage.setItem(STORAGE_KEY, JSON.stringify({ version: 2, bookmarks: [] }))],
  ])('%s: the import is merged into the tab but reported as not saved', (_label, breakStorage) => {
    const storage = createTestStorage()
    breakStorage(storage)
    const store = storeOn(storage)
    const outcome = store.importText(file)
    expect(outcome).toEqual({ ok: true, added: 2, updated: 0, total: 2, saved: false })
    expect(store.getSnapshot().bookmarks.map((bookmark) => bookmark.id)).toEqual(['a', 'b'])
  })

  test('a saved import says so', () => {
    expect(storeOn(createTestStorage()).importText(file)).toEqual({ ok: true, added: 2, updated: 0, total: 2, saved: true })
  })
})

describe('bookmark store across tabs', () => {
  test('follows another tab through the storage event', () => {
    const storage = createTestStorage()
    const target = new EventTarget()
    const store = createBookmarkStore({ storage: () => storage, now: () => NOW, eventTarget: target as unknown as Window })
    const listener = vi.fn()
    const unsubscribe = store.subscribe(listener)
    expect(store.getSnapshot().bookmarks).toEqual([])

    storage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, bookmarks: [storedValue('other-tab')] }))
    target.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEY }))
    expect(listener).toHaveBeenCalled()
    expect(store.getSnapshot().bookmarks.map((bookmark) => bookmark.id)).toEqual(['other-tab'])

    // Other keys (a backup written by the other tab) are ignored.
    listener.mockClear()
    target.dispatchEvent(new StorageEvent('storage', { key: `${BACKUP_KEY_PREFIX}x` }))
    expect(listener).not.toHaveBeenCalled()

    // localStorage.clear() in another tab arrives with key null.
    storage.clear()
    target.dispatchEvent(new StorageEvent('storage', { key: null }))
    expect(store.getSnapshot().bookmarks).toEqual([])
    unsubscribe()
  })
})

describe('useBookmarks on the page localStorage', () => {
  freshPageStoreEachTest()

  test('toggles, survives a reload and follows the storage event of another tab', async () => {
    const { useBookmarks } = await import('./store')
    const { result } = renderHook(() => useBookmarks())
    act(() => result.current.toggle(article('a')))
    expect(result.current.isBookmarked('a')).toBe(true)
    expect(result.current.bookmarks).toHaveLength(1)

    vi.resetModules()
    const reloaded = await import('./store')
    const { result: afterReload } = renderHook(() => reloaded.useBookmarks())
    expect(afterReload.current.isBookmarked('a')).toBe(true)

    act(() => {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, bookmarks: [storedValue('a'), storedValue('b')] }))
      window.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEY, storageArea: localStorage }))
    })
    expect(afterReload.current.isBookmarked('b')).toBe(true)
  })

  test('importBookmarksFile merges into the store; an invalid file changes nothing', async () => {
    const { useBookmarks, importBookmarksFile } = await import('./store')
    const { result } = renderHook(() => useBookmarks())
    act(() => result.current.toggle(article('a', '旧标题')))
    const file = JSON.stringify({ version: 1, bookmarks: [{ ...storedValue('a'), title: '新标题' }, storedValue('b')] })
    let outcome: ReturnType<typeof importBookmarksFile> | undefined
    act(() => void (outcome = importBookmarksFile(file)))
    expect(outcome).toEqual({ ok: true, added: 1, updated: 1, total: 2, saved: true })
    expect(result.current.bookmarks.find((bookmark) => bookmark.id === 'a')).toMatchObject({ title: '新标题', addedAt: '2024-02-10T00:00:00.000Z' })

    const before = localStorage.getItem(STORAGE_KEY)
    act(() => void (outcome = importBookmarksFile('{"version":1,"bookmarks":[{"id":"c"}]}')))
    expect(outcome).toMatchObject({ ok: false })
    expect(localStorage.getItem(STORAGE_KEY)).toBe(before)
  })
})

