import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/setup-unit.ts'],
    // Day boundaries are tested against a fixed zone (UTC+8, no DST) unless a test sets its own.
    env: { TZ: 'Asia/Shanghai' },
  },
})
