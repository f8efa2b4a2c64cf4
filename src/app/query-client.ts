import { notifyManager, QueryClient } from '@tanstack/react-query'
import { NotFoundError, NotSavedOfflineError } from '../lib/fetch-json'

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A missing file stays missing, and so does one not saved for offline reading; a network failure gets one more try, then the reader decides.
      retry: (failures, error) => !(error instanceof NotFoundError) && !(error instanceof NotSavedOfflineError) && failures < 1,
      // Fetch even when the browser says it is offline: the service worker answers from what it saved.
      networkMode: 'always',
      refetchOnWindowFocus: false,
    },
  },
})

// Results arrive in bursts (a page's shards, its 30 search texts): each would be its own render of the
// list. Delivered once per frame, a burst is one render; a hidden page has no frames, so it gets a turn.
notifyManager.setScheduler((callback) => (document.visibilityState === 'visible' ? requestAnimationFrame(callback) : setTimeout(callback, 0)))
