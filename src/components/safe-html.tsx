// The one door for untrusted HTML: article bodies are sanitized here, right before they
// enter the page, and nothing else in the app uses dangerouslySetInnerHTML.
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react'
import { sanitizeArticleHtml } from '../lib/sanitize'
import { strings } from '../lib/strings'
import './safe-html.css'

export interface SafeHtmlProps {
  html: string
  lang?: string
  className?: string
}

export function SafeHtml({ html, lang, className }: SafeHtmlProps) {
  // Memoized: React compares __html by identity, and a fresh TrustedHTML would rewrite the DOM.
  const clean = useMemo(() => sanitizeArticleHtml(html), [html])
  const ref = useRef<HTMLDivElement>(null)

  // Hydrated over the build's markup (sanitized by the same code in the build's DOM), React keeps it
  // as it came: this browser's own result replaces it wherever the two differ. Once, on the first
  // mount, and before the parents' layout effects convert the script or draw highlights in it.
  const checked = useRef(false)
  useLayoutEffect(() => {
    const root = ref.current
    if (!root || checked.current) return
    checked.current = true
    if (root.innerHTML !== String(clean)) root.innerHTML = clean as string
  }, [clean])

  useEffect(() => {
    const root = ref.current
    if (!root) return
    return watchImages(root)
  }, [clean])

  return (
    <div
      ref={ref}
      lang={lang}
      className={className ? `safe-html ${className}` : 'safe-html'}
      dangerouslySetInnerHTML={{ __html: clean }}
    />
  )
}

/**
 * Replaces images that fail to load (offline, gone, blocked) with a quiet placeholder.
 * Listeners, not inline onerror: the CSP forbids inline handlers. Returns the cleanup.
 */
function watchImages(root: HTMLElement): () => void {
  const images = [...root.querySelectorAll('img')]
  const onError = (event: Event) => markMissing(event.currentTarget as HTMLImageElement)
  for (const image of images) {
    // Already failed before we got here (cached failure, or no usable src left after sanitizing).
    if (image.complete && image.naturalWidth === 0) markMissing(image)
    else image.addEventListener('error', onError)
  }
  return () => {
    for (const image of images) image.removeEventListener('error', onError)
  }
}

function markMissing(image: HTMLImageElement): void {
  if (image.hasAttribute('data-missing')) return
  image.setAttribute('data-missing', '')
  const placeholder = image.ownerDocument.createElement('span')
  placeholder.className = 'safe-html-missing-image'
  placeholder.setAttribute('role', 'img')
  const alt = image.getAttribute('alt')?.trim()
  placeholder.setAttribute('aria-label', alt ? `${strings.security.imageMissing}${strings.language.colon}${alt}` : strings.security.imageMissing)
  placeholder.textContent = alt || strings.security.imageMissing
  image.after(placeholder)
}
