// The article HTML policy, as data. The ingest (scripts/ingest/clean-html.ts) applies it
// at build time; SafeHtml (src/components/safe-html.tsx) applies it again in the browser
// through DOMPurify, because a data file is never trusted.

/** Elements an article body may keep. Everything else is unwrapped (text kept) or dropped. */
export const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6',
  'strong', 'b', 'em', 'i', 'u', 's', 'small', 'sub', 'sup', 'mark', 'q', 'cite', 'abbr', 'time', 'span',
  'blockquote', 'pre', 'code',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'figure', 'figcaption', 'img',
  'a',
] as const

/** Attributes allowed on any allowed element, beyond the per-tag ones. */
export const GLOBAL_ATTRIBUTES = ['lang', 'dir', 'title'] as const

export const TAG_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'target', 'rel'],
  img: ['src', 'alt', 'width', 'height', 'loading', 'referrerpolicy', 'decoding'],
  time: ['datetime'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan', 'scope'],
  ol: ['start', 'reversed'],
  blockquote: ['cite'],
  q: ['cite'],
  abbr: ['title'],
}

/** Elements removed with everything inside them (never unwrapped into text). */
export const DROP_WITH_CONTENT = [
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'form', 'input', 'button', 'select', 'option', 'textarea', 'label', 'fieldset',
  'svg', 'math', 'canvas', 'audio', 'video', 'source', 'track', 'picture',
  'head', 'title', 'meta', 'link', 'base', 'nav', 'aside', 'footer', 'dialog',
] as const

export const URL_ATTRIBUTES = ['href', 'src', 'cite'] as const

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:'])

/** http(s), mailto and in-page fragments only; judged after stripping what browsers ignore. */
export function isSafeUrl(value: string): boolean {
  // Browsers drop ASCII whitespace and control characters inside a scheme: "java\tscript:".
  // eslint-disable-next-line no-control-regex
  const compact = value.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '')
  if (compact.startsWith('#')) return true
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)
  if (!scheme) return false // relative URLs are resolved at build time; in the browser they are not trusted
  return SAFE_SCHEMES.has(scheme[1]!.toLowerCase() + ':')
}

const TRACKING_PARAM = /^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_eid|igshid)$/i

/** The URL without utm_* and click-id parameters; unparseable URLs come back unchanged. */
export function stripTrackingParams(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return url
  }
  const keys = [...parsed.searchParams.keys()].filter((key) => TRACKING_PARAM.test(key))
  if (keys.length === 0) return url
  for (const key of keys) parsed.searchParams.delete(key)
  return parsed.toString()
}

/** A 1×1 (or 0-sized) image is a tracking pixel, not content. */
export function isTrackingPixel(width: string | null | undefined, height: string | null | undefined): boolean {
  const size = (value: string | null | undefined) => (value == null ? NaN : Number.parseFloat(value))
  const w = size(width)
  const h = size(height)
  return (w <= 1 && !Number.isNaN(w)) || (h <= 1 && !Number.isNaN(h))
}
