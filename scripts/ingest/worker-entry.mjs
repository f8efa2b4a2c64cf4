// Worker bootstrap when the ingest runs from TypeScript sources (tsx, vitest): register tsx, then load the worker.
import { register } from 'tsx/esm/api'

register()
await import('./worker.ts')
