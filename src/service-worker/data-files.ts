// Which data file a request names, relative to the worker's scope (the site's base path), so
// the worker knows how to keep it. Pure: the worker and the tests call it with URLs.
import { ARTICLE_DIR, ARTICLE_ID, MANIFEST_FILE, TEXT_DIR } from '../types/bundle-paths'

export type DataFile =
  | { kind: 'manifest' }
  /** An article file: kept per article, by when it was read (article-keeper.ts). */
  | { kind: 'article'; id: string }
  /** Shards, search buckets and texts, stories: files of one bundle, kept while its manifest is current. */
  | { kind: 'bundle' }

/** The folder every data file lives in, under the worker's scope ('https://host/reader/' -> '/reader/data/'). */
export function dataFolder(scope: string): string {
  return `${new URL(scope).pathname.replace(/\/?$/, '/')}data/`
}

/** What `url` is, or null for anything that is not a data file of this site (the shell, other hosts). */
export function dataFileOf(url: URL, scope: string): DataFile | null {
  if (url.origin !== new URL(scope).origin) return null
  const folder = dataFolder(scope)
  if (!url.pathname.startsWith(folder)) return null
  const path = url.pathname.slice(folder.length)
  if (path === MANIFEST_FILE) return { kind: 'manifest' }
  const article = new RegExp(`^${ARTICLE_DIR}/([^/]+)\\.json$`).exec(path)
  if (article) {
    const id = safeDecode(article[1]!)
    return id !== null && ARTICLE_ID.test(id) ? { kind: 'article', id } : { kind: 'bundle' }
  }
  // Search texts are kept like search buckets: a results page seen online shows its snippets offline.
  const bundleFile = path.endsWith('.json') || (path.startsWith(`${TEXT_DIR}/`) && path.endsWith('.txt'))
  return bundleFile && !path.includes('..') ? { kind: 'bundle' } : null
}

/** The one cache key of a data file: its URL without query or fragment. */
export function cacheKeyOf(url: URL): string {
  return `${url.origin}${url.pathname}`
}

/** The URL of an article's file under the scope, as the page asks for it (bundle-paths articlePath). */
export function articleUrl(id: string, scope: string): string {
  return new URL(`${dataFolder(scope)}${ARTICLE_DIR}/${encodeURIComponent(id)}.json`, scope).href
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text)
  } catch {
    return null
  }
}
