import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { useLocation, useNavigate, type Location, type NavigateFunction } from 'react-router'
import { strings } from '../../../lib/strings'
import { archiveSearch } from '../../../lib/urls'
import type { BookmarkInput } from '../../bookmarks/bookmark'
import { useBookmarks } from '../../bookmarks/store'
import { IDLE, isForeignKey, isTypingTarget, matchKey, type ShortcutAction } from '../keymap'
import { ITEM_ATTRIBUTE, moveSelection, selection } from '../selection'
import { ShortcutsDialog } from './shortcuts-dialog'

// The ? dialog can also be opened by the footer's button.
let helpOpen = false
const helpListeners = new Set<() => void>()
function setHelp(open: boolean) {
  helpOpen = open
  helpListeners.forEach((listener) => listener())
}
function useHelpOpen(): boolean {
  return useSyncExternalStore(
    (listener) => {
      helpListeners.add(listener)
      return () => helpListeners.delete(listener)
    },
    () => helpOpen,
    () => false,
  )
}

const INTERACTIVE = 'a[href], button, summary, [role="button"], [role="link"], [role="checkbox"], [role="menuitem"], [role="option"], [role="tab"]'

function shownItems(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(`main [${ITEM_ATTRIBUTE}]`)]
}

/** The first item at least partly below the top of the window: where j starts when nothing is selected. */
function firstOnScreen(elements: readonly HTMLElement[]): number {
  const index = elements.findIndex((element) => element.getBoundingClientRect().bottom > 0)
  return index < 0 ? 0 : index
}

/** Lets go of a text selection (the highlight toolbar closes with it); false when there is none. */
function clearTextSelection(): boolean {
  const selected = document.getSelection()
  if (!selected || selected.rangeCount === 0 || selected.isCollapsed) return false
  selected.removeAllRanges()
  return true
}

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches
}

interface Context {
  /** n or p before the pager knows its neighbours: done as soon as it does. */
  defer: (action: ShortcutAction) => void
  navigate: NavigateFunction
  location: Location
  toggleBookmark: (input: BookmarkInput) => boolean
  announce: (text: string) => void
  openHelp: () => void
  event: KeyboardEvent
}

/** Does the action; false when it does not apply here (the key then does whatever it did before). */
function run(action: ShortcutAction, { defer, navigate, location, toggleBookmark, announce, openHelp, event }: Context): boolean {
  const s = strings.shortcuts
  const article = selection.article()
  const onArticle = article.back !== undefined
  switch (action) {
    case 'nextItem':
    case 'previousItem': {
      const elements = shownItems()
      const ids = elements.map((element) => element.getAttribute(ITEM_ATTRIBUTE) ?? '')
      const id = moveSelection(ids, selection.selected(), action === 'nextItem' ? 1 : -1, firstOnScreen(elements))
      if (id === null) return false
      selection.select(id)
      elements[ids.indexOf(id)]?.scrollIntoView({ block: 'nearest', behavior: reducedMotion() ? 'auto' : 'smooth' })
      announce(s.selected(selection.item(id)?.title ?? '', ids.indexOf(id) + 1, ids.length))
      return true
    }
    case 'openItem': {
      if (event.key === 'Enter' && event.target instanceof Element && event.target.closest(INTERACTIVE)) return false
      const id = selection.selected()
      const item = id !== null && shownItems().some((element) => element.getAttribute(ITEM_ATTRIBUTE) === id) ? selection.item(id) : undefined
      if (!item?.to) return false
      navigate(item.to, { state: item.state })
      return true
    }
    case 'bookmarkItem': {
      const id = selection.selected()
      const bookmark = !onArticle && id !== null ? selection.item(id)?.bookmark : undefined
      if (!bookmark) return false
      announce(toggleBookmark(bookmark) ? s.bookmarked(bookmark.title) : s.unbookmarked(bookmark.title))
      return true
    }
    case 'bookmarkArticle': {
      if (!article.bookmark) return false
      announce(toggleBookmark(article.bookmark) ? s.bookmarked(article.bookmark.title) : s.unbookmarked(article.bookmark.title))
      return true
    }
    case 'nextArticle':
    case 'previousArticle': {
      const target = action === 'nextArticle' ? article.next : article.previous
      if (target === undefined) {
        if (!onArticle) return false
        defer(action)
        return true
      }
      if (target === null) announce(action === 'nextArticle' ? s.noNext : s.noPrevious)
      else navigate(target, { state: article.state })
      return true
    }
    case 'focusSearch': {
      const search = document.querySelector<HTMLInputElement>('main input[type="search"]')
      if (search) {
        search.focus()
        search.select()
        return true
      }
      if (!article.back) return false
      navigate(article.back, { state: { focusSearch: true } })
      return true
    }
    case 'back': {
      // Esc first lets go of selected text, as it would close a menu: the page stays.
      if (clearTextSelection()) return true
      if (article.back) {
        navigate(article.back, { state: article.state })
        return true
      }
      if (selection.selected() === null) return false
      selection.select(null)
      announce(s.cleared)
      return true
    }
    case 'goList':
    case 'goTimeline':
      navigate({ pathname: action === 'goList' ? '/' : '/timeline', search: archiveSearch(location.pathname, location.search) })
      return true
    case 'goBookmarks':
      navigate('/bookmarks')
      return true
    case 'help':
      openHelp()
      return true
  }
}

/** Focus the search box once it is on the page (after "/" on an article went to the list). */
function useFocusSearchOnArrival(location: Location) {
  const wanted = (location.state as { focusSearch?: unknown } | null)?.focusSearch === true
  useEffect(() => {
    if (!wanted) return
    const find = () => document.querySelector<HTMLInputElement>('main input[type="search"]')
    // A frame later: the layout moves the focus to <main> on a new page, after this effect.
    let frame = 0
    const focus = (input: HTMLInputElement) => {
      frame = requestAnimationFrame(() => input.focus())
    }
    const now = find()
    if (now) {
      focus(now)
      return () => cancelAnimationFrame(frame)
    }
    const observer = new MutationObserver(() => {
      const input = find()
      if (!input) return
      observer.disconnect()
      focus(input)
    })
    observer.observe(document.body, { childList: true, subtree: true })
    return () => {
      observer.disconnect()
      cancelAnimationFrame(frame)
    }
  }, [wanted, location.key])
}

/**
 * The page's keyboard: one keydown listener for the keymap (never while typing, composing, a
 * modifier is held or a dialog is open), the polite live region that names what the keys did,
 * and the ? dialog. Mounted once in the layout.
 */
export function KeyboardShortcuts() {
  const navigate = useNavigate()
  const location = useLocation()
  const { toggle, isBookmarked } = useBookmarks()
  const [message, setMessage] = useState('')
  const open = useHelpOpen()
  const keys = useRef(IDLE)
  const latest = useRef({ navigate, location, toggle, isBookmarked })
  useEffect(() => {
    latest.current = { navigate, location, toggle, isBookmarked }
  })
  useEffect(() => selection.setView(`${location.pathname}${location.search}`), [location.pathname, location.search])
  useFocusSearchOnArrival(location)

  useEffect(() => {
    let frame = 0
    const announce = (text: string) => {
      // Emptied first, so the same sentence twice is announced twice.
      setMessage('')
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => setMessage(text))
    }
    // One n or p waiting for the pager; dropped when the reader leaves the article.
    let deferred: { action: ShortcutAction; path: string } | null = null
    const context = (event: KeyboardEvent): Context => {
      const { navigate, location, toggle, isBookmarked } = latest.current
      const toggleBookmark = (input: BookmarkInput) => {
        const adding = !isBookmarked(input.id)
        toggle(input)
        return adding
      }
      const defer = (action: ShortcutAction) => {
        deferred = { action, path: location.pathname }
      }
      return { defer, navigate, location, toggleBookmark, announce, openHelp: () => setHelp(true), event }
    }
    const stopWaiting = selection.onArticle(() => {
      if (!deferred) return
      const { action, path } = deferred
      const { location } = latest.current
      const target = action === 'nextArticle' ? selection.article().next : selection.article().previous
      if (path !== location.pathname) deferred = null
      else if (target !== undefined) {
        deferred = null
        run(action, { ...context(new KeyboardEvent('keydown')), defer: () => {} })
      }
    })
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || isForeignKey(event) || isTypingTarget(event.target) || document.querySelector('dialog[open]')) {
        keys.current = IDLE
        return
      }
      const match = matchKey(keys.current, event.key, event.timeStamp)
      keys.current = match.state
      if (!match.taken) return
      const done = match.actions.some((action) => run(action, context(event)))
      if (done || match.state.pending.length > 0) event.preventDefault()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => {
      document.removeEventListener('keydown', onKeyDown)
      stopWaiting()
      cancelAnimationFrame(frame)
    }
  }, [])

  return (
    <>
      <p role="status" aria-live="polite" className="sr-only">
        {message}
      </p>
      <ShortcutsDialog open={open} onClose={() => setHelp(false)} />
    </>
  )
}

/** The footer's way to the shortcut list, for readers who do not know to press ?. */
export function ShortcutsButton() {
  const s = strings.shortcuts
  return (
    <button type="button" onClick={() => setHelp(true)} className="ml-2 underline underline-offset-4 hover:text-stone-900 dark:hover:text-stone-100">
      {s.open}
      <span className="sr-only">{s.openHint}</span>
    </button>
  )
}
