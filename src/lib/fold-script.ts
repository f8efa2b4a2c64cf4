// Folds Traditional script to Simplified for search, one character at a time, after NFKC and case
// folding: 國安法 → 国安法, 會見 → 会见, 李強 → 李强, 隨著 → 随着. The ingest folds every indexed and
// clustered text with it and the app folds a query with it, so both sides meet on one form.
//
// Character by character on purpose: a map of characters is many-to-one and does not depend on
// context, so fold(query) is a substring of fold(text) whenever the query is a substring of the text,
// and search loses nothing by folding. OpenCC's phrase tables (TSPhrases) convert 410 of their 477
// phrases differently from their characters (一目瞭然 → 一目了然 but 瞭然 → 瞭然; 乾坤 stays, 乾 → 干),
// so a query cut out of a phrase folded differently from the same text in an article. Never used for
// display (the reading control converts with phrase tables). Import it lazily in the app: its table
// is about 14 KB gzip and must not weigh on the first screen.
import { FOLD_PAIRS } from './fold-pairs'
import { normalizeForSearch } from './search-grams'

// BMP characters fold through a typed array (0: unchanged); the few others through a Map. Filled from
// the pairs fold-table.ts built at build time: one pass over its pairs, not a walk of OpenCC's tables.
const bmp = new Uint32Array(0x10000)
const astral = new Map<number, string>()
let from: number | undefined
for (const char of FOLD_PAIRS) {
  if (char === '\n') continue
  if (from === undefined) {
    from = char.codePointAt(0)!
    continue
  }
  if (from <= 0xffff) bmp[from] = char.codePointAt(0)!
  else astral.set(from, char)
  from = undefined
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
