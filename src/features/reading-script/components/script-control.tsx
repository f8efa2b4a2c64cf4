import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { strings } from '../../../lib/strings'
import { converterQueryOptions } from '../converter'
import { READING_SCRIPTS, useReadingScript, type ReadingScript } from '../script-store'

const s = strings.readingScript

// Read when drawn, not at load: the texts follow a switch of the interface language.
function labels(): Record<ReadingScript, { short: string; name: string }> {
  return {
    original: { short: s.original, name: s.originalName },
    hans: { short: s.simplified, name: s.simplifiedName },
    hant: { short: s.traditional, name: s.traditionalName },
  }
}

/**
 * 原文 / 简 / 繁: how article titles and bodies are shown (display only; the archive's text never
 * changes). Self-contained, so a settings panel can place it anywhere; every article view follows it.
 */
export function ScriptControl({ className = '' }: { className?: string }) {
  const id = useId()
  const [script, setScript] = useReadingScript()
  const converter = useQuery({ ...converterQueryOptions(script), enabled: script !== 'original' })
  const names = labels()
  return (
    <fieldset className={`flex flex-wrap items-center gap-2 ${className}`}>
      <legend className="sr-only">{s.label}</legend>
      <span aria-hidden="true" className="text-sm text-stone-600 dark:text-stone-400">
        {s.label}
      </span>
      <span className="inline-flex overflow-hidden rounded-md border border-stone-300 dark:border-stone-600">
        {READING_SCRIPTS.map((option) => (
          <label
            key={option}
            title={names[option].name}
            className="cursor-pointer border-stone-300 px-3 py-1.5 text-sm font-medium not-first:border-l has-checked:bg-stone-800 has-checked:text-white has-[:focus-visible]:outline-3 has-[:focus-visible]:-outline-offset-3 has-[:focus-visible]:outline-sky-600 dark:border-stone-600 dark:has-checked:bg-stone-200 dark:has-checked:text-stone-900"
          >
            <input type="radio" name={`${id}-script`} value={option} checked={script === option} onChange={() => setScript(option)} className="sr-only" />
            {names[option].short}
          </label>
        ))}
      </span>
      <span role="status" className="text-sm text-stone-600 dark:text-stone-400">
        {script !== 'original' && converter.isPending && s.converting}
        {script !== 'original' && converter.isError && (
          <span className="text-red-800 dark:text-red-300">
            {s.failed}{' '}
            <button type="button" onClick={() => void converter.refetch()} className="underline underline-offset-4">
              {strings.app.retry}
            </button>
          </span>
        )}
        {script !== 'original' && converter.isSuccess && <span className="sr-only">{s.converted(names[script].name)}</span>}
      </span>
    </fieldset>
  )
}
