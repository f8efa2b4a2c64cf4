// Folds Traditional script to Simplified for search, one character at a time, after NFKC and case
// folding: 國安法 → 国安法, 會見 → 会见, 李強 → 李强, 隨著 → 随着. The ingest folds every indexed and
// clustered text with it and the app folds a query with it, so both sides meet on one form.
//
// Character by character on purpose: a map of characters is many-to-one and does not depend on
// context, so fold(query) is a substring of fold(text) whenever the query is a substring of the text,
// and search loses nothing by folding. OpenCC's phrase tables (TSPhrases) convert 410 of their 477
// phrases differently from their characters (一目瞭然 → 一目了然 but 瞭然 → 瞭然; 乾坤 stays, 乾 → 干),
// so a query cut out of a phrase folded differently from the same text in an article. Never used for
// display (the reading control converts with phrase tables). Import it lazily in the app: the tables
// are about 20 KB gzip and must not weigh on the first screen.
import hkVariants from 'opencc-js/dict/HKVariantsRev'
import tsCharacters from 'opencc-js/dict/TSCharacters'
import twVariants from 'opencc-js/dict/TWVariantsRev'
import { normalizeForSearch } from './search-grams'

/** A dictionary string's pairs, each character to its first (usual) counterpart. */
function pairs(dict: string): Map<string, string> {
  const map = new Map<string, string>()
  for (const entry of dict.split('|')) {
    const [from, to] = entry.split(' ')
    // Character tables only: a key or value of more than one code point would break the 1:1 fold.
    if (from && to && Array.from(from).length === 1 && Array.from(to).length === 1) map.set(from, to)
  }
  return map
}

/**
 * Character → folded character, for every character the tables change. Hong Kong and Taiwan variants
 * (衞, 綫, 著 as in 隨著) go to OpenCC's standard Traditional, then to Simplified; the result is followed
 * until it no longer changes (TWVariantsRev has 么 → 幺 while TSCharacters has 麼 → 么: both end at
 * 幺), so the fold is idempotent and Simplified text folds onto the same form as its Traditional.
 */
export function buildFoldTable(): Map<string, string> {
  const hk = pairs(hkVariants)
  const tw = pairs(twVariants)
  const ts = pairs(tsCharacters)
  const step = (char: string) => {
    const variant = tw.get(hk.get(char) ?? char) ?? hk.get(char) ?? char
    return ts.get(variant) ?? variant
  }
  const chars = new Set<string>()
  for (const map of [hk, tw, ts]) for (const [from, to] of map) chars.add(from).add(to)
  const table = new Map<string, string>()
  for (const char of chars) {
    let folded = char
    const seen = new Set<string>([char])
    for (let next = step(folded); !seen.has(next); next = step(folded)) {
      seen.add(next)
      folded = next
    }
    if (folded !== char) table.set(char, folded)
  }
  return table
}

// BMP characters fold through a typed array (0: unchanged); the few others through a Map.
const bmp = new Uint32Array(0x10000)
const astral = new Map<number, string>()
for (const [from, to] of buildFoldTable()) {
  const code = from.codePointAt(0)!
  const target = to.codePointAt(0)!
  if (code <= 0xffff) bmp[code] = target
  else astral.set(code, to)
}

export function foldScript(text: string): string {
  const normal = normalizeForSearch(text)
  let out = ''
  let copied = 0
  for (let at = 0; at < normal.length; at++) {
    const code = normal.charCodeAt(at)
    let folded: string | undefined
    if (code >= 0xd800 && code <= 0xdbff && at + 1 < normal.length) folded = astral.get(normal.codePointAt(at++)!)
    else if (bmp[code] !== 0) folded = String.fromCodePoint(bmp[code]!)
    if (folded !== undefined) {
      out += normal.slice(copied, code >= 0xd800 && code <= 0xdbff ? at - 1 : at) + folded
      copied = at + 1
    }
  }
  return copied === 0 ? normal : out + normal.slice(copied)
}
