// Test-only: the part of the Cache API the service worker uses, over a Map keyed by URL.
export class MemoryCache {
  readonly entries = new Map<string, Response>()

  private key(request: RequestInfo | URL): string {
    return typeof request === 'string' ? new URL(request).href : request instanceof URL ? request.href : request.url
  }

  async match(request: RequestInfo | URL): Promise<Response | undefined> {
    return this.entries.get(this.key(request))?.clone()
  }

  async put(request: RequestInfo | URL, response: Response): Promise<void> {
    this.entries.set(this.key(request), response)
  }

  async delete(request: RequestInfo | URL): Promise<boolean> {
    return this.entries.delete(this.key(request))
  }

  async keys(): Promise<Request[]> {
    return [...this.entries.keys()].map((url) => new Request(url))
  }
}
