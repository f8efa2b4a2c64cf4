import type { TrustedTypePolicyFactory } from 'trusted-types/lib'
import { describe, expect, test } from 'vitest'
import { createWorkerPolicy, WORKER_POLICY, workerPath } from './worker-url'

/** A stand-in for the browser's trustedTypes: returns the policy's rules as given. */
const factory = {
  createPolicy: (name: string, rules: { createScriptURL?: (input: string) => string }) => {
    expect(name).toBe(WORKER_POLICY)
    return { createScriptURL: (input: string) => rules.createScriptURL!(input) }
  },
} as unknown as Pick<TrustedTypePolicyFactory, 'createPolicy'>

describe('the service worker URL and its Trusted Types policy', () => {
  test('the worker lives at the base path, with or without its trailing slash', () => {
    expect(workerPath('/')).toBe('/sw.js')
    expect(workerPath('/reader/')).toBe('/reader/sw.js')
    expect(workerPath('/reader')).toBe('/reader/sw.js')
  })

  test('the policy accepts exactly the worker URL, however it is written', () => {
    const policy = createWorkerPolicy(factory, '/reader/sw.js', 'https://reader.test')
    expect(String(policy.createScriptURL('/reader/sw.js'))).toBe('/reader/sw.js')
    expect(String(policy.createScriptURL('https://reader.test/reader/sw.js'))).toBe('https://reader.test/reader/sw.js')
  })

  test('and refuses any other script', () => {
    const policy = createWorkerPolicy(factory, '/reader/sw.js', 'https://reader.test')
    for (const other of ['/sw.js', '/reader/sw.js?x=1', 'https://evil.test/reader/sw.js', 'data:text/javascript,alert(1)', '/reader/assets/index.js']) {
      expect(() => policy.createScriptURL(other), other).toThrow(/refused script URL/)
    }
  })
})
