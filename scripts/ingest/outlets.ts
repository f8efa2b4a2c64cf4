import { fnv1a } from '../../src/lib/search-grams'

// The outlet table: which outlet an article URL belongs to, with a colour for badges and timeline bars.
// Every colour is a mid-tone readable (>= 3:1) on white and on the dark background #111827 (see outlets.test.ts).

export interface OutletInfo {
  id: string
  name: string
  color: string
}

interface KnownOutlet extends OutletInfo {
  hosts: readonly string[]
}

export const KNOWN_OUTLETS: readonly KnownOutlet[] = [
  { id: 'bbc', name: 'BBC 中文', color: '#d62828', hosts: ['bbc.com', 'bbc.co.uk'] },
  { id: 'rfi', name: 'RFI 法广', color: '#db2777', hosts: ['rfi.fr'] },
  { id: 'voa', name: '美国之音', color: '#2563eb', hosts: ['voachinese.com', 'voanews.com', 'voacantonese.com'] },
  { id: 'dw', name: '德国之声', color: '#0891b2', hosts: ['dw.com'] },
  { id: 'zaobao', name: '联合早报', color: '#c2410c', hosts: ['zaobao.com', 'zaobao.com.sg'] },
]

/** Colours for outlets not in the table, chosen by a hash of the outlet id. */
export const PALETTE = [
  '#0f8a5f', '#7c3aed', '#a16207', '#4d7c0f', '#6366f1', '#0d9488',
  '#9333ea', '#b45309', '#0284c7', '#c026d3', '#e11d48', '#059669',
] as const

// Second-level labels under a two-letter country code that are not registrable on their own
// (bbc.co.uk, zaobao.com.sg, news.com.au); a small stand-in for the public suffix list.
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'edu', 'ac', 'or', 'ne', 'go', 'gob', 'mil', 'info'])

/** The registrable part of a host name: cn.nytimes.com -> nytimes.com, news.bbc.co.uk -> bbc.co.uk. */
export function registrableDomain(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.')
  if (labels.length <= 2 || /^\d+$/.test(labels.at(-1) ?? '') || host.includes(':')) return labels.join('.')
  const tld = labels.at(-1)!
  const sld = labels.at(-2)!
  const keep = tld.length === 2 && SECOND_LEVEL.has(sld) ? 3 : 2
  return labels.slice(-keep).join('.')
}

function hostMatches(host: string, suffix: string): boolean {
  return host === suffix || host.endsWith('.' + suffix)
}

const KNOWN_IDS = new Set(KNOWN_OUTLETS.map((outlet) => outlet.id))

/** The outlet of an article URL's host; an unknown host gets an outlet of its own, never an error. */
export function outletForHost(hostname: string): OutletInfo {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '')
  for (const { hosts, ...outlet } of KNOWN_OUTLETS) {
    if (hosts.some((suffix) => hostMatches(host, suffix))) return outlet
  }
  const domain = registrableDomain(host) || 'unknown'
  const isIp = /^[\d.]+$/.test(domain) || domain.includes(':')
  const label = isIp ? domain : (domain.split('.')[0] ?? domain)
  let id = label.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'site'
  // A stranger must not merge into a known outlet (voa.gov is not VOA).
  if (KNOWN_IDS.has(id)) id = domain.replace(/[^a-z0-9]+/g, '-')
  return { id, name: domain, color: PALETTE[fnv1a(id) % PALETTE.length]! }
}

export function outletForUrl(url: string): OutletInfo {
  return outletForHost(new URL(url).hostname)
}
