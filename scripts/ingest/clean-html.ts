// Pure: the body HTML an outlet or feed relay delivered -> clean article HTML by the allow-list in
// src/lib/html-policy.ts (the same tables the browser's sanitizer uses; this file keeps no attribute
// or URL rule of its own). Junk is recognised by junk-rules.ts, players become links, block
// structure and captions are settled by restructure-blocks.ts, text and excerpt come from
// extract-text.ts. Rules are listed in docs/ingest.md.
import { parseDocument } from 'htmlparser2'
import { capMarkup } from '../../src/lib/cap-markup'
import type { ChildNode, Element } from 'domhandler'
import {
  ALLOWED_TAGS,
  DROP_WITH_CONTENT,
  IMAGE_ATTRIBUTES,
  LINK_ATTRIBUTES,
  MAX_DEPTH,
  URL_ATTRIBUTES,
  allowedAttributeValue,
  isHttpUrl,
  isTrackingPixel,
  parseUrl,
} from '../../src/lib/html-policy'
import type { Lang } from '../../src/types/data'
import { blockText, excerptOf } from './extract-text'
import { type El, INLINE, type Node, hasContent, isBlank, isElement, isEmpty, isInline, serialize, textOf } from './html-tree'
import { isJunk, isRelativeTime, isRelayFooter, isShareUrl } from './junk-rules'
import {
  FOOTER,
  dropLeadingDatelines,
  dropRelayFooter,
  finishBlocks,
  finishContainer,
  finishParagraph,
  pairCaptions,
  trimBlank,
} from './restructure-blocks'

export interface CleanOptions {
  /** The article URL: relative links and images are resolved against it; players without a URL link to it. */
  baseUrl: string
  /** Language of the labels the cleaner writes (player links). */
  lang?: Lang
}

export interface CleanBody {
  html: string
  /** Plain text of the cleaned body, one block per line. */
  text: string
  /** About 120 characters of the first real paragraph. */
  excerpt: string
}

interface Context {
  base: URL | undefined
  articleUrl: string
  lang: Lang
}

const ALLOWED = new Set<string>(ALLOWED_TAGS)
const DROPPED = new Set<string>(DROP_WITH_CONTENT)
const URL_ATTRS = new Set<string>(URL_ATTRIBUTES)
const PLAYERS = new Set(['iframe', 'video', 'audio', 'object', 'embed'])
const PLAYER_SOURCES = new Set([...PLAYERS, 'source'])
const CONTAINERS = new Set(['div', 'section', 'main', 'article', 'header', 'center', 'figure-media'])
/** Kept even when empty: table structure and void elements. */
const KEEP_EMPTY = new Set(['br', 'hr', 'img', 'td', 'th', 'tr', 'thead', 'tbody', 'tfoot', 'table'])
const LAZY_SOURCES = ['data-src', 'data-original', 'data-lazy-src', 'data-actualsrc', 'data-url']
const MEDIA_LABEL: Record<Lang, string> = {
  'zh-Hans': '多媒体内容，请在原网页观看',
  'zh-Hant': '多媒體內容，請在原網頁觀看',
  en: 'Media content: watch it on the original page',
}
const EMBED_LABEL: Record<Lang, string> = {
  'zh-Hans': '社交媒体内容，请在原网页查看',
  'zh-Hant': '社交媒體內容，請在原網頁查看',
  en: 'Social media post: view it on the original page',
}

export function cleanHtml(html: string, options: CleanOptions): string {
  return cleanBody(html, options).html
}

export function cleanBody(html: string, options: CleanOptions): CleanBody {
  const base = parseUrl(options.baseUrl)
  const ctx: Context = { base, articleUrl: base?.toString() ?? '', lang: options.lang ?? 'zh-Hans' }
  const doc = parseDocument(capMarkup(html), { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true })
  const nodes = dropLeadingDatelines(finishBlocks(cleanChildren(doc.children, ctx, 0), true))
  return { html: serialize(nodes), text: blockText(nodes), excerpt: excerptOf(nodes) }
}

function cleanChildren(children: readonly ChildNode[], ctx: Context, depth: number): Node[] {
  const out: Node[] = []
  for (const child of children) {
    if (child.type === 'text') out.push(child.data)
    else if (child.type === 'tag' || child.type === 'script' || child.type === 'style') {
      if (depth >= MAX_DEPTH) {
        // capMarkup already bounded the depth; where its scan reads markup unlike the parser
        // (foreign content), the text is kept flat rather than recursing further.
        const text = flatText(child)
        if (text.trim() !== '') out.push(text)
      } else {
        for (const node of cleanElement(child as Element, ctx, depth + 1)) out.push(node)
      }
    }
    // Comments, CDATA and processing instructions are dropped.
  }
  return pairCaptions(dropRelayFooter(out))
}

function cleanElement(el: Element, ctx: Context, depth: number): Node[] {
  const tag = el.name.toLowerCase()
  const attribs = el.attribs
  if (PLAYERS.has(tag)) return [mediaLink(playerUrl(el, ctx) ?? ctx.articleUrl, MEDIA_LABEL[ctx.lang])]
  if (DROPPED.has(tag) || el.type !== 'tag') return []
  if (attribs['data-e2e'] === 'media-player') {
    return [mediaLink(findPlayerUrl(el, ctx) ?? ctx.articleUrl, MEDIA_LABEL[ctx.lang])]
  }
  const embedded = embeddedPostUrl(attribs)
  if (embedded) return [mediaLink(embedded, EMBED_LABEL[ctx.lang])]
  if (isJunk(attribs)) return []
  if (isRelayFooter(leadingText(el))) return [FOOTER]
  if (tag === 'img') return cleanImage(attribs, ctx)

  const children = cleanChildren(el.children, ctx, depth)
  if (tag === 'a') return cleanLink(attribs, children, ctx)
  if (tag === 'time' && isRelativeTime(textOf(children).trim())) return []
  if (CONTAINERS.has(tag)) return finishContainer(children)
  if (tag === 'h1') return keep('h2', {}, children)
  if (tag === 'p') return finishParagraph(children, allowedAttrs(tag, attribs, ctx))
  if (tag === 'span') {
    const attrs = allowedAttrs(tag, attribs, ctx)
    return Object.keys(attrs).length === 0 ? children : keep(tag, attrs, children)
  }
  if (tag === 'figure') {
    // cleanChildren already paired <img><figcaption> into a figure: keep that one, not a figure in a figure.
    const inner = children.filter((child) => !isBlank(child))
    if (inner.length === 1 && isElement(inner[0], 'figure')) return inner
  }
  if (ALLOWED.has(tag)) return keep(tag, allowedAttrs(tag, attribs, ctx), children)
  return children // not on the list: unwrap, keep the text
}

function keep(tag: string, attrs: Record<string, string>, children: Node[]): Node[] {
  // An inline element around a block (<time><table>) would be wrapped in a <p> that a parser closes at the
  // block: the markup would not survive a second parse. Its content stays, without it.
  if (INLINE.has(tag) && !children.every(isInline)) return children
  const el: El = { tag, attrs, children: INLINE.has(tag) ? children : trimBlank(children) }
  if (!KEEP_EMPTY.has(tag) && isEmpty(el)) return []
  return [el]
}

/** The attributes the policy keeps, URLs first resolved against the article. */
function allowedAttrs(tag: string, attribs: Record<string, string>, ctx: Context): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, raw] of Object.entries(attribs)) {
    const value = URL_ATTRS.has(name) ? absoluteUrl(raw, ctx) : raw
    const kept = value === undefined ? undefined : allowedAttributeValue(tag, name, value)
    if (kept !== undefined) out[name] = kept
  }
  return out
}

/** Social embeds that name their post in a data attribute (BBC: data-e2e="twitter-embed-<url>"). */
function embeddedPostUrl(attribs: Record<string, string>): string | undefined {
  for (const [name, value] of Object.entries(attribs)) {
    if (!name.startsWith('data-')) continue
    const match = /-embed-(https?:\/\/\S+)$/i.exec(value)
    if (match && isHttpUrl(match[1]!)) return match[1]!
  }
  return undefined
}

function playerUrl(el: Element, ctx: Context): string | undefined {
  return sourceUrl([el.attribs.src, el.attribs['data-src'], el.attribs.data], ctx) ?? findPlayerUrl(el, ctx)
}

function findPlayerUrl(root: Element, ctx: Context): string | undefined {
  const stack: ChildNode[] = [...root.children]
  while (stack.length > 0) {
    const node = stack.shift()!
    if (node.type !== 'tag') continue
    const el = node as Element
    if (PLAYER_SOURCES.has(el.name)) {
      const url = sourceUrl([el.attribs.src ?? el.attribs['data-src'] ?? el.attribs.data], ctx)
      if (url) return url
    }
    stack.push(...el.children)
  }
  return undefined
}

/** The first candidate that resolves to an http(s) URL. */
function sourceUrl(candidates: ReadonlyArray<string | undefined>, ctx: Context): string | undefined {
  for (const candidate of candidates) {
    const url = candidate ? absoluteUrl(candidate, ctx) : undefined
    if (url && isHttpUrl(url)) return url
  }
  return undefined
}

/** A paragraph holding a link to where the media can be seen (just the label if the policy refuses the URL). */
function mediaLink(url: string, label: string): El {
  const href = allowedAttributeValue('a', 'href', url)
  const link: El = { tag: 'a', attrs: { href: href ?? '', ...LINK_ATTRIBUTES }, children: [label] }
  return { tag: 'p', attrs: {}, children: [href ? link : label] }
}

function cleanLink(attribs: Record<string, string>, children: Node[], ctx: Context): Node[] {
  const raw = attribs.href?.trim()
  if (!raw || raw.startsWith('#')) return children
  const url = absoluteUrl(raw, ctx)
  const href = url && !isShareUrl(url) ? allowedAttributeValue('a', 'href', url) : undefined
  if (!href || !hasContent(children)) return []
  const attrs: Record<string, string> = { href, ...LINK_ATTRIBUTES }
  const title = attribs.title && allowedAttributeValue('a', 'title', attribs.title)
  if (title) attrs.title = title
  // A link around a block would be wrapped in a <p> that a parser closes at the block (see keep).
  return children.every(isInline) ? [{ tag: 'a', attrs, children }] : children
}

function cleanImage(attribs: Record<string, string>, ctx: Context): Node[] {
  const lazy = LAZY_SOURCES.map((name) => attribs[name]).find((value) => value && value.trim() !== '')
  const raw = lazy ?? attribs.src
  const resolved = raw ? absoluteUrl(raw, ctx) : undefined
  if (!resolved || !isHttpUrl(resolved)) return []
  if (isTrackingPixel(attribs.width, attribs.height)) return []
  const src = allowedAttributeValue('img', 'src', unwrapImageProxy(resolved))
  if (!src) return []
  const alt = allowedAttributeValue('img', 'alt', attribs.alt ?? '') ?? ''
  const attrs: Record<string, string> = { src, alt }
  for (const name of ['width', 'height'] as const) {
    const value = attribs[name] === undefined ? undefined : allowedAttributeValue('img', name, attribs[name])
    if (value) attrs[name] = value
  }
  const title = attribs.title && allowedAttributeValue('img', 'title', attribs.title)
  if (title && title !== alt) attrs.title = title
  return [{ tag: 'img', attrs: { ...attrs, ...IMAGE_ATTRIBUTES }, children: [] }]
}

/** An image proxy (a root path with ?url=<host/path>, e.g. images.weserv.nl) -> the image it wraps. */
export function unwrapImageProxy(url: string): string {
  const parsed = parseUrl(url)
  if (!parsed || !/^\/?(proxy|image|imageproxy)?\/?$/i.test(parsed.pathname)) return url
  const inner = parsed.searchParams.get('url')
  if (!inner) return url
  const candidate = /^https?:\/\//i.test(inner) ? inner : inner.startsWith('//') ? 'https:' + inner : 'https://' + inner
  const target = parseUrl(candidate)
  return target && target.hostname.includes('.') && isHttpUrl(target.toString()) ? target.toString() : url
}

function absoluteUrl(value: string, ctx: Context): string | undefined {
  // eslint-disable-next-line no-control-regex
  const trimmed = value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '')
  return trimmed === '' ? undefined : parseUrl(trimmed, ctx.base)?.toString()
}

/** The first text inside an element, looking at no more than a few dozen nodes. */
function leadingText(root: Element): string {
  const first = root.children
  const stack: ChildNode[] = []
  for (let i = Math.min(first.length, 40) - 1; i >= 0; i--) stack.push(first[i]!)
  for (let seen = 0; stack.length > 0 && seen < 40; seen++) {
    const node = stack.pop()!
    if (node.type === 'text') {
      if (node.data.trim() !== '') return node.data.trim()
    } else if (node.type === 'tag') {
      const children = (node as Element).children
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!)
    }
  }
  return ''
}

/** Text of a subtree without recursion (used past MAX_DEPTH). */
function flatText(root: ChildNode): string {
  let out = ''
  const stack: ChildNode[] = [root]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'text') out += node.data
    else if (node.type === 'tag') {
      const el = node as Element
      if (DROPPED.has(el.name)) continue
      for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!)
    }
  }
  return out
}
