import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { VitePWA } from 'vite-plugin-pwa'
import { prerenderFirstScreen } from './scripts/prerender/plugin'
import { WORKER_FILE, WORKER_POLICY } from './src/features/offline/worker-url'

// The production page may run only its own scripts, and article HTML (sanitized by DOMPurify
// in SafeHtml) may only reach the DOM as TrustedHTML from DOMPurify's policy; the one other
// policy turns exactly the service worker's URL into a TrustedScriptURL (worker-url.ts). Meta CSP cannot
// carry frame-ancestors; a host that sets headers should add it (docs/security.md).
export const PRODUCTION_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: data:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "require-trusted-types-for 'script'",
  `trusted-types dompurify ${WORKER_POLICY}`,
].join('; ')

// The dev server injects an inline React Refresh preamble and <style> tags, talks to its HMR
// websocket and draws its error overlay through innerHTML: looser there, never in a build.
export const DEV_CSP = PRODUCTION_CSP.split('; ')
  .filter((directive) => !directive.startsWith('require-trusted-types-for') && !directive.startsWith('trusted-types'))
  .map((directive) => {
    if (directive.startsWith('script-src') || directive.startsWith('style-src')) return `${directive} 'unsafe-inline'`
    if (directive.startsWith('connect-src')) return `${directive} ws: wss:`
    return directive
  })
  .join('; ')

function contentSecurityPolicy(): Plugin {
  return {
    name: 'archive-reader:csp',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, context) => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: context.server ? DEV_CSP : PRODUCTION_CSP },
          injectTo: 'head-prepend',
        },
      ],
    },
  }
}

/** Light and dark header colours (layout.tsx: white, stone-900), for the browser's bar and the installed app. */
export const THEME_COLORS = { light: '#ffffff', dark: '#1c1917' } as const

function themeColors(): Plugin {
  return {
    name: 'archive-reader:theme-color',
    transformIndexHtml: () =>
      Object.entries(THEME_COLORS).map(([scheme, color]) => ({
        tag: 'meta',
        attrs: { name: 'theme-color', media: `(prefers-color-scheme: ${scheme})`, content: color },
        injectTo: 'head' as const,
      })),
  }
}

// The service worker (src/service-worker/sw.ts) with the build's file list, and the web app
// manifest; the page registers the worker itself (src/features/offline/service-worker.ts).
function offlineSupport() {
  return VitePWA({
    strategies: 'injectManifest',
    srcDir: 'src/service-worker',
    filename: WORKER_FILE.replace(/\.js$/, '.ts'),
    injectRegister: false,
    injectManifest: {
      rollupFormat: 'iife',
      // The shell only (the plugin adds the web manifest and its icons): data files are kept at run time, network first (data-handler.ts).
      globPatterns: ['**/*.{js,css,html}'],
      // The cn→tw phrase tables (≈ 470 KB gzip) load only for 繁: kept at run time when first used (sw.ts), not installed with the shell.
      // An article's or story's own page (scripts/prerender/plugin.ts) is for a first visit from a link; the worker answers every visit after with the app.
      globIgnores: ['data/**', 'assets/cn2t-*.js', 'articles/**', 'stories/**'],
    },
    manifest: {
      name: '新闻存档阅读器',
      short_name: '存档阅读器',
      description: '中文新闻存档阅读器：按媒体、日期和关键词浏览存档文章，离线也能读已打开和收藏的文章。',
      lang: 'zh-Hans',
      display: 'standalone',
      theme_color: THEME_COLORS.light,
      background_color: '#fafaf9',
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
    },
  })
}

export default defineConfig({
  base: process.env.BASE_PATH ?? '/',
  plugins: [react(), tailwindcss(), contentSecurityPolicy(), themeColors(), prerenderFirstScreen(), offlineSupport()],
  build: {
    target: 'es2022',
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Few files for the first screen: every small shared chunk was one more request and one more
          // preload for the early script. The search index's own code is a chunk without React
          // (early-search.ts loads buckets with it before the app's code has arrived).
          groups: [
            // Vite's preload helper stays a file of its own, as the entry's one import beside the runtime.
            { name: 'preload-helper', test: /vite\/preload-helper/, priority: 40 },
            { name: 'search', test: /[\\/]src[\\/](lib[\\/](fetch-json|filters|dates|locale|search-grams|search-query)|features[\\/]articles[\\/](search-numbers|early-search|filter-entries|api[\\/]validate)|types[\\/]\w+)\.ts$/, priority: 30 },
            { name: 'vendor', test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/, priority: 20 },
            { name: 'shared', test: /[\\/]src[\\/]/, minShareCount: 2, priority: 10 },
          ],
        },
      },
    },
  },
  preview: { port: 4173 },
})
