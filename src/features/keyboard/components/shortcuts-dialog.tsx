import { Fragment } from 'react'
import { Dialog } from '../../../components/dialog'
import { strings } from '../../../lib/strings'
import { GROUPS, SHORTCUTS, type ShortcutGroup } from '../keymap'

const GROUP_TITLE: Record<ShortcutGroup, 'groupEverywhere' | 'groupLists' | 'groupArticle'> = {
  everywhere: 'groupEverywhere',
  lists: 'groupLists',
  article: 'groupArticle',
}

// What a key is called on its keycap.
const KEY_NAMES: Record<string, string> = { Escape: 'Esc', Enter: 'Enter' }

/** Every shortcut of the keymap, by where it works: read from the same table the handler matches. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const s = strings.shortcuts
  return (
    <Dialog open={open} onClose={onClose} title={s.dialogTitle} closeLabel={s.close}>
      <p className="mb-4 text-sm text-stone-600 dark:text-stone-400">{s.intro}</p>
      {GROUPS.map((group) => (
        <section key={group} className="mb-4 last:mb-0">
          <h3 className="mb-2 font-semibold">{s[GROUP_TITLE[group]]}</h3>
          <dl className="grid grid-cols-[9.5rem_1fr] gap-x-4 gap-y-2 text-sm">
            {SHORTCUTS.filter((shortcut) => shortcut.group === group).map((shortcut) => (
              <Fragment key={shortcut.action}>
                <dt className="whitespace-nowrap" data-action={shortcut.action}>
                  {shortcut.keys.map((sequence, i) => (
                    <Fragment key={sequence.join(' ')}>
                      {i > 0 && <span className="mx-1 text-stone-600 dark:text-stone-400">{s.or}</span>}
                      {sequence.map((key, j) => (
                        <Fragment key={key}>
                          {j > 0 && <span className="mx-1 text-stone-600 dark:text-stone-400">{s.then}</span>}
                          <kbd className="rounded border border-stone-300 bg-stone-100 px-1.5 py-0.5 font-mono text-xs dark:border-stone-600 dark:bg-stone-800">{KEY_NAMES[key] ?? key}</kbd>
                        </Fragment>
                      ))}
                    </Fragment>
                  ))}
                </dt>
                <dd>{s[shortcut.action]}</dd>
              </Fragment>
            ))}
          </dl>
        </section>
      ))}
    </Dialog>
  )
}
