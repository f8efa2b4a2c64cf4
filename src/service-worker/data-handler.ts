// Data files, network first: online the reader always gets the deployed bundle, and what
// arrived is saved; offline the saved copy answers, and a file never saved gets an answer the
// page words as "not saved for offline reading" (fetch-json.ts NOT_SAVED_HEADER), not an error.
import { NOT_SAVED_HEADER, SAVED_COPY_HEADER } from '../lib/fetch-json'
import type { ArticleCache, ArticleKeeper } from './article-keeper'
import { cacheKeyOf, type DataFile } from './data-files'

export const ARTICLE_CACHE = 'archive-reader-articles'
/** Manifest, shards, search buckets, stories: one bundle's files, emptied when a new manifest arrives. */
export const BUNDLE_CACHE = 'archive-reader-bundle'

export type DataCache = ArticleCache & Pick<Cache, 'keys'>

export interface DataHandlerOptions {
  open: (name: string) => Promise<DataCache>
  keeper: ArticleKeeper
  fetch: (request: Request) => Promise<Response>
}

export interface Handled {
  response: Response
  /** What is still being saved after the answer went out (the worker waits for it). */
  work: Promise<unknown>
}

export function notSavedResponse(): Response {
  return new Response(null, { status: 504, statusText: 'Not saved for offline reading', headers: { [NOT_SAVED_HEADER]: '1' } })
}

/** A saved copy marked as answering because the network failed: the page then shows it is offline. */
function markedSavedCopy(saved: Response): Response {
  const headers = new Headers(saved.headers)
  headers.set(SAVED_COPY_HEADER, '1')
  return new Response(saved.body, { status: saved.status, statusText: saved.statusText, headers })
}

/** A file worth saving: a success that is not a host's HTML page for an unknown path. */
function keepable(response: Response): boolean {
  return response.ok && !(response.headers.get('content-type') ?? '').includes('text/html')
}

export function createDataHandler({ open, keeper, fetch }: DataHandlerOptions) {
  /** A manifest unlike the saved one is a new bundle: shards and buckets of the old one would mislead. */
  async function keepManifest(key: string, response: Response): Promise<void> {
    const bundle = await open(BUNDLE_CACHE)
    const saved = await bundle.match(key, { ignoreVary: true })
    if (saved && (await saved.text()) !== (await response.clone().text())) {
      await Promise.all((await bundle.keys()).map((request) => bundle.delete(request)))
    }
    await bundle.put(key, response)
  }

  async function save(file: DataFile, key: string, response: Response): Promise<void> {
    if (file.kind === 'article') return keeper.read(file.id, response)
    if (file.kind === 'manifest') return keepManifest(key, response)
    await (await open(BUNDLE_CACHE)).put(key, response)
  }

  return {
    /** A request of the page: an article it gets counts as read. */
    async handle(request: Request, file: DataFile): Promise<Handled> {
      const key = cacheKeyOf(new URL(request.url))
      let network: Response | null = null
      try {
        network = await fetch(request)
      } catch {
        // offline, or the host cannot be reached: the saved copy answers
      }
      if (network && keepable(network)) {
        // The manifest is saved before the page sees it, so no shard of the new bundle is saved before the old ones are gone.
        if (file.kind === 'manifest') {
          await save(file, key, network.clone())
          return { response: network, work: Promise.resolve() }
        }
        return { response: network, work: save(file, key, network.clone()) }
      }
      // A missing file stays missing; a server error still lets a saved copy answer.
      if (network && network.status < 500) return { response: network, work: Promise.resolve() }
      const saved = await (await open(file.kind === 'article' ? ARTICLE_CACHE : BUNDLE_CACHE)).match(key, { ignoreVary: true })
      if (saved) return { response: network === null ? markedSavedCopy(saved) : saved, work: file.kind === 'article' ? keeper.read(file.id) : Promise.resolve() }
      return { response: network ?? notSavedResponse(), work: Promise.resolve() }
    },

    /** Saves a file the page loaded before the worker controlled it, unless it is saved already. */
    async keep(url: URL, file: DataFile): Promise<void> {
      const key = cacheKeyOf(url)
      const cache = await open(file.kind === 'article' ? ARTICLE_CACHE : BUNDLE_CACHE)
      if (await cache.match(key, { ignoreVary: true })) {
        if (file.kind === 'article') await keeper.read(file.id)
        return
      }
      const response = await fetch(new Request(key)).catch(() => null)
      if (response && keepable(response)) await save(file, key, response)
    },
  }
}
