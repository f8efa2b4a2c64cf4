import { useId, useState } from 'react'
import { strings } from '../../../lib/strings'
import type { Bookmark } from '../bookmark'
import { exportFileText, importExportFile, importResultText } from '../export-file'

const s = strings.bookmarkUi

/** Export every bookmark to a JSON file; import one and merge it. An invalid file changes nothing. */
export function BookmarkTransfer({ bookmarks }: { bookmarks: Bookmark[] }) {
  const inputId = useId()
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)

  const download = () => {
    const url = URL.createObjectURL(new Blob([exportFileText(bookmarks)], { type: 'application/json' }))
    const link = document.createElement('a')
    link.href = url
    link.download = `archive-reader-bookmarks-${new Date().toISOString().slice(0, 10)}.json`
    document.body.append(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }

  const upload = async (file: File) => {
    const outcome = importExportFile(await file.text())
    // An import that was merged but not saved is shown as an alert, not as success.
    setResult({ ok: outcome.ok && outcome.saved, text: importResultText(outcome) })
  }

  return (
    <section aria-labelledby={`${inputId}-heading`} className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
      <h2 id={`${inputId}-heading`} className="font-semibold">
        {s.transfer}
      </h2>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="button" onClick={download} className="rounded-md bg-stone-800 px-4 py-2 text-sm font-medium text-white hover:bg-stone-900 dark:bg-stone-200 dark:text-stone-900 dark:hover:bg-white">
          {s.exportButton}
        </button>
        <label
          htmlFor={inputId}
          className="cursor-pointer rounded-md border border-stone-300 px-4 py-2 text-sm font-medium hover:bg-stone-100 has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-sky-600 dark:border-stone-600 dark:hover:bg-stone-800"
        >
          {s.importButton}
          <input
            id={inputId}
            type="file"
            accept="application/json,.json"
            className="sr-only"
            onChange={(event) => {
              const file = event.target.files?.[0]
              event.target.value = ''
              if (file) void upload(file)
            }}
          />
        </label>
        <span className="text-sm text-stone-600 dark:text-stone-400">{s.importHint}</span>
      </div>
      <div role="status" aria-live="polite" className="mt-3 empty:mt-0">
        {result?.ok && <p className="text-sm font-medium text-green-800 dark:text-green-300">{result.text}</p>}
      </div>
      <div role="alert" className="mt-3 empty:mt-0">
        {result && !result.ok && <p className="text-sm font-medium text-red-800 dark:text-red-300">{result.text}</p>}
      </div>
    </section>
  )
}
