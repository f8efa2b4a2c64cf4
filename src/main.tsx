import './index.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { RouterProvider } from 'react-router/dom'
import { Providers } from './app/providers'
import { queryClient } from './app/query-client'
import { createRouter } from './app/router'
import { applyStoredTheme } from './lib/theme'
import { applyStoredLanguage } from './lib/i18n'
import { applyStoredReadingSettings } from './features/reading/settings'

applyStoredTheme()
applyStoredLanguage()
applyStoredReadingSettings()
// Offline support, production only, off the first screen's critical path.
if (import.meta.env.PROD) void import('./features/offline/service-worker').then((worker) => worker.startServiceWorker())

const router = createRouter(queryClient)

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Providers client={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
)
