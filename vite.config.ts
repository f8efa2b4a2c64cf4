import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'

// The production page may run only its own scripts, and article HTML (sanitized by DOMPurify
// in SafeHtml) may only reach the DOM as TrustedHTML from DOMPurify's policy. Meta CSP cannot
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
  "worker-src 'none'",
  "manifest-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types dompurify',
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

export default defineConfig({
  base: process.env.BASE_PATH ?? '/',
  plugins: [react(), tailwindcss(), contentSecurityPolicy()],
  build: { target: 'es2022', modulePreload: { polyfill: false } },
  preview: { port: 4173 },
})
