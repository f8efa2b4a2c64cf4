// A real-shaped archive for the benchmark: 20 outlets (four in Traditional script, one in English),
// whole-page scrapes of 20–30 KB (site header, nav, inline scripts, related links and footer around an
// <article>) in the front-matter-only form (title, date, from; no `[title](url)` line), bodies of real
// sentences from seeds/ and the stories fixture shuffled at sentence level, and query terms planted at
// fixed rates from rare to common, with near misses (新冠疫情 … 疫苗 holds every bigram of 新冠疫苗).
// Seeded: the same n gives the same corpus on every run.
import { Converter } from 'opencc-js/cn2t'
import { Converter as ToSimplified } from 'opencc-js/t2cn'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { random } from './random'

export type Script = 'simplified' | 'traditional' | 'english'

export interface CorpusOutlet {
  host: string
  /** URL path before the article number. */
  path: string
  script: Script
  /** The site name in its header and footer. */
  site: string
}

// Hosts from scripts/ingest/outlets.ts: 15 Simplified, 4 Traditional (Taiwan and Hong Kong), 1 English.
export const CORPUS_OUTLETS: readonly CorpusOutlet[] = [
  { host: 'www.bbc.com', path: '/zhongwen/simp/chinese-news-', script: 'simplified', site: 'BBC News 中文' },
  { host: 'www.rfi.fr', path: '/cn/中国/2024-', script: 'simplified', site: 'RFI - 法国国际广播电台' },
  { host: 'www.voachinese.com', path: '/a/story-', script: 'simplified', site: '美国之音' },
  { host: 'www.dw.com', path: '/zh/article/a-', script: 'simplified', site: 'DW 德国之声' },
  { host: 'www.zaobao.com', path: '/realtime/china/story-', script: 'simplified', site: '联合早报' },
  { host: 'cn.reuters.com', path: '/article/idCN', script: 'simplified', site: '路透中文网' },
  { host: 'cn.nytimes.com', path: '/china/2024/', script: 'simplified', site: '纽约时报中文网' },
  { host: 'www.ftchinese.com', path: '/story/00', script: 'simplified', site: 'FT中文网' },
  { host: 'www.rfa.org', path: '/mandarin/yataibaodao/', script: 'simplified', site: '自由亚洲电台' },
  { host: 'cn.nikkei.com', path: '/china/politicsaeconomy/', script: 'simplified', site: '日经中文网' },
  { host: 'theinitium.com', path: '/article/2024-', script: 'simplified', site: '端传媒' },
  { host: 'www.thepaper.cn', path: '/newsDetail_forward_', script: 'simplified', site: '澎湃新闻' },
  { host: 'www.caixin.com', path: '/2024/', script: 'simplified', site: '财新网' },
  { host: 'www.news.cn', path: '/world/2024/', script: 'simplified', site: '新华网' },
  { host: 'www.huanqiu.com', path: '/article/', script: 'simplified', site: '环球网' },
  { host: 'www.cna.com.tw', path: '/news/aipl/2024', script: 'traditional', site: '中央社 CNA' },
  { host: 'www.rti.org.tw', path: '/news/view/id/', script: 'traditional', site: '中央廣播電臺' },
  { host: 'news.ltn.com.tw', path: '/news/politics/breakingnews/', script: 'traditional', site: '自由時報電子報' },
  { host: 'news.mingpao.com', path: '/pns/中國/article/2024', script: 'traditional', site: '明報新聞網' },
  { host: 'www.scmp.com', path: '/news/china/politics/article/', script: 'english', site: 'South China Morning Post' },
]

export interface Planted {
  term: string
  /** The share of articles that get one of the sentences. */
  rate: number
  sentences: readonly string[]
  /** A near miss of this term: text holding its bigrams or its parts without it. */
  nearMissOf?: string
}

/**
 * Sentences that plant a query term, rare to very common, and near misses. The source sentences
 * holding a planted term are left out of the bodies, so these rates alone decide how often it occurs.
 */
export const PLANTED: readonly Planted[] = [
  {
    term: '美联储',
    rate: 0.4,
    sentences: ['美联储官员暗示，如果通胀继续回落，年内可能开始降息。', '市场普遍预期美联储将在下次会议上维持利率不变。'],
  },
  {
    term: '台积电',
    rate: 0.1,
    sentences: ['台积电宣布将在日本熊本兴建第二座晶圆厂。', '分析师说，台积电的先进制程产能仍然供不应求。'],
  },
  {
    term: '特朗普',
    rate: 0.22,
    sentences: [
      '美国前总统特朗普当天在社交媒体上发文，批评现任政府的对华政策过于软弱。',
      '特朗普的竞选团队表示，他将在下周前往密歇根州和宾夕法尼亚州举行集会。',
      '分析人士认为，特朗普若重返白宫，可能对中国商品加征更高的关税。',
    ],
  },
  {
    term: '新冠疫苗',
    rate: 0.05,
    sentences: [
      '卫生部门说，接种新冠疫苗加强针的长者比例仍然偏低。',
      '多家药企宣布将向发展中国家捐赠数以百万剂计的新冠疫苗。',
    ],
  },
  {
    term: '新冠疫情',
    nearMissOf: '新冠疫苗',
    rate: 0.08,
    sentences: ['新冠疫情暴发后，当地的旅游业和餐饮业遭受重创。', '自新冠疫情以来，两国的人员往来一直没有恢复到此前的水平。'],
  },
  {
    term: '疫苗',
    nearMissOf: '新冠疫苗',
    rate: 0.06,
    sentences: ['世界卫生组织呼吁各国加快流感疫苗的接种工作。', '研究人员正在测试一种新型疫苗的安全性。'],
  },
  {
    term: '一带一路',
    rate: 0.03,
    sentences: [
      '这条铁路是中国“一带一路”倡议在东南亚的重点项目之一。',
      '一些国家对参与一带一路项目可能带来的债务风险表示担忧。',
    ],
  },
  {
    term: '一路',
    nearMissOf: '一带一路',
    rate: 0.05,
    sentences: ['代表团一路从边境城市乘车抵达首都，沿途一带的村庄都挂起了横幅。', '他说自己带一些朋友一路走来，见证了这座城市的变化。'],
  },
  {
    term: '健康码',
    rate: 0.008,
    sentences: ['当时进入商场和地铁站都必须出示健康码。', '一些居民的健康码无故变成红色，无法出行。'],
  },
  {
    term: '国安法',
    rate: 0.004,
    sentences: ['香港国安法实施以来，已有多名民主派人士被捕。', '批评者说，国安法让香港的新闻自由大幅倒退。'],
  },
  {
    term: '国安',
    nearMissOf: '国安法',
    rate: 0.02,
    sentences: ['国安部门表示，将加强对关键基础设施的保护。'],
  },
]

const ENGLISH_PLANTED: readonly Planted[] = [
  {
    term: 'Trump',
    rate: 0.25,
    sentences: [
      'Former US President Donald Trump criticised the administration on social media on Tuesday.',
      'Analysts said a second Trump term could bring higher tariffs on Chinese goods.',
    ],
  },
  {
    term: 'Belt and Road',
    rate: 0.04,
    sentences: ['The railway is a flagship project of the Belt and Road Initiative in Southeast Asia.'],
  },
  {
    term: 'national security law',
    rate: 0.02,
    sentences: ['Since the national security law took effect, dozens of activists have been arrested in Hong Kong.'],
  },
]

// English sentences beside the stories fixture's English articles, so the English outlet has enough to shuffle.
const ENGLISH_SENTENCES = [
  'Officials in Beijing did not immediately respond to a request for comment.',
  'The foreign ministry said the talks had been frank and constructive.',
  'Trade between the two countries fell by nearly a tenth last year, according to customs data.',
  'Hong Kong’s government said the new rules would take effect next month.',
  'The central bank left its benchmark lending rate unchanged for the third month in a row.',
  'Taiwan’s defence ministry said it had tracked Chinese aircraft near the island on Sunday.',
  'Critics say the measures will further restrict press freedom in the city.',
  'The company said it expected demand to recover in the second half of the year.',
  'Thousands of people gathered in the square despite the heavy rain.',
  'The ministry said exports of electric vehicles rose sharply in the first quarter.',
  'Diplomats said a joint statement was unlikely before the end of the summit.',
  'Local media reported that the factory had been closed since the spring.',
]

const STORIES = 'scripts/ingest/fixtures/stories/articles.json'

interface Pool {
  sentences: string[]
  titles: string[]
  clauses: string[]
}

/** Sentences, titles and title clauses of each script, from seeds/ and the stories fixture. */
function loadPools(seedsDir: string): Record<Script, Pool> {
  const toSimplified = ToSimplified({ from: 'tw', to: 'cn' })
  const toTraditional = Converter({ from: 'cn', to: 'tw' })
  const chinese: string[] = []
  const titles: string[] = []
  const english: string[] = [...ENGLISH_SENTENCES]
  const englishTitles: string[] = []
  for (const name of readdirSync(seedsDir).sort()) {
    const text = readFileSync(join(seedsDir, name), 'utf8')
    const title = /^\[(.*)\]\(/m.exec(text)?.[1]
    if (title) titles.push(title)
    for (const [, paragraph] of text.matchAll(/<p>([\s\S]*?)<\/p>/g)) chinese.push(...splitSentences(paragraph!.replace(/<[^>]+>/g, '')))
  }
  const stories = (JSON.parse(readFileSync(STORIES, 'utf8')) as { articles: { title: string; body: string }[] }).articles
  for (const story of stories) {
    const isEnglish = !/\p{Script=Han}/u.test(story.title)
    ;(isEnglish ? englishTitles : titles).push(isEnglish ? story.title : toSimplified(story.title))
    const sentences = splitSentences(story.body)
    if (isEnglish) english.push(...sentences.filter((sentence) => !/\p{Script=Han}/u.test(sentence)))
    else chinese.push(...sentences.map((sentence) => toSimplified(sentence)))
  }
  const planted = (entries: readonly Planted[]) => entries.filter((entry) => !entry.nearMissOf).map((entry) => entry.term.toLowerCase())
  const unplanted = (terms: readonly string[]) => (sentence: string) => !terms.some((term) => sentence.toLowerCase().includes(term))
  const simplified = [...new Set(chinese.filter((sentence) => Array.from(sentence).length >= 8))].filter(unplanted(planted(PLANTED)))
  const clauses = [...new Set(simplified.flatMap((sentence) => sentence.split(/[，；：。！？]/)).filter((clause) => clause.length >= 6 && clause.length <= 24))]
  const plainTitles = titles.filter(unplanted(planted(PLANTED)))
  return {
    simplified: { sentences: simplified, titles: plainTitles, clauses },
    traditional: { sentences: simplified.map(toTraditional), titles: plainTitles.map(toTraditional), clauses: clauses.map(toTraditional) },
    english: { sentences: [...new Set(english)].filter(unplanted(planted(ENGLISH_PLANTED))), titles: englishTitles.filter(unplanted(planted(ENGLISH_PLANTED))), clauses: englishTitles },
  }
}

function splitSentences(text: string): string[] {
  return (text.match(/[^。！？!?\n]+[。！？!?]?[”」』]?|[^\n]+/g) ?? [])
    .map((sentence) => sentence.replace(/\s+/g, ' ').trim())
    .filter((sentence) => sentence.length > 0)
}


export interface CorpusArticle {
  /** Path of the file inside the archive folder. */
  file: string
  url: string
  title: string
  publishedAt: string
  outlet: CorpusOutlet
  /** The article's own text as a reader sees it: its paragraphs (the title apart), without the page furniture. */
  paragraphs: string[]
  /** The whole file: front matter and the scraped page. */
  content: string
}

export interface Corpus {
  n: number
  /** The articles in order, each built on demand (a 20,000-article corpus is 500 MB). */
  article(index: number): CorpusArticle
}

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!

/**
 * The corpus of n articles: article i depends only on (n's seed, i), so files can be built one at a
 * time, in any order, and the same n always gives the same bytes.
 */
export function createCorpus(n: number, seed = 20_000, seedsDir = 'seeds'): Corpus {
  if (!Number.isInteger(n) || n < 1) throw new Error(`corpus size must be a whole number ≥ 1, got ${n}`)
  const pools = loadPools(seedsDir)
  const toTraditional = Converter({ from: 'cn', to: 'tw' })
  const planted: Record<Script, Planted[]> = {
    simplified: [...PLANTED],
    traditional: PLANTED.map((entry) => ({ ...entry, sentences: entry.sentences.map(toTraditional) })),
    english: [...ENGLISH_PLANTED],
  }
  const start = Date.UTC(2016, 0, 1)
  const span = 9 * 365.25 * 86_400_000
  const article = (index: number): CorpusArticle => {
    if (!(index >= 0 && index < n)) throw new Error(`article ${index} is outside the corpus of ${n}`)
    const rand = random((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0)
    const outlet = CORPUS_OUTLETS[index % CORPUS_OUTLETS.length]!
    const pool = pools[outlet.script]
    const english = outlet.script === 'english'
    const title = english
      ? `${pick(rand, pool.titles)}: ${pick(rand, pool.sentences).replace(/[.!?]$/, '')}`.slice(0, 140)
      : `${pick(rand, pool.titles)}${rand() < 0.5 ? '：' + pick(rand, pool.clauses) : ''}`
    const time = start + Math.floor(rand() * span)
    const url = `https://${outlet.host}${outlet.path}${70_000_000 + index}`
    const related = Array.from({ length: 6 }, () => pick(rand, pool.titles))
    const publishedAt = new Date(time).toISOString()
    const front = `---\ntitle: ${JSON.stringify(title)}\ndate: ${publishedAt}\nfrom: ${url}\n---\n`
    // 20–30 KB in all: the page furniture and front matter, the body the rest.
    const target = 20_000 + Math.floor(rand() * 10_000) - Buffer.byteLength(front + page(outlet, title, publishedAt, [], related, index))
    // An article's topics: three runs of the pool, which holds each source's sentences together, so a
    // term of the sources is common in some articles and absent from most, as in an archive.
    const topics = english ? pool.sentences : topicSentences(rand, pool.sentences, 3, 40)
    const paragraphs: string[] = []
    let bytes = 0
    while (bytes < target) {
      const count = 2 + Math.floor(rand() * 4)
      const paragraph = Array.from({ length: count }, () => pick(rand, topics)).join(english ? ' ' : '')
      paragraphs.push(paragraph)
      bytes += Buffer.byteLength(paragraph) + 8
    }
    for (const { rate, sentences } of planted[outlet.script]) {
      if (rand() >= rate) continue
      const at = Math.floor(rand() * paragraphs.length)
      paragraphs[at] = english ? `${paragraphs[at]} ${pick(rand, sentences)}` : paragraphs[at] + pick(rand, sentences)
    }
    const content = `${front}${page(outlet, title, publishedAt, paragraphs, related, index)}\n`
    const file = join(String(Math.floor(index / 1000)).padStart(4, '0'), `${String(index).padStart(7, '0')}.html.txt`)
    return { file, url, title, publishedAt, outlet, paragraphs, content }
  }
  return { n, article }
}

function topicSentences(rand: () => number, sentences: readonly string[], runs: number, length: number): string[] {
  return Array.from({ length: runs }, () => {
    const start = Math.floor(rand() * Math.max(1, sentences.length - length))
    return sentences.slice(start, start + length)
  }).flat()
}

/** The scraped page: what a "save whole page" archiver keeps around the article. */
function page(outlet: CorpusOutlet, title: string, publishedAt: string, paragraphs: readonly string[], related: readonly string[], index: number): string {
  const english = outlet.script === 'english'
  const sections = english ? ['China', 'Hong Kong', 'Asia', 'World', 'Business', 'Tech', 'Opinion', 'Lifestyle'] : ['首页', '国际', '中国', '两岸', '财经', '科技', '评论', '视频', '专题', '图集']
  const nav = sections.map((name, at) => `<li class="nav-item"><a href="https://${outlet.host}/section/${at}">${name}</a></li>`).join('')
  const script = `window.__INITIAL_STATE__=${JSON.stringify({ page: { id: index, type: 'article', site: outlet.host, tracking: { ga: 'UA-1234567-1', gtm: 'GTM-ABCDE', segments: Array.from({ length: 60 }, (_, at) => `seg-${(index * 31 + at) % 997}`) } } })};`
  const tracker =
    '(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({"gtm.start":new Date().getTime(),event:"gtm.js"});var f=d.getElementsByTagName(s)[0],j=d.createElement(s),dl=l!="dataLayer"?"&l="+l:"";j.async=true;j.src="https://www.googletagmanager.com/gtm.js?id="+i+dl;f.parentNode.insertBefore(j,f);})(window,document,"script","dataLayer","GTM-ABCDE");'
  const styles = Array.from({ length: 40 }, (_, at) => `.c${at}{margin:${at % 7}px ${at % 5}px;padding:0 ${at % 3}em;font-size:${12 + (at % 9)}px}`).join('')
  const relatedList = related.map((name, at) => `<li><a href="https://${outlet.host}${outlet.path}${60_000_000 + ((index * 7 + at * 13) % 50_000)}">${escapeHtml(name)}</a></li>`).join('')
  const body = paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n')
  const footer = english
    ? 'Copyright © 2024 South China Morning Post Publishers Ltd. All rights reserved. Privacy policy. Terms and conditions. Contact us. Advertise with us.'
    : `版权所有 © 2024 ${outlet.site}。未经授权不得转载。隐私政策 使用条款 联系我们 广告服务 加入我们`
  return [
    `<!DOCTYPE html><html lang="${english ? 'en' : outlet.script === 'traditional' ? 'zh-Hant' : 'zh-Hans'}"><head><meta charset="utf-8">`,
    `<title>${escapeHtml(title)} - ${outlet.site}</title><meta name="viewport" content="width=device-width,initial-scale=1">`,
    `<meta property="og:title" content="${escapeHtml(title)}"><link rel="stylesheet" href="https://${outlet.host}/static/css/main.4f2a9c.css">`,
    `<style>${styles}</style><script>${tracker}</script><script>${script}</script></head><body class="page-article">`,
    `<header class="site-header"><a class="logo" href="https://${outlet.host}/">${outlet.site}</a><form class="search-form" action="/search"><input name="q" placeholder="${english ? 'Search' : '搜索'}"></form></header>`,
    `<nav class="main-nav" aria-label="${english ? 'Sections' : '栏目'}"><ul>${nav}</ul></nav>`,
    `<div class="ad-slot" id="ad-top" data-ad-unit="leaderboard">${english ? 'Advertisement' : '广告'}</div>`,
    `<main><article class="article-content"><h1 class="headline">${escapeHtml(title)}</h1>`,
    `<div class="byline"><time datetime="${publishedAt}">${publishedAt.slice(0, 10)}</time></div>`,
    `<div class="article-body">\n${body}\n</div>`,
    `<div class="share-tools"><a href="https://www.facebook.com/sharer/sharer.php?u=${index}">Facebook</a><a href="https://twitter.com/intent/tweet?u=${index}">X</a></div>`,
    `</article><aside class="related-articles"><h2>${english ? 'Related' : '相关报道'}</h2><ul>${relatedList}</ul></aside></main>`,
    `<footer class="site-footer"><p>${footer}</p></footer>`,
    `<script src="https://${outlet.host}/static/js/vendor.81c2e0.js"></script><script src="https://${outlet.host}/static/js/app.d41d8c.js" defer></script></body></html>`,
  ].join('\n')
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** Writes the corpus into dir (1,000 files to a folder); calls visit with each article after writing it. Returns the bytes written. */
export function writeCorpus(dir: string, corpus: Corpus, visit?: (article: CorpusArticle, index: number) => void): number {
  let bytes = 0
  for (let index = 0; index < corpus.n; index++) {
    const item = corpus.article(index)
    if (index % 1000 === 0) mkdirSync(join(dir, item.file, '..'), { recursive: true })
    writeFileSync(join(dir, item.file), item.content)
    bytes += Buffer.byteLength(item.content)
    visit?.(item, index)
  }
  return bytes
}
