// Folds Traditional script to Simplified, character by character (opencc-js's t→cn tables), after
// NFKC and case folding: 國安法 → 国安法, 會見 → 会见, 李強 → 李强. The ingest folds every indexed and
// clustered text with it, the app folds a query with it, so both sides meet on one form. It is never
// used for display (the reading control converts with phrase tables instead). Import it lazily in the
// app: the tables are about 55 KB gzip and must not weigh on the first screen.
import { Converter } from 'opencc-js/t2cn'
import { normalizeForSearch } from './search-grams'

const toSimplified = Converter({ from: 't', to: 'cn' })

export function foldScript(text: string): string {
  return toSimplified(normalizeForSearch(text))
}
