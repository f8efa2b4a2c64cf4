import { useId, useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import { hasFilters, type Filters } from '../../../lib/filters'
import { strings } from '../../../lib/strings'
import type { Manifest } from '../../../types/data'
import { manifestInfo } from '../../articles/manifest-info'
import { checkName, savedFilters, savedQuery, type SavedSearch } from '../saved-search'
import { savedSearchStore, useSavedSearches } from '../store'
import { useMatchCounts } from '../use-match-counts'

const s = strings.savedSearches
const button = 'rounded-md border border-stone-300 px-2.5 py-1 text-sm font-medium hover:bg-stone-100 disabled:cursor-not-allowed disabled:opacity-60 dark:border-stone-600 dark:hover:bg-stone-800'
const field = 'w-full rounded-md border border-stone-400 bg-white px-2 py-1 text-sm dark:border-stone-500 dark:bg-stone-950'

/** A one-line description of a search's filters: text, outlets, dates. */
export function describeFilters(filters: Filters, outletName: (id: string) => string): string {
  const parts: string[] = []
  if (filters.q) parts.push(s.describeQuery(filters.q))
  if (filters.outlets.length > 0) parts.push(strings.language.tagList(filters.outlets.map(outletName)))
  if (filters.from) parts.push(s.describeFrom(filters.from))
  if (filters.to) parts.push(s.describeTo(filters.to))
  return s.describe(parts)
}

/**
 * The list's side panel: saved searches with how many articles each matches and how many are
 * new since it was last opened here; save the current filters, rename, delete. On a phone it
 * folds to one button.
 */
export function SavedSearchPanel({ manifest, filters }: { manifest: Manifest; filters: Filters }) {
  const id = useId()
  const { value: searches } = useSavedSearches()
  const [open, setOpen] = useState(false)
  const [message, setMessage] = useState('')
  const info = manifestInfo(manifest)
  const outletName = (outletId: string) => info.outlets.get(outletId)?.name ?? outletId
  // Saving or opening a search sees every article the archive holds now: what a later build adds
  // (with a newer publication time) counts as new.
  const newest = manifest.shards[0]?.newest ?? null

  return (
    <aside aria-labelledby={`${id}-heading`} className="h-fit rounded-lg border border-stone-200 bg-white p-4 lg:col-start-2 lg:row-start-1 dark:border-stone-800 dark:bg-stone-900">
      <h2 id={`${id}-heading`} className="font-semibold">
        <button type="button" aria-expanded={open} aria-controls={`${id}-body`} onClick={() => setOpen(!open)} className="flex w-full items-center justify-between lg:hidden">
          {s.toggle(searches.length)}
          <span aria-hidden="true">{open ? '▴' : '▾'}</span>
        </button>
        <span className="hidden lg:inline">{s.heading}</span>
      </h2>
      <div id={`${id}-body`} className={`mt-3 space-y-3 ${open ? '' : 'hidden'} lg:block`}>
        <SaveForm filters={filters} newest={newest} describe={(next) => describeFilters(next, outletName)} onDone={setMessage} />
        {searches.length === 0 ? (
          <p className="text-sm text-stone-600 dark:text-stone-400">{s.empty}</p>
        ) : (
          <ul className="space-y-2">
            {searches.map((search) => (
              <SavedSearchRow key={search.id} manifest={manifest} search={search} newest={newest} describe={(next) => describeFilters(next, outletName)} onDone={setMessage} />
            ))}
          </ul>
        )}
        <p role="status" className="text-sm text-stone-600 empty:hidden dark:text-stone-400">
          {message}
        </p>
      </div>
    </aside>
  )
}

function SaveForm({ filters, newest, describe, onDone }: { filters: Filters; newest: string | null; describe: (filters: Filters) => string; onDone: (text: string) => void }) {
  const id = useId()
  const [name, setName] = useState<string | null>(null)
  const [error, setError] = useState('')
  const saveable = hasFilters({ ...filters, unread: false })
  if (name === null) {
    return (
      <div>
        <button type="button" disabled={!saveable} onClick={() => setName(describe(filters))} className={button}>
          {s.save}
        </button>
        {!hasFilters({ ...filters, unread: false }) && <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">{s.nothingToSave}</p>}
      </div>
    )
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const checked = checkName(name)
    if (!checked.ok) return setError(checked.error)
    savedSearchStore.save(checked.name, savedQuery(filters), newest)
    setName(null)
    setError('')
    onDone(s.saved(checked.name))
  }
  return (
    <NameForm id={id} value={name} onChange={setName} onSubmit={submit} onCancel={() => setName(null)} error={error} placeholder={s.namePlaceholder} />
  )
}

function SavedSearchRow({
  manifest,
  search,
  newest,
  describe,
  onDone,
}: {
  manifest: Manifest
  search: SavedSearch
  newest: string | null
  describe: (filters: Filters) => string
  onDone: (text: string) => void
}) {
  const id = useId()
  const { status, counts } = useMatchCounts(manifest, search)
  const [renaming, setRenaming] = useState<string | null>(null)
  const [error, setError] = useState('')
  const total = status !== 'success' ? s.counting : counts.total !== null ? s.matches(counts.total) : s.matchesAtLeast(counts.atLeast)
  const fresh = status === 'success' && counts.fresh !== null && counts.fresh > 0 ? s.fresh(counts.fresh) : null
  const filters = savedFilters(search, manifestInfo(manifest).ids)

  if (renaming !== null) {
    const submit = (event: FormEvent) => {
      event.preventDefault()
      const checked = checkName(renaming)
      if (!checked.ok) return setError(checked.error)
      savedSearchStore.rename(search.id, checked.name)
      setRenaming(null)
      setError('')
    }
    return (
      <li>
        <NameForm id={id} value={renaming} onChange={setRenaming} onSubmit={submit} onCancel={() => setRenaming(null)} error={error} />
      </li>
    )
  }

  return (
    <li className="rounded-md border border-stone-200 p-2 dark:border-stone-700">
      {/* The link's name is what it shows: 名称：N 篇，M 篇新文章 (the punctuation, from the language's texts, for screen readers only). */}
      <Link to={`/${search.query}`} onClick={() => savedSearchStore.open(search.id, newest)} className="group block">
        <span className="font-medium break-words group-hover:underline group-hover:underline-offset-4">{search.name}</span>
        <span className="sr-only">{strings.language.colon}</span>
        <span className="mt-1 flex flex-wrap items-center gap-2 text-sm">
          <span className="text-stone-600 tabular-nums dark:text-stone-400">{total}</span>
          {fresh && (
            <>
              <span className="sr-only">{strings.language.listSeparator}</span>
              <span className="rounded-full bg-sky-100 px-2 py-0.5 text-xs font-medium text-sky-900 dark:bg-sky-900 dark:text-sky-50">{fresh}</span>
            </>
          )}
        </span>
      </Link>
      <p className="mt-1 text-xs break-words text-stone-600 dark:text-stone-400">{describe(filters)}</p>
      <div className="mt-2 flex gap-2">
        <button type="button" aria-label={s.rename(search.name)} onClick={() => setRenaming(search.name)} className={button}>
          {s.renameLabel}
        </button>
        <button
          type="button"
          aria-label={s.remove(search.name)}
          onClick={() => {
            savedSearchStore.remove(search.id)
            onDone(s.removed(search.name))
          }}
          className={button}
        >
          {s.removeLabel}
        </button>
      </div>
    </li>
  )
}

/** The name field of saving and of renaming a search, with its error and its two buttons. */
function NameForm({ id, value, onChange, onSubmit, onCancel, error, placeholder }: { id: string; value: string; onChange: (value: string) => void; onSubmit: (event: FormEvent<HTMLFormElement>) => void; onCancel: () => void; error: string; placeholder?: string }) {
  return (
    <form onSubmit={onSubmit} className="space-y-2">
      <label htmlFor={`${id}-name`} className="block text-sm font-medium">
        {s.nameLabel}
      </label>
      <input id={`${id}-name`} value={value} autoFocus onChange={(event) => onChange(event.target.value)} placeholder={placeholder} aria-invalid={error !== ''} aria-describedby={`${id}-error`} className={field} />
      <p id={`${id}-error`} className="text-xs font-medium text-red-800 empty:hidden dark:text-red-300">
        {error}
      </p>
      <div className="flex gap-2">
        <button type="submit" className={button}>
          {s.saveConfirm}
        </button>
        <button type="button" onClick={onCancel} className={button}>
          {s.cancel}
        </button>
      </div>
    </form>
  )
}
