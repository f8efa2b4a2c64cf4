// Pure: which URLs name the same article (canonicalUrl), what an article's id hashes (idSource),
// and the link the reader follows (linkUrl). Files whose canonical URLs agree are one article;
// its id hashes the kept file's URL as saved, normalised only as ids always were, so the ids of
// earlier builds, and the bookmarks that hold them, survive this rule.
import { stripTrackingParams } from '../../src/lib/html-policy'

// RFC 3986 §2.3: percent-encoding these changes nothing, so %7E and ~ are one URL.
const UNRESERVED = /^%(?:2[DE]|3\d|4[1-9A-F]|5[\dA]|5F|6[1-9A-F]|7[\dA]|7E)$/i

/**
 * The spelling that decides identity (RFC 3986 §6 normalisation, plus what news sites treat as
 * equal): https for http, no `www.`, no trailing dot in the host, no default port, no credentials,
 * unreserved characters decoded and other escapes upper-cased, no trailing slash, query parameters
 * sorted with tracking parameters dropped, no fragment.
 */
export function canonicalUrl(url: string): string {
  const parsed = new URL(stripTrackingParams(url.trim()))
  parsed.protocol = 'https:'
  parsed.username = ''
  parsed.password = ''
  parsed.hostname = parsed.hostname.replace(/\.+$/, '').replace(/^www\./, '')
  if (parsed.port === '443' || parsed.port === '80') parsed.port = ''
  parsed.pathname = normaliseEscapes(parsed.pathname).replace(/(.)\/+$/, '$1')
  const params = [...parsed.searchParams].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
  parsed.search = new URLSearchParams(params).toString()
  parsed.hash = ''
  return parsed.toString()
}

/** What an article id hashes: the URL as saved, without fragment, credentials and tracking parameters. */
export function idSource(url: string): string {
  const parsed = new URL(linkUrl(url))
  parsed.hash = ''
  return parsed.toString()
}

/** The address the reader follows: as saved, without `user:password@` and tracking parameters. */
export function linkUrl(url: string): string {
  const parsed = new URL(url.trim())
  if (parsed.username === '' && parsed.password === '') return stripTrackingParams(url.trim())
  parsed.username = ''
  parsed.password = ''
  return stripTrackingParams(parsed.toString())
}

function normaliseEscapes(path: string): string {
  return path.replace(/%[\da-f]{2}/gi, (escape) => (UNRESERVED.test(escape) ? decodeURIComponent(escape) : escape.toUpperCase()))
}
