import type { Filters } from '../../../lib/filters'
import { strings } from '../../../lib/strings'

const s = strings.stories

/** The list's `?group=story` switch: kept in the URL like the filters, so a link and the back button keep it. */
export function GroupToggle({ filters, onChange }: { filters: Filters; onChange: (next: Filters) => void }) {
  const on = filters.group === 'story'
  return (
    <label className="inline-flex cursor-pointer items-center gap-2 text-sm font-medium sm:mr-auto" title={s.groupHint}>
      <input
        type="checkbox"
        checked={on}
        onChange={(event) => onChange({ ...filters, group: event.target.checked ? 'story' : undefined })}
        className="size-4 accent-stone-800 dark:accent-stone-200"
      />
      {s.groupToggle}
    </label>
  )
}
