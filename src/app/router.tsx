import type { QueryClient } from '@tanstack/react-query'
import { createBrowserRouter, type LoaderFunctionArgs, type RouteObject } from 'react-router'
import { articleQueryOptions } from '../features/articles/api/get-article'
import { manifestQueryOptions } from '../features/articles/api/get-manifest'
import { storyQueryOptions } from '../features/articles/api/get-story'
import { prefetchChosenConverter } from '../features/reading-script/converter'
import { NotFound } from '../components/states'
import { AppShell, Layout } from './layout'
import { RootError, RouteError } from './route-error'

/**
 * The one route table, over the client the pages read: loaders start the fetches in parallel
 * with the lazy page chunk and never block or throw; the page reads the same query options
 * and shows loading, error (with retry) or data.
 */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  const warmManifest = () => {
    void queryClient.prefetchQuery(manifestQueryOptions())
    return null
  }
  // A search in the URL: its index buckets, before the page renders (their code only with a query).
  const warmSearch = ({ request }: LoaderFunctionArgs) => {
    warmManifest()
    if (new URL(request.url).searchParams.has('q')) void import('../features/articles/prefetch-search').then(({ prefetchSearch }) => prefetchSearch(queryClient, request.url))
    return null
  }
  return [
    {
      element: <Layout />,
      errorElement: <RootError />,
      HydrateFallback: AppShell,
      children: [
        {
          errorElement: <RouteError />,
          children: [
            { index: true, loader: warmSearch, lazy: () => import('../routes/list') },
            {
              path: 'articles/:id',
              loader: ({ params }) => {
                warmManifest()
                if (params.id) void queryClient.prefetchQuery(articleQueryOptions(params.id))
                prefetchChosenConverter(queryClient)
                return null
              },
              lazy: () => import('../routes/article'),
            },
            {
              path: 'stories/:id',
              loader: ({ params }) => {
                warmManifest()
                if (params.id) void queryClient.prefetchQuery(storyQueryOptions(params.id))
                return null
              },
              lazy: () => import('../routes/story'),
            },
            { path: 'timeline', loader: warmSearch, lazy: () => import('../routes/timeline') },
            { path: 'bookmarks', loader: warmManifest, lazy: () => import('../routes/bookmarks') },
            { path: 'notes', loader: warmManifest, lazy: () => import('../routes/notes') },
            { path: '*', element: <NotFound /> },
          ],
        },
      ],
    },
  ]
}

export function createRouter(queryClient: QueryClient) {
  return createBrowserRouter(createRoutes(queryClient), { basename: import.meta.env.BASE_URL.replace(/\/$/, '') || '/' })
}
