import { QueryClient } from '@tanstack/react-query'
import { NotFoundError } from '../lib/fetch-json'

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A missing file stays missing; a network failure gets one more try, then the reader decides.
      retry: (failures, error) => !(error instanceof NotFoundError) && failures < 1,
      refetchOnWindowFocus: false,
    },
  },
})
