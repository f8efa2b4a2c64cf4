import type { Outlet } from '../types/data'

/** An outlet everywhere: its colour as a mark, its name as text (readable in light and dark). */
export function OutletBadge({ outlet, name, className = '' }: { outlet: Pick<Outlet, 'id' | 'color'> | undefined; name: string; className?: string }) {
  return (
    <span className={`inline-flex items-center gap-1.5 ${className}`}>
      {/* Set through the DOM, not a style attribute: the CSP refuses those in the prerendered HTML, and hydration would not add it. */}
      <span aria-hidden="true" className="inline-block size-2.5 shrink-0 rounded-full bg-stone-400" ref={(mark) => void (mark && outlet && (mark.style.backgroundColor = outlet.color))} />
      <span>{name}</span>
    </span>
  )
}
