import './index.css'

// The build put the first screen in the HTML (scripts/prerender/plugin.ts): it paints before the
// app's code is evaluated, which the HTML preloads meanwhile. A hidden tab paints nothing to wait for.
if (document.visibilityState === 'visible') await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
await import('./app/start')
