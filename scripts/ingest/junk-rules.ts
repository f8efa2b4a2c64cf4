// Pure: what marks page furniture rather than the article, as data. General rules, not per-site
// lists: junk is recognised by what its class/id/data-* say (share, ad, promo, newsletter,
// paywall…), by a share endpoint, or by text that only repeats the page (datelines, "28 分钟前").
// Rules are listed in docs/ingest.md.
import { parseUrl } from '../../src/lib/html-policy'

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

/** An element whose class, id, data-* or aria-label says it is a share bar, an ad, a promo… */
export function isJunk(attribs: Record<string, string>): boolean {
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

/** A link to a share endpoint (/sharer.php, /intent/tweet…) rather than to something to read. */
export function isShareUrl(url: string): boolean {
  const parsed = parseUrl(url)
  return parsed !== undefined && SHARE_PATH.test(parsed.pathname + (parsed.search ? '?' : ''))
}

/** A paragraph that only labels a share bar (分享 :) or says how long ago (28 分钟前). */
export function isLeftoverLabel(text: string): boolean {
  return SHARE_LABEL.test(text) || RELATIVE_TIME.test(text)
}

export function isRelativeTime(text: string): boolean {
  return RELATIVE_TIME.test(text)
}

/** The start of the feed relay's footer (获取更多RSS…). */
export function isRelayFooter(text: string): boolean {
  return RELAY_FOOTER.test(text)
}

/** An image credit line (图像来源…). */
export function isCredit(text: string): boolean {
  return CREDIT.test(text)
}

/** The outlet's dateline (07/02/2024 - 15:15, an RFC 1123 or ISO stamp), which repeats publishedAt. */
export function isDateline(text: string): boolean {
  return DATELINE.test(text)
}
