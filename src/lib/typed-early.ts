// What a reader typed into the build's search box (scripts/prerender/plugin.ts) before the app was
// live: the app's box starts from it instead of taking those keys back (src/components/filter-bar.tsx).

interface TypedEarly {
  text: string
  /** The box had the focus: the app's box takes it (a fresh render replaces the node). */
  focused: boolean
}

let typed: TypedEarly | null = null

/** Before the app's first render (src/app/start.tsx): what the markup's search box holds. */
export function keepTypedEarly(container: Element): void {
  const input = container.querySelector<HTMLInputElement>('form[role="search"] input[type="search"]')
  const focused = input !== null && input.ownerDocument.activeElement === input
  typed = input && (input.value.trim() !== '' || focused) ? { text: input.value, focused } : null
}

/** Read by the search box as it first renders; cleared after the app's first render (FirstRenderMarks), so a later box starts from the URL. */
export function typedEarly(): TypedEarly | null {
  return typed
}

export function clearTypedEarly(): void {
  typed = null
}
