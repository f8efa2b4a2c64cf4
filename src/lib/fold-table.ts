// The fold's table, built from OpenCC's character tables (opencc-js). Run at build time only: by
// `npm run fold-pairs`, which writes what it builds to fold-pairs.ts for fold-script.ts to read, and by
// fold-script.test.ts, which checks that file is what the tables give today. Built in the browser, the
// tables cost 30 KB of code and about 60 ms of a cold search's main thread before its first fetch.
import hkVariants from 'opencc-js/dict/HKVariantsRev'
import tsCharacters from 'opencc-js/dict/TSCharacters'
import twVariants from 'opencc-js/dict/TWVariantsRev'

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

const PAIRS_PER_LINE = 40

/** The table as fold-pairs.ts holds it: each character then its fold, in code point order, 40 pairs a line. */
export function foldPairsText(table: ReadonlyMap<string, string>): string {
  const sorted = [...table].sort(([a], [b]) => a.codePointAt(0)! - b.codePointAt(0)!)
  const lines: string[] = []
  for (let at = 0; at < sorted.length; at += PAIRS_PER_LINE) lines.push(sorted.slice(at, at + PAIRS_PER_LINE).map(([from, to]) => from + to).join(''))
  return lines.join('\n')
}
