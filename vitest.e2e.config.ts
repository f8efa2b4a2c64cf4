import { defineConfig } from 'vitest/config'

// Browser journeys against the production build (`npm run build` first): the global
// setup serves dist/ with `npm run preview`, each test file drives Debian's chromium.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: one chromium at a time keeps timings honest.
    fileParallelism: false,
    env: { TZ: 'Asia/Shanghai' },
  },
})
