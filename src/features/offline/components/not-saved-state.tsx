import { NotSavedOfflineError } from '../../../lib/fetch-json'
import { strings } from '../../../lib/strings'
import { ARTICLE_DIR, SEARCH_DIR, SHARD_DIR } from '../../../types/bundle-paths'

const s = strings.offline

/** What a file that was never saved stands for, in the reader's words; `page`: it is the whole page (an article's). */
export function notSavedText(error: unknown): { title: string; hint: string; page?: boolean } {
  const folder = error instanceof NotSavedOfflineError ? error.path.split('/')[0] : ''
  if (folder === ARTICLE_DIR) return { title: s.articleNotSaved, hint: s.articleNotSavedHint, page: true }
  if (folder === SEARCH_DIR) return { title: s.searchNotSaved, hint: s.searchNotSavedHint }
  if (folder === SHARD_DIR) return { title: s.listNotSaved, hint: s.listNotSavedHint }
  return { title: s.dataNotSaved, hint: s.dataNotSavedHint }
}

/** Offline, and this was never saved: said plainly, not as an error; retry for when the network is back. */
export function NotSavedState({ error, onRetry, retryLabel }: { error: unknown; onRetry?: () => void; retryLabel: string }) {
  const { title, hint, page } = notSavedText(error)
  const Title = page ? 'h1' : 'p'
  return (
    <div role="status" className="rounded-lg border border-dashed border-stone-300 p-6 text-center dark:border-stone-700">
      {page && <title>{`${title} · ${strings.app.title}`}</title>}
      <Title className="text-lg font-semibold">{title}</Title>
      <p className="mt-2 text-stone-600 dark:text-stone-400">{hint}</p>
      {onRetry && (
        <button type="button" onClick={onRetry} className="mt-4 rounded-md bg-stone-800 px-4 py-2 text-sm font-medium text-white hover:bg-stone-900 dark:bg-stone-200 dark:text-stone-900">
          {retryLabel}
        </button>
      )}
    </div>
  )
}
