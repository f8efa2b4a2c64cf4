import { useQuery } from '@tanstack/react-query'
import { useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { Lang } from '../../types/data'
import { converterQueryOptions, type ConvertText } from './converter'
import { convertBody } from './convert-text-nodes'
import { useReadingScript, type ReadingScript } from './script-store'

/**
 * Dispatched on the body element (it bubbles) each time its text has been set to a script, after
 * the DOM holds the new text: code that anchors to the body's text (highlights) re-anchors then.
 * `event.detail.script` says which script the text now shows; the element's data-script says it too.
 */
export const SCRIPT_APPLIED_EVENT = 'archive-reader:script-applied'
export type ScriptAppliedEvent = CustomEvent<{ script: ReadingScript }>

interface Applied {
  script: ReadingScript
  convert: ConvertText | null
}
const ORIGINAL: Applied = { script: 'original', convert: null }

/** The lang of converted text: Chinese text takes the script it was converted to; English stays English. */
export function displayLang(lang: Lang, script: ReadingScript): Lang {
  if (script === 'original' || lang === 'en') return lang
  return script === 'hant' ? 'zh-Hant' : 'zh-Hans'
}

/**
 * The reader's script choice applied to one article for display: the title to show, the lang of
 * what is shown, and `bindBody`, a callback ref for the element holding the sanitized body, whose
 * text nodes are converted in place. Until a chosen converter has loaded, the last applied script stays shown.
 * `onApplied` runs (like SCRIPT_APPLIED_EVENT) once the body shows a script.
 */
export function useScriptedArticle({ title, lang, html, onApplied }: { title: string; lang: Lang; html: string; onApplied?: (script: ReadingScript) => void }) {
  const [script] = useReadingScript()
  const converter = useQuery({ ...converterQueryOptions(script), enabled: script !== 'original' })
  const ready: Applied | null = script === 'original' ? ORIGINAL : converter.data ? { script, convert: converter.data } : null
  const [applied, setApplied] = useState<Applied>(ORIGINAL)
  if (ready && (ready.script !== applied.script || ready.convert !== applied.convert)) setApplied(ready)

  // A callback ref (state), so the conversion also runs when the body element appears or changes.
  const [body, bindBody] = useState<HTMLElement | null>(null)
  const callback = useRef(onApplied)
  useLayoutEffect(() => {
    callback.current = onApplied
  })
  useLayoutEffect(() => {
    if (!body) return
    convertBody(body, applied.convert)
    body.setAttribute('data-script', applied.script)
    body.dispatchEvent(new CustomEvent(SCRIPT_APPLIED_EVENT, { bubbles: true, detail: { script: applied.script } }))
    callback.current?.(applied.script)
  }, [body, html, applied])

  const shownTitle = useMemo(() => (applied.convert ? applied.convert(title) : title), [applied, title])
  return { bindBody, title: shownTitle, lang: displayLang(lang, applied.script), script: applied.script }
}
