// Pure: the body HTML an outlet or feed relay delivered -> clean article HTML by the allow-list in
// src/lib/html-policy.ts (the same tables the browser's sanitizer uses). General rules, not per-site
// lists: junk is recognised by what its class/id/data-* say (share, ad, promo, newsletter, paywall…),
// players become links, captions are paired with their images. Rules are listed in docs/ingest.md.
import { parseDocument } from 'htmlparser2'
import type { ChildNode, Element } from 'domhandler'
import {
  ALLOWED_TAGS,
  DROP_WITH_CONTENT,
  GLOBAL_ATTRIBUTES,
  TAG_ATTRIBUTES,
  isSafeUrl,
  isTrackingPixel,
  stripTrackingParams,
} from '../../src/lib/html-policy'
import type { Lang } from '../../src/types/data'

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

/** A cleaned node: text, or an element whose tag and attributes already passed the policy. */
type Node = string | El
interface El {
  tag: string
  attrs: Record<string, string>
  children: Node[]
}

interface Context {
  base: URL | undefined
  articleUrl: string
  lang: Lang
}

const ALLOWED = new Set<string>(ALLOWED_TAGS)
const DROPPED = new Set<string>(DROP_WITH_CONTENT)
const PLAYERS = new Set(['iframe', 'video', 'audio', 'object', 'embed'])
const CONTAINERS = new Set(['div', 'section', 'main', 'article', 'header', 'center', 'figure-media'])
const INLINE = new Set([
  'a', 'strong', 'b', 'em', 'i', 'u', 's', 'small', 'sub', 'sup', 'mark', 'q', 'cite', 'abbr', 'time', 'span',
  'code', 'br', 'img',
])
const VOID = new Set(['br', 'hr', 'img'])
/** Kept even when empty: table structure and void elements. */
const KEEP_EMPTY = new Set(['br', 'hr', 'img', 'td', 'th', 'tr', 'thead', 'tbody', 'tfoot', 'table'])
const MAX_DEPTH = 200

// Words in class/id/data-* names and values that mark page furniture rather than the article.
const JUNK_WORDS = new Set([
  'share', 'shares', 'sharing', 'sharebar', 'sharetools', 'social', 'socials',
  'ad', 'ads', 'adv', 'advert', 'adverts', 'advertisement', 'advertising', 'adslot', 'adunit', 'dfp',
  'promo', 'promos', 'promotion', 'selfpromo', 'newsletter', 'newsletters', 'paywall', 'subscribe',
  'subscription', 'sponsor', 'sponsored', 'outbrain', 'taboola',
])
const AD_LABEL = /广告|廣告|advertisement/i
const SHARE_PATH = /\/(share|sharer|sharer\.php|shareArticle|intent|send)(\/|$|\?)/i
const SHARE_LABEL = /^(分享|分享到|分享本文|分享此文|share|share this( article| story| page)?)\s*[:：]?$/i
const RELAY_FOOTER = /^(获取更多RSS|獲取更多RSS)/
const CREDIT = /^(图像来源|圖像來源|图片来源|圖片來源|图源|圖源|image source|photo credit|image credit)/i
const RELATIVE_TIME = /^(\d+\s*(秒|分钟|分鐘|小时|小時|天|日|周|週|个月|個月|年)前|刚刚|剛剛|\d+\s*(seconds?|minutes?|mins?|hours?|days?|weeks?|months?|years?)\s+ago|just now)$/i
const DATELINE = new RegExp(
  [
    String.raw`\d{1,2}/\d{1,2}/\d{2,4}(\s*-?\s*\d{1,2}:\d{2}(:\d{2})?)?`,
    String.raw`(mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+\d{1,2}\s+[a-z]{3,9}\s+\d{4}(\s+\d{1,2}:\d{2}(:\d{2})?)?(\s*(gmt|utc|[+-]\d{4}))?`,
    String.raw`\d{4}-\d{2}-\d{2}([t\s]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?\s*(z|utc|gmt|[+-]\d{2}:?\d{2})?`,
    String.raw`\d{4}年\d{1,2}月\d{1,2}日(\s*(星期|周|週).)?(\s*\d{1,2}[:：]\d{2}(:\d{2})?)?`,
    String.raw`(更新|发布|發布|发表|發表|updated|published)[:：\s]*\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?(\s*\d{1,2}:\d{2})?`,
  ]
    .map((part) => `(${part})`)
    .join('|')
    .replace(/^/, '^(')
    .concat(')$'),
  'i',
)
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
  let base: URL | undefined
  try {
    base = new URL(options.baseUrl)
  } catch {
    base = undefined
  }
  const ctx: Context = { base, articleUrl: base?.toString() ?? '', lang: options.lang ?? 'zh-Hans' }
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true })
  let nodes = finishBlocks(cleanChildren(doc.children, ctx, 0), true)
  nodes = dropLeadingDatelines(nodes)
  return { html: serialize(nodes), text: blockText(nodes), excerpt: excerptOf(nodes) }
}

// ---------------------------------------------------------------------------------------------
// Cleaning

function cleanChildren(children: readonly ChildNode[], ctx: Context, depth: number): Node[] {
  const out: Node[] = []
  for (const child of children) {
    if (child.type === 'text') out.push(child.data)
    else if (child.type === 'tag' || child.type === 'script' || child.type === 'style') {
      if (depth >= MAX_DEPTH) {
        // Pathologically deep markup: keep its text, flat, rather than recurse further.
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
  if (RELAY_FOOTER.test(leadingText(el))) return [FOOTER]
  if (tag === 'img') return cleanImage(attribs, ctx)

  const children = cleanChildren(el.children, ctx, depth)
  if (tag === 'a') return cleanLink(attribs, children, ctx)
  if (tag === 'time' && RELATIVE_TIME.test(textOf(children).trim())) return []
  if (CONTAINERS.has(tag)) return finishContainer(children)
  if (tag === 'h1') return keep('h2', {}, children)
  if (tag === 'p') return finishParagraph(children, allowedAttrs(tag, attribs, ctx))
  if (tag === 'span') {
    const attrs = allowedAttrs(tag, attribs, ctx)
    return Object.keys(attrs).length === 0 ? children : keep(tag, attrs, children)
  }
  if (ALLOWED.has(tag)) return keep(tag, allowedAttrs(tag, attribs, ctx), children)
  return children // not on the list: unwrap, keep the text
}

function keep(tag: string, attrs: Record<string, string>, children: Node[]): Node[] {
  const el: El = { tag, attrs, children: INLINE.has(tag) ? children : trimBlank(children) }
  if (!KEEP_EMPTY.has(tag) && isEmpty(el)) return []
  return [el]
}

function allowedAttrs(tag: string, attribs: Record<string, string>, ctx: Context): Record<string, string> {
  const out: Record<string, string> = {}
  const allowed = TAG_ATTRIBUTES[tag] ?? []
  for (const [name, value] of Object.entries(attribs)) {
    if (!(GLOBAL_ATTRIBUTES as readonly string[]).includes(name) && !allowed.includes(name)) continue
    if (name === 'cite') {
      const url = absoluteUrl(value, ctx)
      if (url && isSafeUrl(url)) out[name] = url
    } else if (name === 'dir') {
      if (/^(ltr|rtl|auto)$/i.test(value)) out[name] = value.toLowerCase()
    } else if (/^(colspan|rowspan|start)$/.test(name)) {
      if (/^\d{1,4}$/.test(value.trim())) out[name] = value.trim()
    } else {
      out[name] = value
    }
  }
  return out
}

function isJunk(attribs: Record<string, string>): boolean {
  for (const [name, value] of Object.entries(attribs)) {
    if (name === 'aria-label' && AD_LABEL.test(value)) return true
    const isData = name.startsWith('data-')
    if (name !== 'class' && name !== 'id' && !isData) continue
    if (isData && hasJunkWord(name.slice(5))) return true
    if (value.length < 200 && !value.includes('://') && hasJunkWord(value)) return true
  }
  return false
}

function hasJunkWord(text: string): boolean {
  const words = text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
  return words.some((word) => JUNK_WORDS.has(word))
}

/** Social embeds that name their post in a data attribute (BBC: data-e2e="twitter-embed-<url>"). */
function embeddedPostUrl(attribs: Record<string, string>): string | undefined {
  for (const [name, value] of Object.entries(attribs)) {
    if (!name.startsWith('data-')) continue
    const match = /-embed-(https?:\/\/\S+)$/i.exec(value)
    if (match && isHttp(match[1]!)) return stripTrackingParams(match[1]!)
  }
  return undefined
}

function playerUrl(el: Element, ctx: Context): string | undefined {
  const attribs = el.attribs
  for (const candidate of [attribs.src, attribs['data-src'], attribs.data]) {
    const url = candidate ? absoluteUrl(candidate, ctx) : undefined
    if (url && isHttp(url)) return url
  }
  return findPlayerUrl(el, ctx)
}

function findPlayerUrl(root: Element, ctx: Context): string | undefined {
  const stack: ChildNode[] = [...root.children]
  while (stack.length > 0) {
    const node = stack.shift()!
    if (node.type !== 'tag') continue
    const el = node as Element
    if (['iframe', 'video', 'audio', 'source', 'embed', 'object'].includes(el.name)) {
      const raw = el.attribs.src ?? el.attribs['data-src'] ?? el.attribs.data
      const url = raw ? absoluteUrl(raw, ctx) : undefined
      if (url && isHttp(url)) return url
    }
    stack.push(...el.children)
  }
  return undefined
}

function mediaLink(href: string, label: string): El {
  const link: El = { tag: 'a', attrs: linkAttrs(href), children: [label] }
  return { tag: 'p', attrs: {}, children: [link] }
}

function linkAttrs(href: string): Record<string, string> {
  return { href, rel: 'noopener noreferrer', target: '_blank' }
}

function cleanLink(attribs: Record<string, string>, children: Node[], ctx: Context): Node[] {
  const raw = attribs.href?.trim()
  if (!raw || raw.startsWith('#')) return children
  const url = absoluteUrl(raw, ctx)
  if (!url || !isSafeUrl(url) || isShareUrl(url)) return []
  if (!hasContent(children)) return []
  const attrs = linkAttrs(stripTrackingParams(url))
  if (attribs.title) attrs.title = attribs.title
  return [{ tag: 'a', attrs, children }]
}

function isShareUrl(url: string): boolean {
  try {
    const { pathname, search } = new URL(url)
    return SHARE_PATH.test(pathname + (search ? '?' : ''))
  } catch {
    return false
  }
}

const LAZY_SOURCES = ['data-src', 'data-original', 'data-lazy-src', 'data-actualsrc', 'data-url']

function cleanImage(attribs: Record<string, string>, ctx: Context): Node[] {
  const lazy = LAZY_SOURCES.map((name) => attribs[name]).find((value) => value && value.trim() !== '')
  const raw = lazy ?? attribs.src
  if (!raw) return []
  const resolved = absoluteUrl(raw, ctx)
  if (!resolved || !isHttp(resolved)) return []
  if (isTrackingPixel(attribs.width, attribs.height)) return []
  const attrs: Record<string, string> = { src: stripTrackingParams(unwrapImageProxy(resolved)), alt: attribs.alt ?? '' }
  for (const name of ['width', 'height'] as const) {
    const value = attribs[name]?.trim()
    if (value && /^\d{1,5}$/.test(value)) attrs[name] = value
  }
  if (attribs.title && attribs.title !== attribs.alt) attrs.title = attribs.title
  attrs.loading = 'lazy'
  attrs.decoding = 'async'
  attrs.referrerpolicy = 'no-referrer'
  return [{ tag: 'img', attrs, children: [] }]
}

/** An image proxy (a root path with ?url=<host/path>, e.g. images.weserv.nl) -> the image it wraps. */
export function unwrapImageProxy(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return url
  }
  if (!/^\/?(proxy|image|imageproxy)?\/?$/i.test(parsed.pathname)) return url
  const inner = parsed.searchParams.get('url')
  if (!inner) return url
  const candidate = /^https?:\/\//i.test(inner) ? inner : inner.startsWith('//') ? 'https:' + inner : 'https://' + inner
  try {
    const target = new URL(candidate)
    return target.hostname.includes('.') && (target.protocol === 'https:' || target.protocol === 'http:')
      ? target.toString()
      : url
  } catch {
    return url
  }
}

function absoluteUrl(value: string, ctx: Context): string | undefined {
  // eslint-disable-next-line no-control-regex
  const trimmed = value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '')
  if (trimmed === '') return undefined
  try {
    return new URL(trimmed, ctx.base).toString()
  } catch {
    return undefined
  }
}

function isHttp(url: string): boolean {
  return /^https?:\/\//i.test(url)
}

// ---------------------------------------------------------------------------------------------
// Block structure: containers become paragraphs or unwrap, captions join their images.

function isBlank(node: Node): boolean {
  return typeof node === 'string' && node.trim() === ''
}

function isInline(node: Node): boolean {
  return typeof node === 'string' || INLINE.has(node.tag)
}

function isEdge(node: Node): boolean {
  return isBlank(node) || (typeof node !== 'string' && node.tag === 'br')
}

function trimBlank(children: Node[]): Node[] {
  let start = 0
  let end = children.length
  while (start < end && isEdge(children[start]!)) start++
  while (end > start && isEdge(children[end - 1]!)) end--
  return start === 0 && end === children.length ? children : children.slice(start, end)
}

/** A div-like container: only inline content -> one paragraph; otherwise unwrap into blocks. */
function finishContainer(children: Node[]): Node[] {
  const figure = figureWithCredit(children)
  if (figure) return [figure]
  if (children.every(isInline)) return finishParagraph(children)
  return finishBlocks(children, false)
}

function finishParagraph(children: Node[], attrs: Record<string, string> = {}): Node[] {
  const pieces = splitAtBreakRuns(children)
  if (pieces.length > 1) return pieces.flatMap((piece) => finishParagraph(piece, { ...attrs }))
  const trimmed = trimBlank(children)
  const el: El = { tag: 'p', attrs, children: trimmed }
  if (isEmpty(el)) return []
  const text = textOf(trimmed).trim()
  if (SHARE_LABEL.test(text) || RELATIVE_TIME.test(text)) return []
  return [el]
}

function isBreak(node: Node): boolean {
  return typeof node !== 'string' && node.tag === 'br'
}

/**
 * A paragraph's children cut at each run of two or more <br> (blank text between them allowed):
 * relays write `text<br /><br />text` in one <p>, and CJK typography separates paragraphs by
 * spacing, not indents. A single <br> is a line break and stays.
 */
function splitAtBreakRuns(children: Node[]): Node[][] {
  let breaks = 0
  for (const node of children) if (isBreak(node)) breaks++
  if (breaks < 2) return [children]
  const pieces: Node[][] = []
  let start = 0
  for (let i = 0; i < children.length; i++) {
    if (!isBreak(children[i]!)) continue
    let end = i + 1
    let run = 1
    while (end < children.length && (isBreak(children[end]!) || isBlank(children[end]!))) {
      if (isBreak(children[end]!)) run++
      end++
    }
    if (run >= 2) {
      pieces.push(children.slice(start, i))
      start = end
    }
    i = end - 1
  }
  pieces.push(children.slice(start))
  return pieces
}

/** Wraps runs of inline content between blocks into paragraphs; drops blank text between blocks. */
function finishBlocks(children: Node[], isRoot: boolean): Node[] {
  const out: Node[] = []
  let run: Node[] = []
  for (const node of children) {
    if (isInline(node)) run.push(node)
    else {
      if (run.length > 0) out.push(...finishParagraph(run))
      run = []
      out.push(node)
    }
  }
  if (run.length > 0) out.push(...finishParagraph(run))
  return isRoot ? pairCaptions(dropRelayFooter(out)) : out
}

/** BBC-style image block: an image and a credit line (图像来源…) -> a figure. */
function figureWithCredit(children: Node[]): El | undefined {
  const items = children.filter((node) => !isBlank(node))
  if (items.length !== 2) return undefined
  const image = imageOf(items[0]!)
  const credit = items[1]!
  if (!image || typeof credit === 'string' || !CREDIT.test(textOf([credit]).trim())) return undefined
  const small: El = { tag: 'small', attrs: {}, children: [textOf([credit]).trim()] }
  return figureOf([image, { tag: 'figcaption', attrs: {}, children: [small] }])
}

/** The image when a node is an image or a paragraph holding only one image. */
function imageOf(node: Node): El | undefined {
  if (typeof node === 'string') return undefined
  if (node.tag === 'img') return node
  if (node.tag !== 'p') return undefined
  const items = node.children.filter((child) => !isBlank(child) && !(typeof child !== 'string' && child.tag === 'br'))
  return items.length === 1 ? imageOf(items[0]!) : undefined
}

/** The caption text when a node is a paragraph holding only <small>…</small> (VOA and DW relays). */
function smallCaptionOf(node: Node): Node[] | undefined {
  if (typeof node === 'string' || node.tag !== 'p') return undefined
  const items = node.children.filter((child) => !isBlank(child))
  const only = items[0]
  if (items.length !== 1 || only === undefined || typeof only === 'string' || only.tag !== 'small') return undefined
  return only.children
}

/** A figure; an image whose alt repeats the caption gets alt="" (a screen reader would read it twice). */
function figureOf(children: Node[]): El {
  const caption = children.find((child): child is El => typeof child !== 'string' && child.tag === 'figcaption')
  if (caption) {
    // The caption without its credit line (<small>), unless the credit is all there is.
    const own = textOf(caption.children.filter((child) => typeof child === 'string' || child.tag !== 'small'))
    const text = normalizeSpace(own) || normalizeSpace(textOf(caption.children))
    for (const child of children) {
      if (typeof child !== 'string' && child.tag === 'img' && child.attrs.alt && normalizeSpace(child.attrs.alt) === text) {
        child.attrs.alt = ''
      }
    }
  }
  return { tag: 'figure', attrs: {}, children }
}

function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function pairCaptions(nodes: Node[]): Node[] {
  const items = nodes.filter((node) => !isBlank(node))
  // A wrapper holding exactly a captionless figure and one short paragraph: that paragraph is its caption (BBC).
  if (items.length === 2) {
    const [first, second] = items as [Node, Node]
    if (typeof first !== 'string' && first.tag === 'figure' && typeof second !== 'string' && second.tag === 'p') {
      const caption = first.children.find((child): child is El => typeof child !== 'string' && child.tag === 'figcaption')
      const hasOnlyCredit = !caption || caption.children.every((child) => typeof child !== 'string' && child.tag === 'small')
      if (hasOnlyCredit && textOf(second.children).length <= 300 && second.children.every(isInline)) {
        const credit = caption ? [' ', ...caption.children] : []
        const images = first.children.filter((child) => child !== caption)
        const figcaption: El = { tag: 'figcaption', attrs: {}, children: [...second.children, ...credit] }
        return [figureOf([...images, figcaption])]
      }
    }
  }
  if (!nodes.some((node) => typeof node !== 'string' && (node.tag === 'img' || node.tag === 'p'))) return nodes
  const out: Node[] = []
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!
    const image = imageOf(node)
    if (image) {
      let j = i + 1
      while (j < nodes.length && isBlank(nodes[j]!)) j++
      const next = nodes[j]
      const caption =
        next === undefined
          ? undefined
          : typeof next !== 'string' && next.tag === 'figcaption'
            ? next.children
            : smallCaptionOf(next)
      if (caption) {
        const figcaption: El = { tag: 'figcaption', attrs: {}, children: trimBlank(caption) }
        out.push(figureOf(isEmpty(figcaption) ? [image] : [image, figcaption]))
        i = j
        continue
      }
    }
    out.push(node)
  }
  return out
}

/** Marks an element that starts the relay footer, so its parent can cut from there. */
const FOOTER: El = { tag: '#relay-footer', attrs: {}, children: [] }

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

/** Cuts the feed relay's footer (获取更多RSS…), everything after it, and the rules and breaks just before it. */
function dropRelayFooter(nodes: Node[]): Node[] {
  const at = nodes.findIndex((node) =>
    typeof node === 'string' ? RELAY_FOOTER.test(node.trim()) : node === FOOTER,
  )
  if (at === -1) return nodes
  const out = nodes.slice(0, at)
  while (out.length > 0) {
    const last = out[out.length - 1]!
    if (isBlank(last) || (typeof last !== 'string' && (last.tag === 'br' || last.tag === 'hr'))) out.pop()
    else break
  }
  return out
}

/** The outlet's dateline (07/02/2024 - 15:15, an RFC 1123 or ISO stamp) repeats publishedAt: drop it. */
function dropLeadingDatelines(nodes: Node[]): Node[] {
  const out = [...nodes]
  for (let i = 0; i < out.length; i++) {
    const node = out[i]!
    if (typeof node === 'string' || node.tag === 'figure' || imageOf(node)) continue
    const text = textOf([node]).replace(/\s+/g, ' ').trim()
    if (text === '') continue
    if (!DATELINE.test(text)) break
    out.splice(i, 1)
    i--
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Text and output

function hasContent(nodes: readonly Node[]): boolean {
  for (const node of nodes) {
    if (typeof node === 'string') {
      if (node.trim() !== '') return true
    } else if (node.tag === 'img' || node.tag === 'hr' || hasContent(node.children)) return true
  }
  return false
}

function isEmpty(el: El): boolean {
  return !hasContent(el.children)
}

function textOf(nodes: readonly Node[]): string {
  let out = ''
  for (const node of nodes) out += typeof node === 'string' ? node : textOf(node.children)
  return out
}

const BLOCK_TEXT = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'figcaption', 'pre', 'tr', 'caption'])

function blockText(nodes: readonly Node[]): string {
  const out = { text: '' }
  appendBlockText(nodes, out)
  return out.text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n')
}

function appendBlockText(nodes: readonly Node[], out: { text: string }): void {
  for (const node of nodes) {
    if (typeof node === 'string') out.text += node.includes('\n') ? node.replace(/\n/g, ' ') : node
    else if (node.tag === 'br') out.text += '\n'
    else if (BLOCK_TEXT.has(node.tag) || !INLINE.has(node.tag)) {
      out.text += '\n'
      appendBlockText(node.children, out)
      out.text += '\n'
    } else appendBlockText(node.children, out)
  }
}

const EXCERPT_CHARS = 120

function excerptOf(nodes: readonly Node[]): string {
  const paragraphs: string[] = []
  const walk = (list: readonly Node[]) => {
    for (const node of list) {
      if (typeof node === 'string' || paragraphs.length >= 4) continue
      if (node.tag === 'figure' || node.tag === 'figcaption' || node.tag === 'table') continue
      if (node.tag === 'p' || node.tag === 'li' || node.tag === 'blockquote') {
        const isMediaLink = node.children.length === 1 && typeof node.children[0] !== 'string' && node.children[0]!.tag === 'a'
        const text = blockText([node]).replace(/\s+/g, ' ').trim()
        if (text && !isMediaLink) paragraphs.push(text)
      } else walk(node.children)
    }
  }
  walk(nodes)
  let text = ''
  for (const paragraph of paragraphs) {
    text = text ? `${text} ${paragraph}` : paragraph
    if (Array.from(text).length >= 60) break
  }
  if (!text) text = blockText(nodes).replace(/\s+/g, ' ').trim()
  return truncateText(text, EXCERPT_CHARS)
}

/** At most `max` characters (code points), cut at a word boundary for Latin text, with an ellipsis. */
export function truncateText(text: string, max: number): string {
  const chars = Array.from(text)
  if (chars.length <= max) return text
  let cut = chars.slice(0, max).join('')
  const space = cut.lastIndexOf(' ')
  if (/[A-Za-z]$/.test(cut) && space > max * 0.6) cut = cut.slice(0, space)
  return cut.replace(/[\s,，、;；:：]+$/, '') + '…'
}

function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
}

function escapeAttr(text: string): string {
  return text.replace(/[&"<>]/g, (c) => (c === '&' ? '&amp;' : c === '"' ? '&quot;' : c === '<' ? '&lt;' : '&gt;'))
}

function serialize(nodes: readonly Node[]): string {
  let out = ''
  for (const node of nodes) {
    if (typeof node === 'string') {
      out += escapeText(node)
      continue
    }
    out += '<' + node.tag
    for (const [name, value] of Object.entries(node.attrs)) out += ` ${name}="${escapeAttr(value)}"`
    out += '>'
    if (VOID.has(node.tag)) continue
    out += serialize(node.children) + `</${node.tag}>`
  }
  return out
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
