import { defineConfig } from 'vitest/config'
import { WAIT_MS } from './tests/e2e/limits'

// Browser journeys against the production build (`npm run build` first): the global
// setup serves dist/ with `npm run preview`, each test file drives Debian's chromium.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    environment: 'node',
    // Ceilings, not waits: a test ends as soon as it passes. Several waits fit in one test.
    testTimeout: 4 * WAIT_MS,
    hookTimeout: 6 * WAIT_MS,
    expect: { poll: { timeout: WAIT_MS, interval: 50 } },
    // Two cores: one chromium at a time keeps timings honest.
    fileParallelism: false,
    env: { TZ: 'Asia/Shanghai' },
  },
})
