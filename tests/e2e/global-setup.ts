import { existsSync } from 'node:fs'
import type { TestProject } from 'vitest/node'
import { DIST, startPreview } from './preview-server'

const PORT = Number(process.env.E2E_PORT ?? 4179)

export default async function setup(project: TestProject) {
  if (!existsSync(`${DIST}/index.html`)) throw new Error('the production build is missing: run `npm run build` before the browser tests')
  const server = await startPreview(DIST, PORT)
  project.provide('baseURL', server.url)
  return () => server.close()
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
  }
}
