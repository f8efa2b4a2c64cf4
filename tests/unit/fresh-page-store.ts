// Test-only: for tests of the module-level bookmark store over the page's localStorage (jsdom).
import { cleanup } from '@testing-library/react'
import { afterEach, beforeEach, vi } from 'vitest'

/** Each test starts with empty storage and a store module not yet loaded (it reads storage once, on first use). */
export function freshPageStoreEachTest() {
  beforeEach(() => {
    localStorage.clear()
    vi.resetModules()
  })
  afterEach(() => {
    cleanup()
    vi.restoreAllMocks()
  })
}
