import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/setup-unit.ts'],
    // Ceilings for a busy 2-core runner, not waits: vitest's 5 s and expect.poll's 1 s failed
    // there. Testing Library's waits take the same ceiling in tests/setup-unit.ts.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    expect: { poll: { timeout: 10_000 } },
    // Day boundaries are tested against a fixed zone (UTC+8, no DST) unless a test sets its own.
    env: { TZ: 'Asia/Shanghai' },
  },
})
