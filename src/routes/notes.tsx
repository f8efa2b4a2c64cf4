import { ErrorState } from '../components/states'
import { useManifest } from '../features/articles/api/get-manifest'
import { NotesView } from '../features/notes/components/notes-view'
import { strings } from '../lib/strings'

// Highlights and notes live in the browser: they show even when the archive cannot be reached.
export function Component() {
  const manifest = useManifest()
  return (
    <>
      <title>{`${strings.notes.heading} · ${strings.app.title}`}</title>
      {manifest.isError && <div className="mb-6"><ErrorState error={manifest.error} onRetry={() => void manifest.refetch()} /></div>}
      <NotesView manifest={manifest.data} />
    </>
  )
}
