import { useCallback, useMemo } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { parseFilters, toSearch, type Filters } from '../../lib/filters'

/** The filters of the current URL, and a setter that writes them back (push by default). */
export function useUrlFilters(knownOutletIds: readonly string[]) {
  const { search } = useLocation()
  const navigate = useNavigate()
  const filters = useMemo(() => parseFilters(new URLSearchParams(search), knownOutletIds), [search, knownOutletIds])
  const setFilters = useCallback(
    (next: Filters, options: { replace?: boolean } = {}) => {
      const nextSearch = toSearch(next)
      if (nextSearch === toSearch(filters) && nextSearch === search) return
      const replace = options.replace ?? false
      // A click (outlet, toggle) is flushed, not left to a transition: a controlled checkbox would
      // otherwise snap back unchecked until the router's update lands, which a busy machine shows.
      navigate({ search: nextSearch }, { replace, preventScrollReset: true, flushSync: !replace })
    },
    [filters, navigate, search],
  )
  return [filters, setFilters] as const
}
