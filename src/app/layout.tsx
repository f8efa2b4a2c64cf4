import { useEffect, useRef } from 'react'
import { NavLink, Outlet, ScrollRestoration, useLocation, useNavigationType, type Location } from 'react-router'
import { ThemeToggle } from '../components/theme-toggle'
import { StorageNoticeBanner } from '../features/bookmarks/components/storage-notice-banner'
import { OfflineStatus } from '../features/offline/components/offline-status'
import { ReaderDataNotice } from '../features/read-state/components/reader-data-notice'
import { strings } from '../lib/strings'
import { archiveSearch } from '../lib/urls'
import { LanguageSwitch } from '../components/language-switch'
import { KeyboardShortcuts, ShortcutsButton } from '../features/keyboard/components/keyboard-shortcuts'

const s = strings.app

// The list keeps its scroll per filter (path + query), so "back to list" from an article
// returns to the same place even as a new history entry; other pages per history entry.
function scrollKey(location: Location): string {
  return location.pathname === '/' ? `/${location.search}` : location.key
}

/** Filters travel between the list and the timeline (the same archive view); bookmarks start unfiltered. */
function useArchiveSearch(): string {
  const { pathname, search } = useLocation()
  return archiveSearch(pathname, search)
}

function Header() {
  const search = useArchiveSearch()
  const linkClass = ({ isActive }: { isActive: boolean }) =>
    `rounded-md px-3 py-2 font-medium ${isActive ? 'bg-stone-900 text-white dark:bg-stone-100 dark:text-stone-900' : 'text-stone-700 hover:bg-stone-200 dark:text-stone-300 dark:hover:bg-stone-800'}`
  return (
    <header className="border-b border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3 sm:gap-x-6">
        <NavLink to="/" className="mr-auto text-lg font-bold tracking-wide sm:mr-0">
          {s.title}
        </NavLink>
        <nav aria-label={s.navLabel} className="order-last w-full sm:order-none sm:w-auto sm:flex-1">
          <ul className="flex gap-1">
            <li>
              <NavLink end to={{ pathname: '/', search }} className={linkClass}>
                {s.navList}
              </NavLink>
            </li>
            <li>
              <NavLink to={{ pathname: '/timeline', search }} className={linkClass}>
                {s.navTimeline}
              </NavLink>
            </li>
            <li>
              <NavLink to="/bookmarks" className={linkClass}>
                {s.navBookmarks}
              </NavLink>
            </li>
            <li>
              <NavLink to="/notes" className={linkClass}>
                {strings.notes.navNotes}
              </NavLink>
            </li>
          </ul>
        </nav>
        <div className="flex items-center gap-3 sm:gap-6">
          <LanguageSwitch />
          <ThemeToggle />
        </div>
      </div>
    </header>
  )
}

function Frame({ children }: { children?: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only z-50 rounded-md bg-sky-800 px-4 py-2 text-white focus:not-sr-only focus:fixed focus:left-3 focus:top-3">
        {s.skipLink}
      </a>
      <Header />
      <StorageNoticeBanner />
      <OfflineStatus />
      <ReaderDataNotice />
      {/* min-h-screen: the footer starts below the fold, so content arriving never pushes it (no layout shift). */}
      <main id="main" tabIndex={-1} className="mx-auto min-h-screen w-full max-w-5xl flex-1 px-4 py-6 focus:outline-none">
        {children}
      </main>
      <footer className="border-t border-stone-200 px-4 py-6 text-center text-sm text-stone-600 dark:border-stone-800 dark:text-stone-400">
        {s.footer}
        <ShortcutsButton />
      </footer>
    </div>
  )
}

/** After a link opens another page, move focus to the content so screen readers start there. */
function useFocusMainOnNewPage() {
  const { pathname } = useLocation()
  const type = useNavigationType()
  const previous = useRef(pathname)
  useEffect(() => {
    if (previous.current === pathname) return
    previous.current = pathname
    if (type !== 'POP') document.getElementById('main')?.focus({ preventScroll: true })
  }, [pathname, type])
}

export function Layout() {
  useFocusMainOnNewPage()
  return (
    <Frame>
      <Outlet />
      <ScrollRestoration getKey={scrollKey} />
      <KeyboardShortcuts />
    </Frame>
  )
}

/** What shows while the first page's code loads: the same frame, empty. */
export function AppShell() {
  return <Frame />
}
