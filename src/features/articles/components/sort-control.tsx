import { useId } from 'react'
import type { Filters } from '../../../lib/filters'
import { strings } from '../../../lib/strings'

const s = strings.searchSyntax

/** Newest first (the default) or `?sort=relevance`, offered while there is a search to rank. */
export function SortControl({ filters, onChange }: { filters: Filters; onChange: (next: Filters) => void }) {
  const id = useId()
  if (filters.q.trim() === '') return null
  return (
    <span className="inline-flex items-center gap-2 text-sm font-medium">
      <label htmlFor={id}>{s.sort}</label>
      <select
        id={id}
        value={filters.sort ?? 'newest'}
        onChange={(event) => onChange({ ...filters, sort: event.target.value === 'relevance' ? 'relevance' : undefined })}
        className="rounded-md border border-stone-300 bg-white px-2 py-1 dark:border-stone-600 dark:bg-stone-950"
      >
        <option value="newest">{s.sortNewest}</option>
        <option value="relevance">{s.sortRelevance}</option>
      </select>
    </span>
  )
}
