import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'

// The production page may run only its own scripts. Meta CSP cannot carry frame-ancestors;
// a host that sets headers should add it (README, Deploying).
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

function contentSecurityPolicy(): Plugin {
  return {
    name: 'archive-reader:csp',
    apply: 'build', // the dev server injects inline scripts for HMR, so it goes without
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: PRODUCTION_CSP }, injectTo: 'head-prepend' },
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
