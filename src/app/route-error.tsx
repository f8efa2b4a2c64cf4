import { isRouteErrorResponse, useRouteError } from 'react-router'
import { ErrorState, NotFound } from '../components/states'
import { strings } from '../lib/strings'

/** An error inside one page: the header and navigation stay usable. */
export function RouteError() {
  const error = useRouteError()
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />
  return <ErrorState title={strings.app.errorTitle} hint={strings.app.errorHint} onRetry={() => window.location.reload()} />
}

/** The layout itself failed: a bare page that still offers a way out. */
export function RootError() {
  return (
    <main id="main" className="mx-auto max-w-3xl p-6">
      <ErrorState title={strings.app.errorTitle} hint={strings.app.errorHint} onRetry={() => window.location.reload()} />
      <p className="mt-4">
        <a href={import.meta.env.BASE_URL} className="text-sky-800 underline dark:text-sky-300">
          {strings.app.backHome}
        </a>
      </p>
    </main>
  )
}
