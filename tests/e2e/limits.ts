// The one ceiling for every wait in the browser tests: expect.poll (vitest.e2e.config.ts) and
// Playwright's own waits (browser.ts). Generous for a busy 2-core runner; a passing wait
// returns as soon as its condition holds, so the ceiling costs nothing when all is well.
export const WAIT_MS = 30_000
