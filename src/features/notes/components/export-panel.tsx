import { useId, useState } from 'react'
import { strings } from '../../../lib/strings'
import { EXPORT_FILES, EXPORT_FORMATS, exportText, type ExportEntry, type ExportFormat } from '../export-formats'

const s = strings.notes

export interface ExportScope {
  /** Button text, with its count. */
  label: string
  entries: readonly ExportEntry[]
}

/** Saves a text as a file the browser downloads. */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** A format and one button per scope (selected, shown, all): each downloads that scope in that format. */
export function ExportPanel({ scopes, name }: { scopes: readonly ExportScope[]; name: string }) {
  const id = useId()
  const [format, setFormat] = useState<ExportFormat>('markdown')
  const [done, setDone] = useState('')
  const save = (scope: ExportScope) => {
    const accessed = new Date()
    const file = EXPORT_FILES[format]
    downloadText(exportText(format, scope.entries, { accessed }), `archive-reader-${name}-${accessed.toISOString().slice(0, 10)}.${file.extension}`, file.type)
    setDone(s.exportDone(scope.entries.length, s.formats[format]))
  }
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
      <h2 id={`${id}-heading`} className="font-semibold">
        {s.exportHeading}
      </h2>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <label htmlFor={`${id}-format`} className="text-sm font-medium">
          {s.exportFormat}
        </label>
        <select
          id={`${id}-format`}
          value={format}
          onChange={(event) => setFormat(event.target.value as ExportFormat)}
          className="rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm dark:border-stone-600 dark:bg-stone-950"
        >
          {EXPORT_FORMATS.map((value) => (
            <option key={value} value={value}>
              {s.formats[value]}
            </option>
          ))}
        </select>
        {scopes.map((scope) => (
          <button
            key={scope.label}
            type="button"
            disabled={scope.entries.length === 0}
            onClick={() => save(scope)}
            className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100 disabled:cursor-not-allowed disabled:opacity-60 dark:border-stone-600 dark:hover:bg-stone-800"
          >
            {scope.label}
          </button>
        ))}
      </div>
      <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">{s.exportHint}</p>
      <p role="status" aria-live="polite" className="mt-2 text-sm font-medium text-green-800 empty:hidden dark:text-green-300">
        {done}
      </p>
    </section>
  )
}
