// The article keeper's records in IndexedDB: when each saved article was read, and the
// bookmarked ids the page last sent. The Cache API cannot hold either beside a response.
import type { ReadIndex, ReadRecord } from './article-keeper'

const DB_NAME = 'archive-reader-offline'
const READS = 'reads'
const SETTINGS = 'settings'
const BOOKMARKS_KEY = 'bookmarks'

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'))
  })
}

function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve()
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'))
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'))
  })
}

function open(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  const request = factory.open(name, 1)
  request.onupgradeneeded = () => {
    request.result.createObjectStore(READS, { keyPath: 'id' })
    request.result.createObjectStore(SETTINGS)
  }
  return done(request)
}

function isRecord(value: unknown): value is ReadRecord {
  return typeof value === 'object' && value !== null && typeof (value as ReadRecord).id === 'string' && typeof (value as ReadRecord).readAt === 'number'
}

export function idbReadIndex(factory: IDBFactory = indexedDB, name = DB_NAME): ReadIndex {
  let db: Promise<IDBDatabase> | null = null
  const database = () => (db ??= open(factory, name))

  async function write(store: string, change: (objects: IDBObjectStore) => void): Promise<void> {
    const transaction = (await database()).transaction(store, 'readwrite')
    change(transaction.objectStore(store))
    await committed(transaction)
  }

  async function read<T>(store: string, query: (objects: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    return done(query((await database()).transaction(store, 'readonly').objectStore(store)))
  }

  return {
    async all() {
      const values: unknown[] = await read(READS, (objects) => objects.getAll())
      return values.filter(isRecord)
    },
    async get(id) {
      const value: unknown = await read(READS, (objects) => objects.get(id))
      return isRecord(value) ? value : undefined
    },
    put: (record) => write(READS, (objects) => void objects.put(record)),
    delete: (ids) => write(READS, (objects) => ids.forEach((id) => objects.delete(id))),
    async bookmarks() {
      const value: unknown = await read(SETTINGS, (objects) => objects.get(BOOKMARKS_KEY))
      return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : null
    },
    setBookmarks: (ids) => write(SETTINGS, (objects) => void objects.put([...ids], BOOKMARKS_KEY)),
  }
}
