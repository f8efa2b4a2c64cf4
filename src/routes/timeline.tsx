import { ErrorState, Skeleton } from '../components/states'
import { useManifest } from '../features/articles/api/get-manifest'
import { TimelineView } from '../features/timeline/components/timeline-view'
import { strings } from '../lib/strings'

export function Component() {
  const manifest = useManifest()
  return (
    <>
      <title>{`${strings.timeline.heading} · ${strings.app.title}`}</title>
      {manifest.isError ? (
        <ErrorState error={manifest.error} onRetry={() => void manifest.refetch()} />
      ) : manifest.isPending ? (
        <div className="space-y-6" aria-busy="true">
          <Skeleton className="h-8 w-32" />
          <Skeleton className="h-56 w-full" />
          <Skeleton className="h-72 w-full" />
        </div>
      ) : (
        <TimelineView manifest={manifest.data} />
      )}
    </>
  )
}
