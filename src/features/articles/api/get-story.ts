import { queryOptions, useQuery } from '@tanstack/react-query'
import { fetchJson, NotFoundError } from '../../../lib/fetch-json'
import { storyPath, type Story } from '../../../types/data'
import { isStoryId, validStory } from './validate'

/** An id from the address bar that is not of the ingest's form is not found, without a request. */
export async function getStory(id: string, signal?: AbortSignal): Promise<Story> {
  if (!isStoryId(id)) throw new NotFoundError(storyPath(id))
  return fetchJson(storyPath(id), (value) => validStory(value, id), signal)
}

export function storyQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['stories', 'detail', id],
    queryFn: ({ signal }) => getStory(id, signal),
    staleTime: 5 * 60_000,
  })
}

export function useStory(id: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...storyQueryOptions(id), enabled })
}
