// The browser's half of the article HTML policy: DOMPurify configured from the tables in
// html-policy.ts. Only SafeHtml (src/components/safe-html.tsx) calls this; a data file is
// never trusted, even though the ingest cleaned it with the same policy.
import createDOMPurify, { type Config, type DOMPurify, type UponSanitizeAttributeHookEvent, type WindowLike } from 'dompurify'
import {
  ALLOWED_TAGS,
  DROP_WITH_CONTENT,
  GLOBAL_ATTRIBUTES,
  IMAGE_ATTRIBUTES,
  LINK_ATTRIBUTES,
  MAX_DEPTH,
  MAX_ELEMENTS,
  SAFE_URL,
  TAG_ATTRIBUTES,
  URL_ATTRIBUTES,
  allowedAttributeValue,
  isTrackingPixel,
} from './html-policy'
import { capMarkup } from './cap-markup'

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml'

const urlAttributes = new Set<string>(URL_ATTRIBUTES)
const allAttributes = [...new Set([...GLOBAL_ATTRIBUTES, ...Object.values(TAG_ATTRIBUTES).flat()])]
// DOMPurify checks every attribute not marked URI-safe against ALLOWED_URI_REGEXP, so with
// a strict regexp the plain ones (colspan="2", lang="en") must be named; URL ones stay checked.
const plainAttributes = allAttributes.filter((name) => !urlAttributes.has(name))

const ARTICLE_CONFIG = {
  ALLOWED_TAGS: [...ALLOWED_TAGS],
  ALLOWED_ATTR: allAttributes,
  // HTML only: no SVG or MathML, so no namespace-confusion mutation XSS.
  ALLOWED_NAMESPACES: [HTML_NAMESPACE],
  ALLOWED_URI_REGEXP: SAFE_URL,
  ADD_URI_SAFE_ATTR: plainAttributes,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  FORBID_TAGS: ['style'],
  FORBID_ATTR: ['style'],
  ADD_FORBID_CONTENTS: [...DROP_WITH_CONTENT],
  KEEP_CONTENT: true,
  SAFE_FOR_XML: true,
  SANITIZE_DOM: true,
  SANITIZE_NAMED_PROPS: true,
  RETURN_TRUSTED_TYPE: true,
} satisfies Config

// The page's own window; the build's prerender (src/app/prerender.tsx) gives a standard DOM of its
// own (sanitizeInWindow), so its markup is cleaned by the same code as the browser's.
let purifier: DOMPurify | undefined

/** DOMPurify in `window` with our hooks. Without a DOM it would hand the markup back as it came: `refusal` is thrown instead. */
function purifierIn(window: WindowLike | undefined, refusal: string): DOMPurify {
  const made = createDOMPurify(window)
  if (!made.isSupported) throw new Error(refusal)
  made.addHook('beforeSanitizeElements', (node) => {
    if (isElement(node) && node === node.ownerDocument.body) keepFirstElements(node)
  })
  made.addHook('uponSanitizeElement', dropTrackingPixel)
  made.addHook('uponSanitizeAttribute', applyAttributePolicy)
  made.addHook('afterSanitizeAttributes', addSafetyAttributes)
  return made
}

/** Build time only: sanitize in this window (a standards DOM such as jsdom's) where the runtime has none. */
export function sanitizeInWindow(window: WindowLike): void {
  purifier = purifierIn(window, 'sanitizeInWindow: DOMPurify cannot work in this window')
}

const DROPPED_WITH_CONTENT = DROP_WITH_CONTENT.join(',')

/**
 * The parsed body keeps the markup of its first MAX_ELEMENTS elements; all after becomes one text
 * node, in one Range operation. The string cap (capMarkup) counts tags, but a parser rebuilds every
 * unclosed <b> or <font> in each later paragraph: 30 KB of such markup became 183,000 elements and
 * 16 s of sanitizing. Runs as DOMPurify's first hook, before it walks anything.
 */
export function keepFirstElements(body: Element, maxElements = MAX_ELEMENTS): void {
  const elements = body.getElementsByTagName('*')
  if (elements.length <= maxElements) return
  const range = body.ownerDocument.createRange()
  range.setStartBefore(elements[maxElements]!)
  range.setEndAfter(body.lastChild!)
  const rest = range.extractContents()
  for (const dropped of rest.querySelectorAll(DROPPED_WITH_CONTENT)) dropped.remove()
  range.insertNode(body.ownerDocument.createTextNode(rest.textContent ?? ''))
}

function dropTrackingPixel(node: Node): void {
  if (!isElement(node) || node.localName !== 'img') return
  if (isTrackingPixel(node.getAttribute('width'), node.getAttribute('height'))) node.remove()
}

/** Per-tag attributes, value patterns and URL rules, which DOMPurify's flat ALLOWED_ATTR cannot express. */
function applyAttributePolicy(element: Element, event: UponSanitizeAttributeHookEvent): void {
  const value = allowedAttributeValue(element.localName, event.attrName, event.attrValue)
  if (value === undefined) event.keepAttr = false
  else event.attrValue = value
}

function addSafetyAttributes(element: Element): void {
  if (element.localName === 'a') {
    const href = element.getAttribute('href')
    // In-page fragments stay in the page; everything else leaves it without our referrer or window.
    if (href && !href.startsWith('#')) setAll(element, LINK_ATTRIBUTES)
    else {
      element.removeAttribute('target')
      element.setAttribute('rel', LINK_ATTRIBUTES.rel)
    }
  } else if (element.localName === 'img') {
    setAll(element, IMAGE_ATTRIBUTES)
  }
}

function setAll(element: Element, attributes: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value)
}

function isElement(node: Node): node is Element {
  return node.nodeType === 1
}

/**
 * Article HTML made safe to put in the page: a TrustedHTML where the browser has Trusted
 * Types (the production CSP requires it), a string elsewhere (jsdom, older browsers).
 */
export function sanitizeArticleHtml(html: string): TrustedHTML | string {
  // Bounded before anything parses it: Chromium's own parser took 6.7 s on 50,000 nested spans.
  purifier ??= purifierIn(typeof window === 'undefined' ? undefined : window, 'sanitizeArticleHtml: no DOM to sanitize in (on a server, call sanitizeInWindow first)')
  return purifier.sanitize(capMarkup(html, { maxDepth: MAX_DEPTH, maxElements: MAX_ELEMENTS }), ARTICLE_CONFIG)
}
