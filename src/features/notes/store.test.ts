import { describe, expect, test } from 'vitest'
import { createTestStorage } from '../../../tests/unit/test-storage'
import type { SourceRef } from './annotation'
import { ANNOTATIONS_BACKUP_PREFIX, ANNOTATIONS_KEY, createAnnotationStore } from './store'

const source: SourceRef = {
  id: 'rfi-abcdefghjkmn',
  title: '瑞士外长希望中国“帮我们一把”',
  url: 'https://www.rfi.fr/cn/a',
  outlet: 'rfi',
  outletName: 'RFI 法广',
  publishedAt: '2024-02-07T15:30:00.000Z',
  lang: 'zh-Hans',
}
const target = { exact: '帮我们一把', prefix: '希望中国“', suffix: '”', start: 8, end: 13 }

function setup(initial: Record<string, string> = {}) {
  const storage = createTestStorage(initial)
  let clock = Date.parse('2026-12-01T00:00:00Z')
  let n = 0
  const store = createAnnotationStore({ storage: () => storage, now: () => new Date((clock += 1000)), eventTarget: null, id: () => `id-${++n}` })
  return { storage, store, stored: () => JSON.parse(storage.entries()[ANNOTATIONS_KEY] ?? 'null') as unknown }
}

describe('annotation store', () => {
  test('keeps highlights and notes under a versioned key, newest first, across a reload', () => {
    const { storage, store } = setup()
    const highlight = store.addHighlight(source, target)
    store.setNote(highlight, '原话')
    store.setArticleNote(source, '整篇的笔记')
    const reloaded = createAnnotationStore({ storage: () => storage, eventTarget: null })
    const annotations = reloaded.getSnapshot().value
    expect(annotations.map((a) => [a.target?.exact ?? null, a.note])).toEqual([
      [null, '整篇的笔记'],
      ['帮我们一把', '原话'],
    ])
    expect(JSON.parse(storage.entries()[ANNOTATIONS_KEY]!)).toMatchObject({ version: 1 })
  })

  test('one note per article: set again it changes, emptied it goes; an emptied highlight note keeps the highlight', () => {
    const { store } = setup()
    store.setArticleNote(source, 'a')
    store.setArticleNote(source, 'b')
    expect(store.getSnapshot().value.map((a) => a.note)).toEqual(['b'])
    store.setArticleNote(source, '  ')
    expect(store.getSnapshot().value).toEqual([])
    const id = store.addHighlight(source, target, 'x')
    store.setNote(id, '')
    expect(store.getSnapshot().value).toHaveLength(1)
    store.remove(id)
    expect(store.getSnapshot().value).toEqual([])
  })

  test('an unreadable stored value is set aside in a backup, never deleted, and the reader told', () => {
    const { storage, store } = setup({ [ANNOTATIONS_KEY]: '{not json' })
    expect(store.getSnapshot().notice).toMatchObject({ kind: 'recovered' })
    const backups = Object.keys(storage.entries()).filter((key) => key.startsWith(ANNOTATIONS_BACKUP_PREFIX))
    expect(backups.map((key) => storage.entries()[key])).toEqual(['{not json'])
  })

  test('a bad entry is dropped from view (the whole value backed up), the good ones kept', () => {
    const good = { id: 'g', source, target, note: '', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' }
    const raw = JSON.stringify({ version: 1, annotations: [good, { ...good, id: 'b', target: { ...target, end: -1 } }, { ...good, id: 'c', source: { ...source, url: 'javascript:alert(1)' } }] })
    const { storage, store } = setup({ [ANNOTATIONS_KEY]: raw })
    expect(store.getSnapshot().value.map((a) => a.id)).toEqual(['g'])
    expect(store.getSnapshot().notice).toMatchObject({ kind: 'recovered', reason: { kind: 'bad-entries', count: 2 } })
    expect(Object.values(storage.entries())).toContain(raw)
  })
})
