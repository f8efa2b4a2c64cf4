// Where each file of a bundle lives, relative to the data folder, and what its names look like. The
// ingest writes these paths, the app fetches them and checks data against these patterns, the tests
// read them: one place, so the three cannot drift apart (layout: docs/data-layout.md).

/** Written into manifest.json: marks a folder as a bundle the ingest wrote, which a later run may replace. */
export const GENERATOR = 'archive-reader ingest'

export const MANIFEST_FILE = 'manifest.json'
export const SHARD_DIR = 'index'
export const SEARCH_DIR = 'search'
export const ARTICLE_DIR = 'articles'
export const STORY_DIR = 'stories'
export const TEXT_DIR = 'text'

/** manifest.search.file: the bucket number goes in place of {bucket}. */
export const SEARCH_FILE_PATTERN = `${SEARCH_DIR}/{bucket}.json`

/** Characters (of ID_ALPHABET) of the content hash in the name of an immutable file: `index/<n>.<hash>.json`. */
export const CONTENT_HASH_LENGTH = 10

/** hash: of the shard file's content (the ingest always names one), so a host may cache the file forever. */
export function shardPath(shard: number, hash?: string): string {
  return hash === undefined ? `${SHARD_DIR}/${shard}.json` : `${SHARD_DIR}/${shard}.${hash}.json`
}

/** pattern: the manifest's search.file (the ingest writes SEARCH_FILE_PATTERN). */
export function searchBucketPath(bucket: number, pattern = SEARCH_FILE_PATTERN): string {
  return pattern.replace('{bucket}', String(bucket))
}

/** An article id is URL-safe (ARTICLE_ID); encoding keeps any other string from naming another path. */
export function articlePath(id: string): string {
  return `${ARTICLE_DIR}/${encodeURIComponent(id)}.json`
}

/** An article's search text: its title on the first line, then its body text, one block a line (search-match.ts checks hits on it). */
export function searchTextPath(id: string): string {
  return `${TEXT_DIR}/${encodeURIComponent(id)}.txt`
}

/** The alphabet and length of the hash part of an article id: `<outlet>-<12 of these>`. */
export const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567'
export const ID_HASH_LENGTH = 12
/** An article id as the ingest makes it: a label (lower-case letters, digits, dashes; see idLabelForUrl), a dash, the hash. */
export const ARTICLE_ID = /^[a-z0-9][a-z0-9-]*-[a-z2-7]{12}$/

/** A story id: `s-` and the hash of its sorted member ids (12 characters of ID_ALPHABET). */
export const STORY_ID = /^s-[a-z2-7]{12}$/

export function storyPath(id: string): string {
  return `${STORY_DIR}/${encodeURIComponent(id)}.json`
}

/** Shard files and the search pattern exactly as shardPath and SEARCH_FILE_PATTERN write them. */
export const SHARD_FILE = /^index\/\d+(?:\.[a-z2-7]{10})?\.json$/
export const SEARCH_PATTERN = /^search\/\{bucket\}\.json$/
