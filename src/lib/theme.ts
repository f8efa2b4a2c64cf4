// Light, dark or the system's choice; stored per browser. Applied as a class on <html> before the
// first paint by the build's early script (scripts/prerender/plugin.ts: the CSP allows no inline
// script), and by applyStoredTheme(), which app/start.tsx calls before the first render.
export type ThemeChoice = 'system' | 'light' | 'dark'

export const THEME_KEY = 'archive-reader:theme'

function darkQuery(): MediaQueryList | null {
  return typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null
}

export function storedTheme(): ThemeChoice {
  try {
    const value = localStorage.getItem(THEME_KEY)
    return value === 'light' || value === 'dark' ? value : 'system'
  } catch {
    return 'system'
  }
}

export function resolvedTheme(choice: ThemeChoice): 'light' | 'dark' {
  if (choice !== 'system') return choice
  return darkQuery()?.matches ? 'dark' : 'light'
}

export function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement
  const theme = resolvedTheme(choice)
  root.classList.toggle('dark', theme === 'dark')
  root.classList.toggle('light', theme === 'light')
}

export function saveTheme(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(THEME_KEY)
    else localStorage.setItem(THEME_KEY, choice)
  } catch {
    // Storage blocked: the choice lasts for this page only.
  }
  applyTheme(choice)
}

/** Calls back when the system scheme changes; returns the unsubscribe. */
export function onSystemThemeChange(callback: () => void): () => void {
  const media = darkQuery()
  media?.addEventListener('change', callback)
  return () => media?.removeEventListener('change', callback)
}

/** The reader's stored choice, applied to <html>: call once before the first render. */
export function applyStoredTheme(): void {
  applyTheme(storedTheme())
}
