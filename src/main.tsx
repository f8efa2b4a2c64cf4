import './index.css'

// A search in the address starts loading what its first results read now, beside the app's code (early-search.ts).
if (new URLSearchParams(location.search).has('q')) void import('./features/articles/early-search').then((early) => early.preloadSearch(location))

// The build put the first screen in the HTML (scripts/prerender/plugin.ts): it paints before the
// app's code is evaluated (which the HTML preloads meanwhile), since on a busy machine that work
// also holds back the paint's raster. A hidden tab or an empty root paints nothing to wait for.
await firstContentfulPaint()
// The app's code is evaluated in two tasks, React's renderer first, with a turn for the browser (input,
// paint) between them: evaluated as one module graph it is one long task. (A dynamic import keeps all
// of a module's exports: react-dom/client has two, the router far more, so only the renderer goes first.)
await import('react-dom/client')
await nextTask()
await import('./app/start')

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

function firstContentfulPaint(): Promise<void> {
  // Nothing to paint (the dev server, a build without the prerender): no paint would ever come.
  if (document.visibilityState !== 'visible' || !document.getElementById('root')?.hasChildNodes()) return Promise.resolve()
  // The markup is not this view (another path, a query: the early script marked it and the page shows
  // only the shell): what the reader waits for is the app's render, so it starts at once. (The name is
  // MISMATCH_ATTRIBUTE of app/first-screen.ts, not imported: this entry stays 1 KB.)
  if (document.documentElement.hasAttribute('data-first-screen')) return Promise.resolve()
  if (!PerformanceObserver.supportedEntryTypes?.includes('paint')) return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
  return new Promise((resolve) => {
    const observer = new PerformanceObserver((list) => {
      if (!list.getEntriesByName('first-contentful-paint').length) return
      observer.disconnect()
      resolve()
    })
    observer.observe({ type: 'paint', buffered: true })
  })
}
