import { fnv1a } from '../../src/lib/search-grams'

// The outlet table: which outlet an article URL belongs to, with a colour for badges and timeline bars.
// Every colour is a mid-tone readable (>= 3:1) on white and on the dark background #111827, and no
// two colours of the table and the palette are closer than 0.05 in OKLab: a just-noticeable difference
// is about 0.02 for large fields, and a badge's dot is 10 px, so 2.5 of them: see outlets.test.ts. The colours after the first five were picked farthest-first from that gamut.

export interface OutletInfo {
  id: string
  name: string
  color: string
}

interface KnownOutlet extends OutletInfo {
  hosts: readonly string[]
}

export const KNOWN_OUTLETS: readonly KnownOutlet[] = [
  // The first five are the outlets of the first builds: article ids of their hosts begin with their ids (idLabelForUrl).
  { id: 'bbc', name: 'BBC 中文', color: '#d62828', hosts: ['bbc.com', 'bbc.co.uk'] },
  { id: 'rfi', name: 'RFI 法广', color: '#db2777', hosts: ['rfi.fr'] },
  { id: 'voa', name: '美国之音', color: '#2563eb', hosts: ['voachinese.com', 'voanews.com', 'voacantonese.com'] },
  { id: 'dw', name: '德国之声', color: '#0891b2', hosts: ['dw.com'] },
  { id: 'zaobao', name: '联合早报', color: '#c2410c', hosts: ['zaobao.com', 'zaobao.com.sg'] },
  { id: 'cna', name: '中央社', color: '#30a100', hosts: ['cna.com.tw', 'focustaiwan.tw'] },
  { id: 'reuters', name: '路透中文网', color: '#a85be1', hosts: ['cn.reuters.com'] },
  { id: 'nytimes', name: '纽约时报中文网', color: '#4e6e3f', hosts: ['nytimes.com', 'nytstyle.com'] },
  { id: 'ftchinese', name: 'FT中文网', color: '#875a80', hosts: ['ftchinese.com'] },
  { id: 'rfa', name: '自由亚洲电台', color: '#a2822a', hosts: ['rfa.org'] },
  { id: 'rti', name: '中央广播电台', color: '#be6879', hosts: ['rti.org.tw'] },
  { id: 'epochtimes', name: '大纪元', color: '#707cd9', hosts: ['epochtimes.com'] },
  { id: 'economist', name: '经济学人', color: '#379b74', hosts: ['economist.com'] },
  { id: 'nikkei', name: '日经中文网', color: '#734ad3', hosts: ['cn.nikkei.com', 'zh.cn.nikkei.com'] },
  { id: 'theinitium', name: '端传媒', color: '#8e603a', hosts: ['theinitium.com'] },
  { id: 'chinadigitaltimes', name: '中国数字时代', color: '#b338a7', hosts: ['chinadigitaltimes.net'] },
  { id: 'thepaper', name: '澎湃新闻', color: '#3e6daa', hosts: ['thepaper.cn'] },
  { id: 'caixin', name: '财新', color: '#05831a', hosts: ['caixin.com', 'caixinglobal.com'] },
  { id: 'mingpao', name: '明报', color: '#a36faf', hosts: ['mingpao.com'] },
  { id: 'singtao', name: '星岛', color: '#147078', hosts: ['singtao.com', 'stheadline.com', 'singtaousa.com'] },
  { id: 'hk01', name: '香港01', color: '#ac425c', hosts: ['hk01.com'] },
  { id: 'dwnews', name: '多维新闻', color: '#6c8a13', hosts: ['dwnews.com'] },
  { id: 'solidot', name: 'Solidot', color: '#c66a28', hosts: ['solidot.org'] },
  { id: 'udn', name: '联合新闻网', color: '#1983fb', hosts: ['udn.com'] },
  { id: 'ltn', name: '自由时报', color: '#c9559f', hosts: ['ltn.com.tw'] },
  { id: 'scmp', name: '南华早报', color: '#875cb6', hosts: ['scmp.com'] },
  { id: 'xinhuanet', name: '新华网', color: '#79783e', hosts: ['xinhuanet.com', 'news.cn'] },
  { id: 'people', name: '人民网', color: '#388473', hosts: ['people.com.cn'] },
  { id: 'huanqiu', name: '环球时报', color: '#697cad', hosts: ['huanqiu.com', 'globaltimes.cn'] },
  { id: 'ntdtv', name: '新唐人', color: '#856af5', hosts: ['ntdtv.com'] },
  { id: 'storm', name: '风传媒', color: '#da5351', hosts: ['storm.mg'] },
  { id: 'twreporter', name: '报导者', color: '#2782cc', hosts: ['twreporter.org'] },
]

/**
 * Colours for outlets not in the table, chosen by a hash of the outlet id: picked farthest-first in
 * OKLab from the table's colours and each other (every one at least 0.067 from any other), among
 * colours readable on both themes with a chroma like the table's (0.08–0.2), so a blog or an unknown
 * site never wears a known outlet's colour. (The earlier palette had #0284c7 within 0.015 of 报导者.)
 */
export const PALETTE = [
  '#f65a8d', '#d566db', '#f66312', '#a87ee4', '#c0846f', '#6696c9',
  '#849960', '#c978ab', '#b72d7b', '#5a66cc', '#998ac0', '#0f99ea',
] as const

// Second-level labels under a two-letter country code that are not registrable on their own
// (bbc.co.uk, zaobao.com.sg, news.com.au); a small stand-in for the public suffix list.
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'edu', 'ac', 'or', 'ne', 'go', 'gob', 'mil', 'info'])

// Hosting platforms where each subdomain is somebody's own site (private suffixes of the public
// suffix list): alice.blogspot.com and bob.blogspot.com are two outlets, not one.
const PLATFORMS = new Set(['blogspot.com', 'wordpress.com', 'substack.com', 'github.io', 'medium.com', 'tumblr.com', 'livejournal.com', 'wixsite.com', 'matters.town'])

/**
 * The registrable part of a host name: cn.nytimes.com -> nytimes.com, news.bbc.co.uk -> bbc.co.uk,
 * alice.blogspot.com -> alice.blogspot.com. `www.`, `m.` and a trailing dot do not count.
 */
export function registrableDomain(host: string, platforms = true): string {
  const labels = host.toLowerCase().replace(/\.+$/, '').split('.')
  if (labels.length <= 2 || /^\d+$/.test(labels.at(-1) ?? '') || host.includes(':')) return labels.join('.')
  const tld = labels.at(-1)!
  const sld = labels.at(-2)!
  let keep = tld.length === 2 && SECOND_LEVEL.has(sld) ? 3 : 2
  if (platforms && PLATFORMS.has(labels.slice(-keep).join('.')) && !['www', 'm'].includes(labels.at(-keep - 1)!)) keep++
  return labels.slice(-keep).join('.')
}

function hostMatches(host: string, suffix: string): boolean {
  return host === suffix || host.endsWith('.' + suffix)
}

/** The entry of a table whose hosts hold this host (a suffix match: news.bbc.co.uk is bbc.co.uk). */
function byHost<T extends { hosts: readonly string[] }>(table: readonly T[], host: string): T | undefined {
  return table.find(({ hosts }) => hosts.some((suffix) => hostMatches(host, suffix)))
}

const bareHost = (hostname: string) => hostname.toLowerCase().replace(/^\[|\]$/g, '')
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')

const KNOWN_IDS = new Set(KNOWN_OUTLETS.map((outlet) => outlet.id))

/** Whether the table names this outlet (else it is named by its domain or its archive's label). */
export function isTableOutlet(id: string): boolean {
  return KNOWN_IDS.has(id)
}

/** The outlet of an article URL's host; an unknown host gets an outlet of its own, never an error. */
export function outletForHost(hostname: string): OutletInfo {
  const host = bareHost(hostname)
  const known = byHost(KNOWN_OUTLETS, host)
  if (known) return { id: known.id, name: known.name, color: known.color }
  return strangerOutlet(registrableDomain(host) || 'unknown')
}

/**
 * An outlet for a site the table does not know: the whole registrable domain is the id, so
 * example.com and example.org stay two outlets. Ids of the table hold no dash, so a stranger can
 * never take one (voa.gov is voa-gov, not VOA).
 */
function strangerOutlet(site: string): OutletInfo {
  const id = slug(site) || 'site'
  return { id: KNOWN_IDS.has(id) ? `${id}-site` : id, name: site, color: PALETTE[fnv1a(id) % PALETTE.length]! }
}

export function outletForUrl(url: string): OutletInfo {
  const parsed = new URL(url)
  // medium.com/@alice is Alice's own publication, like alice.medium.com.
  const author = /^\/(@[^/]+)/.exec(parsed.pathname)?.[1]
  if (author && registrableDomain(parsed.hostname) === 'medium.com') return strangerOutlet(`medium.com/${safeDecode(author).toLowerCase()}`)
  return outletForHost(parsed.hostname)
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text // a malformed escape (%E0%A4) names the author as written
  }
}

// The outlets of the first builds: their ids begin the article ids of their hosts.
const FIRST_OUTLETS = KNOWN_OUTLETS.slice(0, 5)
const FIRST_IDS = new Set(FIRST_OUTLETS.map((outlet) => outlet.id))

/**
 * The label an article id begins with, `<label>-<hash>`: the outlet id as the first builds derived
 * it (their five-outlet table, else the first label of the host's registrable domain), frozen, so
 * the ids in readers' bookmarks never change when the outlet table grows or an unknown host's
 * outlet is named better. Only the hash decides identity; the entry's `outlet` field says the outlet.
 */
export function idLabelForUrl(url: string): string {
  const host = bareHost(new URL(url).hostname)
  const first = byHost(FIRST_OUTLETS, host)
  if (first) return first.id
  const domain = registrableDomain(host, false) || 'unknown'
  const isIp = /^[\d.]+$/.test(domain) || domain.includes(':')
  const label = slug(isIp ? domain : (domain.split('.')[0] ?? domain)) || 'site'
  return FIRST_IDS.has(label) ? slug(domain) : label
}
