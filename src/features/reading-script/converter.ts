// The phrase-level converters, each in its own chunk that loads only when its script is chosen:
// cn2t (about 1 MB of tables) for 繁, t2cn for 简. Neither may reach the entry or article chunk.
import { queryOptions, type QueryClient } from '@tanstack/react-query'
import { getReadingScript, type ReadingScript } from './script-store'

export type ConvertText = (text: string) => string

export async function loadConverter(script: Exclude<ReadingScript, 'original'>): Promise<ConvertText> {
  if (script === 'hant') {
    // Taiwan standard with its phrases: 头发 → 頭髮 and 发展 → 發展, 台湾 → 臺灣 (not one character at a time).
    const { Converter } = await import('opencc-js/cn2t')
    return Converter({ from: 'cn', to: 'tw' })
  }
  const { Converter } = await import('opencc-js/t2cn')
  return Converter({ from: 'tw', to: 'cn' })
}

export function converterQueryOptions(script: ReadingScript) {
  return queryOptions({
    queryKey: ['reading-script', 'converter', script],
    queryFn: () => (script === 'original' ? null : loadConverter(script)),
    staleTime: Infinity,
    gcTime: Infinity,
    // A function is no JSON: never compare or merge it with an earlier result.
    structuralSharing: false,
  })
}

/** Starts loading the chosen converter with the article (route loader), so the body is converted sooner after a reload. */
export function prefetchChosenConverter(queryClient: QueryClient): void {
  const script = getReadingScript()
  if (script !== 'original') void queryClient.prefetchQuery(converterQueryOptions(script))
}
