import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { NotSavedState } from '../features/offline/components/not-saved-state'
import { dataProblemOf, type DataProblem } from '../lib/fetch-json'
import { strings } from '../lib/strings'

const s = strings.app

// Keys, not texts: the texts are read at render time, in the interface language of the moment.
const PROBLEM_TEXT: Record<Exclude<DataProblem, 'not-saved'>, { title: keyof typeof s; hint: keyof typeof s }> = {
  unreachable: { title: 'loadError', hint: 'loadErrorHint' },
  damaged: { title: 'dataDamaged', hint: 'dataDamagedHint' },
  newer: { title: 'bundleNewer', hint: 'bundleNewerHint' },
  older: { title: 'bundleOlder', hint: 'bundleOlderHint' },
}

/** A failed load, said for what failed (`error`: the query's error); `title` and `hint` override. */
export function ErrorState({ error, title, hint, onRetry }: { error?: unknown; title?: string; hint?: string; onRetry?: () => void }) {
  const problem = dataProblemOf(error)
  // Offline and never saved: not an error, and not worded as one.
  if (problem === 'not-saved') return <NotSavedState error={error} onRetry={onRetry} retryLabel={s.retry} />
  const text = PROBLEM_TEXT[problem]
  title ??= s[text.title]
  hint ??= s[text.hint]
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-5 text-red-900 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100">
      <p className="font-semibold">{title}</p>
      <p className="mt-1 text-sm">{hint}</p>
      {onRetry && (
        <button type="button" onClick={onRetry} className="mt-3 rounded-md bg-red-800 px-4 py-2 text-sm font-medium text-white hover:bg-red-900 dark:bg-red-200 dark:text-red-950 dark:hover:bg-red-100">
          {s.retry}
        </button>
      )}
    </div>
  )
}

export function EmptyState({ title, hint, children }: { title: string; hint?: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-stone-300 p-8 text-center dark:border-stone-700">
      <p className="text-lg font-semibold">{title}</p>
      {hint && <p className="mt-2 text-stone-600 dark:text-stone-400">{hint}</p>}
      {children && <div className="mt-4">{children}</div>}
    </div>
  )
}

/** Filters left nothing: say so, say how to widen the search, and offer to clear every filter. */
export function NoResults({ title = strings.list.emptyTitle, onClear }: { title?: string; onClear?: () => void }) {
  return (
    <EmptyState title={title} hint={strings.list.emptyHint}>
      {onClear && (
        <button type="button" onClick={onClear} className="rounded-md bg-stone-800 px-4 py-2 text-sm font-medium text-white hover:bg-stone-900 dark:bg-stone-200 dark:text-stone-900">
          {strings.list.emptyClear}
        </button>
      )}
    </EmptyState>
  )
}

export function NotFound({ title = s.notFoundPage }: { title?: string }) {
  return (
    <section aria-labelledby="not-found-title" className="py-12 text-center">
      <title>{`${s.notFound} · ${s.title}`}</title>
      <h1 id="not-found-title" className="text-2xl font-bold">
        {title}
      </h1>
      <p className="mt-3 text-stone-600 dark:text-stone-400">{s.notFoundHint}</p>
      <p className="mt-6">
        <Link to="/" className="font-medium text-sky-800 underline underline-offset-4 dark:text-sky-300">
          {s.backHome}
        </Link>
      </p>
    </section>
  )
}

/** Grey blocks the size of what they stand for, so nothing moves when data arrives. */
export function Skeleton({ className = '' }: { className?: string }) {
  return <div aria-hidden="true" className={`animate-pulse rounded bg-stone-200 dark:bg-stone-800 ${className}`} />
}
