// The service worker's script URL, and the Trusted Types policy that alone may hand it to
// navigator.serviceWorker.register: under `require-trusted-types-for 'script'` a plain string is
// refused, and this policy turns exactly one URL into a TrustedScriptURL (docs/security.md).
import type { TrustedScriptURL, TrustedTypePolicy, TrustedTypePolicyFactory } from 'trusted-types/lib'

export const WORKER_FILE = 'sw.js'
/** Listed in the CSP's `trusted-types` (vite.config.ts PRODUCTION_CSP). */
export const WORKER_POLICY = 'service-worker'

/** The worker at the site's base ('/reader/' -> '/reader/sw.js'); its scope is the base. */
export function workerPath(base: string = import.meta.env.BASE_URL): string {
  return `${base.replace(/\/?$/, '/')}${WORKER_FILE}`
}

type ScriptUrlPolicy = Pick<TrustedTypePolicy, 'createScriptURL'>

/** A policy whose createScriptURL accepts only the worker's URL (resolved against `origin`) and throws on anything else. */
export function createWorkerPolicy(factory: Pick<TrustedTypePolicyFactory, 'createPolicy'>, expected: string, origin: string): ScriptUrlPolicy {
  const only = new URL(expected, origin).href
  return factory.createPolicy(WORKER_POLICY, {
    createScriptURL: (input: string) => {
      if (new URL(input, origin).href !== only) throw new TypeError(`${WORKER_POLICY}: refused script URL ${input}`)
      return input
    },
  })
}

let policy: ScriptUrlPolicy | null = null

/** The worker URL as the page may register it: a TrustedScriptURL where the browser has Trusted Types. */
export function trustedWorkerUrl(): TrustedScriptURL | string {
  const path = workerPath()
  // Absent where the browser has no Trusted Types (then no CSP asks for them either).
  const factory = (window as { trustedTypes?: TrustedTypePolicyFactory }).trustedTypes
  if (!factory) return path
  policy ??= createWorkerPolicy(factory, path, location.origin)
  return policy.createScriptURL(path)
}
