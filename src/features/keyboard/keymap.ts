// The one table of keyboard shortcuts: the handler matches keys against it and the ? dialog
// lists it, so what the dialog says is what the keys do.
import type { strings } from '../../lib/strings'

export type ShortcutAction =
  | 'nextItem'
  | 'previousItem'
  | 'openItem'
  | 'bookmarkItem'
  | 'nextArticle'
  | 'previousArticle'
  | 'bookmarkArticle'
  | 'focusSearch'
  | 'back'
  | 'goList'
  | 'goTimeline'
  | 'goBookmarks'
  | 'help'

export type ShortcutGroup = 'everywhere' | 'lists' | 'article'

export interface Shortcut {
  action: ShortcutAction & keyof (typeof strings)['shortcuts']
  group: ShortcutGroup
  /** Alternatives, each a sequence of KeyboardEvent.key values: [['Enter'], ['o']], [['g', 'l']]. */
  keys: readonly (readonly string[])[]
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'nextItem', group: 'lists', keys: [['j']] },
  { action: 'previousItem', group: 'lists', keys: [['k']] },
  { action: 'openItem', group: 'lists', keys: [['Enter'], ['o']] },
  { action: 'bookmarkItem', group: 'lists', keys: [['b']] },
  { action: 'nextArticle', group: 'article', keys: [['n']] },
  { action: 'previousArticle', group: 'article', keys: [['p']] },
  { action: 'bookmarkArticle', group: 'article', keys: [['b']] },
  { action: 'focusSearch', group: 'everywhere', keys: [['/']] },
  { action: 'back', group: 'everywhere', keys: [['Escape']] },
  { action: 'goList', group: 'everywhere', keys: [['g', 'l']] },
  { action: 'goTimeline', group: 'everywhere', keys: [['g', 't']] },
  { action: 'goBookmarks', group: 'everywhere', keys: [['g', 'b']] },
  { action: 'help', group: 'everywhere', keys: [['?']] },
]

export const GROUPS: readonly ShortcutGroup[] = ['everywhere', 'lists', 'article']

/** How long the first key of a sequence (g) waits for the second. */
export const SEQUENCE_MS = 1500

export interface KeyState {
  /** Keys of a sequence typed so far, and when the last came. */
  pending: readonly string[]
  at: number
}

export const IDLE: KeyState = { pending: [], at: 0 }

/**
 * One key pressed at `now`: the actions it completes (b means one thing on a list and another
 * on an article, so both come back and the page picks), whether it was taken, and the next state.
 */
export function matchKey(state: KeyState, key: string, now: number, table: readonly Shortcut[] = SHORTCUTS): { actions: ShortcutAction[]; taken: boolean; state: KeyState } {
  const pending = state.pending.length > 0 && now - state.at <= SEQUENCE_MS ? state.pending : []
  const attempt = (typed: readonly string[]) => {
    const sequences = table.flatMap((shortcut) => shortcut.keys.map((keys) => ({ action: shortcut.action, keys })))
    const startsWith = (keys: readonly string[]) => typed.every((k, i) => keys[i] === k)
    const complete = sequences.filter(({ keys }) => keys.length === typed.length && startsWith(keys)).map(({ action }) => action)
    const longer = sequences.some(({ keys }) => keys.length > typed.length && startsWith(keys))
    return { complete, longer }
  }
  if (pending.length > 0) {
    const typed = [...pending, key]
    const { complete, longer } = attempt(typed)
    if (complete.length > 0) return { actions: complete, taken: true, state: IDLE }
    if (longer) return { actions: [], taken: true, state: { pending: typed, at: now } }
    // Not a sequence after all: the key counts on its own.
  }
  const { complete, longer } = attempt([key])
  if (complete.length > 0) return { actions: complete, taken: true, state: IDLE }
  if (longer) return { actions: [], taken: true, state: { pending: [key], at: now } }
  return { actions: [], taken: false, state: IDLE }
}

const TYPING_INPUT_TYPES = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image'])

/** A place where keys are text: a text field, textarea, select or editable content. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false
  const element = target as HTMLElement
  if (element.isContentEditable || element.closest('[contenteditable]:not([contenteditable="false"])')) return true
  const tag = element.tagName
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true
  return tag === 'INPUT' && !TYPING_INPUT_TYPES.has((element as HTMLInputElement).type)
}

/** Keys that belong to someone else: an input method composing (229 while it does), or a modifier combo. */
export function isForeignKey(event: Pick<KeyboardEvent, 'isComposing' | 'keyCode' | 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  return event.isComposing || event.keyCode === 229 || event.key === 'Process' || event.ctrlKey || event.metaKey || event.altKey
}
