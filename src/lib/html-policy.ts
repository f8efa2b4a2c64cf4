// The article HTML policy, as data and a few named predicates. The ingest (scripts/ingest/clean-html.ts)
// applies it at build time; SafeHtml (src/components/safe-html.tsx) applies it again in the browser
// through DOMPurify (src/lib/sanitize.ts), because a data file is never trusted. Neither keeps a rule
// of its own: src/lib/html-policy.test.ts proves the two agree.

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
  // Raw text the standard never shows where embeds and frames work (HTML §13.1.2.2, §15.3.3).
  'noembed', 'noframes',
  'form', 'input', 'button', 'select', 'option', 'textarea', 'label', 'fieldset',
  'svg', 'math', 'canvas', 'audio', 'video', 'source', 'track', 'picture',
  'head', 'title', 'meta', 'link', 'base', 'nav', 'aside', 'footer', 'dialog',
] as const

/**
 * How deep an article body nests, and how many elements it holds, at most; deeper or further
 * content is kept as its text. Far beyond real articles (the seeds nest 12 deep, hold < 400
 * elements); far below where parsing and sanitizing turn slow (400,000 nested spans took 310 s to
 * clean, 50,000 froze the page for 24 s). The cleaner caps before it parses, the sanitizer before
 * DOMPurify walks the tree.
 */
export const MAX_DEPTH = 200
export const MAX_ELEMENTS = 10_000

/** Attributes that hold a URL: `href` and `cite` take any safe URL, an image's `src` only http(s). */
export const URL_ATTRIBUTES = ['href', 'src', 'cite'] as const

/** Attributes with a small value space keep only a value from it. */
export const ATTRIBUTE_VALUES: Readonly<Record<string, RegExp>> = {
  dir: /^(?:ltr|rtl|auto)$/i,
  width: /^\d{1,5}$/,
  height: /^\d{1,5}$/,
  // Positive, as HTML requires (it caps colspan at 1000); a span of 0 only ever meant 1.
  colspan: /^[1-9]\d{0,2}$/,
  // 0 is legal for rowspan: "to the end of the row group".
  rowspan: /^\d{1,4}$/,
  // Any integer: a list may legally count from a negative start.
  start: /^-?\d{1,9}$/,
  scope: /^(?:row|col|rowgroup|colgroup)$/i,
}

/** What every outbound link carries: no opener, no referrer, its own window. */
export const LINK_ATTRIBUTES = { rel: 'noopener noreferrer', target: '_blank' } as const

/** What every image carries: loaded lazily, without telling the outlet who reads. */
export const IMAGE_ATTRIBUTES = { loading: 'lazy', decoding: 'async', referrerpolicy: 'no-referrer' } as const

// A value that could close a comment or a raw-text element if the markup is ever re-read as XML:
// DOMPurify's SAFE_FOR_XML drops such values, so the build drops them too.
const MARKUP_BREAKOUT = /((--!?|])>)|<\/(style|script|title|xmp|textarea|noscript|iframe|noembed|noframes)/i

/** The schemes a URL may have (and in-page fragments): isSafeUrl's test, and DOMPurify's ALLOWED_URI_REGEXP. */
export const SAFE_URL = /^(?:https?:|mailto:|#)/i

/** http(s), mailto and in-page fragments only; judged after stripping what browsers ignore. */
export function isSafeUrl(value: string): boolean {
  // Browsers drop ASCII whitespace and control characters inside a scheme: "java\tscript:".
  // eslint-disable-next-line no-control-regex
  return SAFE_URL.test(value.replace(/[\u0000-\u0020\u007f-\u009f]+/g, ''))
}

/** An absolute http(s) URL. Relative ones are resolved at build time; in the browser they are not trusted. */
export function isHttpUrl(value: string): boolean {
  return /^https?:\/\//i.test(value)
}

/** Whether `name` may appear on `tag` at all. */
export function isAllowedAttribute(tag: string, name: string): boolean {
  return (GLOBAL_ATTRIBUTES as readonly string[]).includes(name) || (TAG_ATTRIBUTES[tag] ?? []).includes(name)
}

/**
 * The value `name` keeps on `tag`, or undefined when the attribute must go: the one rule the
 * cleaner and the sanitizer both apply. Values are trimmed (DOMPurify trims every value) and
 * enumerated ones lower-cased; URLs lose tracking parameters and images are asked for over https.
 */
export function allowedAttributeValue(tag: string, name: string, raw: string): string | undefined {
  if (!isAllowedAttribute(tag, name)) return undefined
  const value = raw.trim()
  if (MARKUP_BREAKOUT.test(value)) return undefined
  if ((URL_ATTRIBUTES as readonly string[]).includes(name)) return allowedUrl(tag === 'img' && name === 'src', value)
  const pattern = ATTRIBUTE_VALUES[name]
  if (!pattern) return value
  if (!pattern.test(value)) return undefined
  return pattern.flags.includes('i') ? value.toLowerCase() : value
}

function allowedUrl(isImage: boolean, value: string): string | undefined {
  if (isImage) {
    // An http image would be blocked by the CSP (img-src https:); most outlets serve both.
    return isHttpUrl(value) ? stripTrackingParams(value.replace(/^http:/i, 'https:')) : undefined
  }
  if (!isSafeUrl(value)) return undefined
  return isHttpUrl(value) ? stripTrackingParams(value) : value
}

const TRACKING_PARAM = /^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_eid|igshid)$/i

/** The URL without utm_* and click-id parameters; unparseable URLs come back unchanged. */
export function stripTrackingParams(url: string): string {
  const parsed = parseUrl(url)
  if (!parsed) return url
  const keys = [...parsed.searchParams.keys()].filter((key) => TRACKING_PARAM.test(key))
  if (keys.length === 0) return url
  for (const key of keys) parsed.searchParams.delete(key)
  return parsed.toString()
}

/** The parsed URL, or undefined where `new URL` would throw. */
export function parseUrl(url: string, base?: URL | string): URL | undefined {
  try {
    return new URL(url, base)
  } catch {
    return undefined
  }
}

/** A 1×1 (or 0-sized) image is a tracking pixel, not content. */
export function isTrackingPixel(width: string | null | undefined, height: string | null | undefined): boolean {
  const size = (value: string | null | undefined) => (value == null ? NaN : Number.parseFloat(value))
  const w = size(width)
  const h = size(height)
  return (w <= 1 && !Number.isNaN(w)) || (h <= 1 && !Number.isNaN(h))
}
