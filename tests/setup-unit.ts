import '@testing-library/jest-dom/vitest'
import { configure } from '@testing-library/react'

// findBy*/waitFor wait for what the reader would see; 1 s (the default) is too short on a busy runner.
configure({ asyncUtilTimeout: 10_000 })
