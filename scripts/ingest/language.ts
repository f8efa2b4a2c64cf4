// Pure: the language of an article and how long it takes to read.
import type { Lang } from '../../src/types/data'

// Frequent characters that exist only in one of the two scripts (pairs: 們/们, 這/这, …).
const TRADITIONAL = new Set(
  Array.from('們這個說對時來會國為發後與關經過還麼從現開學問動種進當實體點義話區長邊見將機產東應間處變總員華難錢係軍隊記報紙舉認識戰爭亞歐們臺灣設產業於並讓請視聽電網頁屬續際廣擊護據稱門兩們黨濟監議選舉權歷陸導術環境參戲劃萬億'),
)
const SIMPLIFIED = new Set(
  Array.from('们这个说对时来会国为发后与关经过还么从现开学问动种进当实体点义话区长边见将机产东应间处变总员华难钱系军队记报纸举认识战争亚欧们台湾设产业并让请视听电网页属续际广击护据称门两们党济监议选举权历陆导术环境参戏划万亿'),
)

const HAN = /\p{Script=Han}/u
const LATIN = /\p{Script=Latin}/u

export function detectLang(text: string, url = ''): Lang {
  let han = 0
  let latin = 0
  let trad = 0
  let simp = 0
  for (const ch of text) {
    if (HAN.test(ch)) {
      han++
      if (TRADITIONAL.has(ch)) trad++
      else if (SIMPLIFIED.has(ch)) simp++
    } else if (LATIN.test(ch)) latin++
  }
  // An English word is ~5 letters, a Chinese word ~1.5 characters: Latin letters dominate when
  // they outnumber Han characters by more than two to one.
  if (latin > han * 2) return 'en'
  const path = url.toLowerCase()
  if (/zh[-_]?(hant|tw|hk)|\/trad(\/|$)|\/big5\//.test(path)) return 'zh-Hant'
  if (/zh[-_]?(hans|cn|sg)|\/simp(\/|$)/.test(path)) return 'zh-Hans'
  return trad > simp ? 'zh-Hant' : 'zh-Hans'
}

/** Non-whitespace characters of the body text. */
export function countChars(text: string): number {
  let n = 0
  for (const ch of text) if (!/\s/.test(ch)) n++
  return n
}

/** Chinese is read at ~400 characters a minute, English at ~200 words a minute; at least one minute. */
export function readingMinutes(text: string, lang: Lang): number {
  const minutes = lang === 'en' ? (text.match(/\S+/g)?.length ?? 0) / 200 : countChars(text) / 400
  return Math.max(1, Math.round(minutes))
}
