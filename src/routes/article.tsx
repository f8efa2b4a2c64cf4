import { useLocation, useParams } from 'react-router'
import { ErrorState, NotFound, Skeleton } from '../components/states'
import { useArticle } from '../features/articles/api/get-article'
import { useManifest } from '../features/articles/api/get-manifest'
import { ArticleView } from '../features/articles/components/article-view'
import { manifestInfo } from '../features/articles/manifest-info'
import { BundleVersionError, NotFoundError } from '../lib/fetch-json'
import { parseFilters } from '../lib/filters'
import { strings } from '../lib/strings'
import { useMarkRead } from '../features/read-state/use-mark-read'

export function Component() {
  const { id = '' } = useParams()
  const { search } = useLocation()
  const article = useArticle(id)
  const manifest = useManifest()
  const filters = parseFilters(new URLSearchParams(search), manifest.data ? manifestInfo(manifest.data).ids : [])
  useMarkRead(article.data?.id)

  // An article file of another schema may not read right either: say so instead of showing it.
  if (manifest.error instanceof BundleVersionError) return <ErrorState error={manifest.error} onRetry={() => void manifest.refetch()} />
  if (article.isError) {
    if (article.error instanceof NotFoundError) return <NotFound title={strings.app.notFoundArticle} />
    return <ErrorState error={article.error} onRetry={() => void article.refetch()} />
  }
  if (article.isPending || manifest.isPending) {
    return (
      <div className="mx-auto max-w-[44rem] space-y-4" aria-busy="true">
        <Skeleton className="h-5 w-24" />
        <Skeleton className="h-9 w-full" />
        <Skeleton className="h-5 w-2/3" />
        <Skeleton className="h-9 w-40" />
        <Skeleton className="mt-6 h-96 w-full" />
      </div>
    )
  }
  return <ArticleView article={article.data} manifest={manifest.data} filters={filters} />
}
