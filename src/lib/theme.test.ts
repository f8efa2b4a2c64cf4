// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'

afterEach(() => {
  localStorage.clear()
  document.documentElement.className = ''
  vi.resetModules()
})

describe('theme', () => {
  it('does nothing on import; applyStoredTheme puts the stored choice on <html>', async () => {
    localStorage.setItem('archive-reader:theme', 'dark')
    const theme = await import('./theme')
    expect(document.documentElement.classList.contains('dark')).toBe(false)
    theme.applyStoredTheme()
    expect(document.documentElement.classList.contains('dark')).toBe(true)
  })

  it('follows the system when nothing is stored (light where matchMedia is missing)', async () => {
    const theme = await import('./theme')
    theme.applyStoredTheme()
    expect(document.documentElement.classList.contains('light')).toBe(true)
  })
})
