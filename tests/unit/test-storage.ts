// Test-only: a Storage for unit tests that can be switched into the failures real browsers produce.
export interface TestStorage extends Storage {
  failReads: boolean
  failWrites: 'quota' | 'security' | null
  entries(): Record<string, string>
}

export function createTestStorage(initial: Record<string, string> = {}): TestStorage {
  const data = new Map(Object.entries(initial))
  const storage = {
    failReads: false,
    failWrites: null as TestStorage['failWrites'],
    get length() {
      return data.size
    },
    key: (index: number) => [...data.keys()][index] ?? null,
    getItem(key: string) {
      if (storage.failReads) throw new DOMException('The operation is insecure.', 'SecurityError')
      return data.get(key) ?? null
    },
    setItem(key: string, value: string) {
      if (storage.failWrites === 'quota') throw new DOMException(`Setting the value of '${key}' exceeded the quota.`, 'QuotaExceededError')
      if (storage.failWrites === 'security') throw new DOMException('The operation is insecure.', 'SecurityError')
      data.set(key, String(value))
    },
    removeItem: (key: string) => void data.delete(key),
    clear: () => data.clear(),
    entries: () => Object.fromEntries(data),
  }
  return storage
}
