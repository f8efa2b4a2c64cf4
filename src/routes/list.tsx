import { ErrorState } from '../components/states'
import { useManifest } from '../features/articles/api/get-manifest'
import { ArticleCardSkeleton } from '../features/articles/components/article-card'
import { ArticleListView } from '../features/articles/components/article-list-view'
import { strings } from '../lib/strings'

export function Component() {
  const manifest = useManifest()
  return (
    <>
      <title>{strings.app.title}</title>
      {manifest.isError ? (
        <ErrorState error={manifest.error} onRetry={() => void manifest.refetch()} />
      ) : manifest.isPending ? (
        <div className="space-y-4" aria-busy="true">
          <div aria-hidden="true" className="h-[19rem] animate-pulse rounded-lg bg-stone-200 dark:bg-stone-800" />
          <ArticleCardSkeleton />
          <ArticleCardSkeleton />
        </div>
      ) : (
        <ArticleListView manifest={manifest.data} />
      )}
    </>
  )
}
