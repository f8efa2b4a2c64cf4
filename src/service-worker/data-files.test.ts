import { describe, expect, test } from 'vitest'
import { articlePath, searchTextPath, shardPath } from '../types/bundle-paths'
import { articleUrl, cacheKeyOf, dataFileOf, dataFolder } from './data-files'

describe.each([
  ['at the root', 'https://reader.test/', '/data/'],
  ['under BASE_PATH=/reader/', 'https://reader.test/reader/', '/reader/data/'],
])('data files of a site %s', (_label, scope, folder) => {
  const at = (path: string) => new URL(`${folder}${path}`, scope)

  test('the data folder is under the worker scope', () => {
    expect(dataFolder(scope)).toBe(folder)
  })

  test('the manifest, an article (by id) and the other bundle files are told apart', () => {
    expect(dataFileOf(at('manifest.json'), scope)).toEqual({ kind: 'manifest' })
    expect(dataFileOf(at(articlePath('bbc-r27miehhcxnd')), scope)).toEqual({ kind: 'article', id: 'bbc-r27miehhcxnd' })
    expect(dataFileOf(at(shardPath(2)), scope)).toEqual({ kind: 'bundle' })
    expect(dataFileOf(at('search/0.json'), scope)).toEqual({ kind: 'bundle' })
    expect(dataFileOf(at(searchTextPath('bbc-r27miehhcxnd')), scope)).toEqual({ kind: 'bundle' })
    expect(dataFileOf(at('text/../x.txt'), scope)).toBeNull()
  })

  test('the shell, other hosts and paths outside the data folder are not data files', () => {
    expect(dataFileOf(new URL('index.html', scope), scope)).toBeNull()
    expect(dataFileOf(new URL('sw.js', scope), scope)).toBeNull()
    expect(dataFileOf(new URL(`https://elsewhere.test${folder}manifest.json`), scope)).toBeNull()
    expect(dataFileOf(new URL('/data/manifest.json', 'https://reader.test/other/'), scope)).toEqual(folder === '/data/' ? { kind: 'manifest' } : null)
  })

  test('an article is kept under the URL the page asks for, without its query', () => {
    const url = at(articlePath('bbc-r27miehhcxnd'))
    expect(articleUrl('bbc-r27miehhcxnd', scope)).toBe(cacheKeyOf(new URL(`${url.href}?v=2`)))
  })
})
