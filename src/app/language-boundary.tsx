import { Fragment, useSyncExternalStore, type ReactNode } from 'react'
import { currentLanguage, subscribeLanguage } from '../lib/i18n'

/**
 * Re-renders everything below when the interface language changes: the texts were swapped in
 * `strings` already, and a new key makes every component (and memoised formatter) read them again.
 * Data stays in the query cache and the URL keeps the view, so nothing is fetched again.
 */
export function LanguageBoundary({ children }: { children: ReactNode }) {
  const language = useSyncExternalStore(subscribeLanguage, currentLanguage, currentLanguage)
  return <Fragment key={language}>{children}</Fragment>
}
