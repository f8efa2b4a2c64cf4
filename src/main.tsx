import './index.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { RouterProvider } from 'react-router/dom'
import { Providers } from './app/providers'
import { queryClient } from './app/query-client'
import { createRouter } from './app/router'
import { startServiceWorker } from './features/offline/service-worker'
import { applyStoredTheme } from './lib/theme'

applyStoredTheme()
startServiceWorker()

const router = createRouter(queryClient)

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Providers client={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
)
