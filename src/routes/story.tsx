import { useParams } from 'react-router'
import { ErrorState, NotFound, Skeleton } from '../components/states'
import { useManifest } from '../features/articles/api/get-manifest'
import { useStory } from '../features/articles/api/get-story'
import { StoryView } from '../features/stories/components/story-view'
import { BundleVersionError, NotFoundError } from '../lib/fetch-json'
import { strings } from '../lib/strings'

export function Component() {
  const { id = '' } = useParams()
  const story = useStory(id)
  const manifest = useManifest()
  if (manifest.error instanceof BundleVersionError) return <ErrorState error={manifest.error} onRetry={() => void manifest.refetch()} />
  if (story.isError) {
    if (story.error instanceof NotFoundError) return <NotFound title={strings.stories.notFound} />
    return <ErrorState error={story.error} onRetry={() => void story.refetch()} />
  }
  if (story.isPending || manifest.isPending) {
    return (
      <div className="space-y-6" aria-busy="true">
        <Skeleton className="h-5 w-24" />
        <Skeleton className="h-9 w-full" />
        <Skeleton className="h-10 w-2/3" />
        <Skeleton className="h-64 w-full" />
      </div>
    )
  }
  return <StoryView story={story.data} manifest={manifest.data} />
}
