import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { LanguageBoundary } from './language-boundary'

/** The one query client: the route loaders (createRoutes) must warm the same one. */
export function Providers({ client, children }: { client: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={client}>
      <LanguageBoundary>{children}</LanguageBoundary>
    </QueryClientProvider>
  )
}
