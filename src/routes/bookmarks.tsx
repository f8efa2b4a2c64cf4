import { ErrorState } from '../components/states'
import { useManifest } from '../features/articles/api/get-manifest'
import { BookmarksView } from '../features/bookmarks/components/bookmarks-view'
import { strings } from '../lib/strings'

// Bookmarks live in the browser: they show even when the archive cannot be reached.
export function Component() {
  const manifest = useManifest()
  return (
    <>
      <title>{`${strings.bookmarkUi.heading} · ${strings.app.title}`}</title>
      {manifest.isError && <div className="mb-6"><ErrorState error={manifest.error} onRetry={() => void manifest.refetch()} /></div>}
      <BookmarksView manifest={manifest.data} />
    </>
  )
}
