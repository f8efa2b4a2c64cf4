// Pure: the language of an article and how long it takes to read.
import type { Lang } from '../../src/types/data'

// Frequent characters that exist only in one of the two scripts (pairs: 們/们, 這/这, …).
const TRADITIONAL = codes('們這個說對時來會國為發後與關經過還麼從現開學問動種進當實體點義話區長邊見將機產東應間處變總員華難錢軍隊記報紙舉認識戰爭亞歐們臺灣設產業於並讓請視聽電網頁屬續際廣擊護據稱門兩們黨濟監議選舉權歷陸導術環參戲劃萬億')
const SIMPLIFIED = codes('们这个说对时来会国为发后与关经过还么从现开学问动种进当实体点义话区长边见将机产东应间处变总员华难钱军队记报纸举认识战争亚欧们湾设产业并让请视听电网页属续际广击护据称门两们党济监议选举权历陆导术环参戏划万亿')

function codes(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000)
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1
  return table
}

/** Enough text to tell the language; keeps a several-MB body from costing more than a page. */
const SAMPLE = 20_000

function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff)
}

function isLatin(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7)
}

export function detectLang(text: string, url = ''): Lang {
  let han = 0
  let latin = 0
  let trad = 0
  let simp = 0
  const end = Math.min(text.length, SAMPLE)
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i)
    if (isHan(code)) {
      han++
      trad += TRADITIONAL[code]!
      simp += SIMPLIFIED[code]!
    } else if (isLatin(code)) latin++
  }
  // An English word is ~5 letters, a Chinese word ~1.5 characters: Latin letters dominate when
  // they outnumber Han characters by more than two to one.
  if (latin > han * 2) return 'en'
  // The text decides when it clearly leans one way: an outlet's URL may say one script (a section,
  // a default edition) while the saved page holds the other.
  if (trad + simp >= 8 && (trad >= 3 * simp || simp >= 3 * trad)) return trad > simp ? 'zh-Hant' : 'zh-Hans'
  const path = url.toLowerCase()
  // Editions in the path: BBC /trad/ and /simp/, NYT zh-hant, Epoch Times /b5/ (Big5) and /gb/ (GB).
  if (/zh[-_]?(hant|tw|hk)|\/trad(\/|$)|\/big5\/|\/b5\//.test(path)) return 'zh-Hant'
  if (/zh[-_]?(hans|cn|sg)|\/simp(\/|$)|\/gb\//.test(path)) return 'zh-Hans'
  return trad > simp ? 'zh-Hant' : 'zh-Hans'
}

/** Non-whitespace characters of the body text. */
export function countChars(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    // Whitespace as \s knows it; the low half of a surrogate pair is not counted twice.
    if (code <= 0x20 || code === 0xa0 || code === 0x3000 || code === 0xfeff || (code >= 0x2000 && code <= 0x200a)) continue
    if (code === 0x1680 || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f) continue
    if (code >= 0xdc00 && code <= 0xdfff) continue
    n++
  }
  return n
}

/** Chinese is read at ~400 characters a minute, English at ~200 words a minute; at least one minute. */
export function readingMinutes(text: string, lang: Lang): number {
  const minutes = lang === 'en' ? (text.match(/\S+/g)?.length ?? 0) / 200 : countChars(text) / 400
  return Math.max(1, Math.round(minutes))
}
