// A small pool of worker threads for the CPU-heavy part (parse, clean, grams). Hand-written because
// it is ~50 lines with one job type; a pool library would add a dependency for no extra safety.
import { Worker } from 'node:worker_threads'
import type { Processed } from './process-file'

interface Slot {
  worker: Worker
  busy: number
}

export class WorkerPool {
  private slots: Slot[]
  private waiting = new Map<number, { resolve: (result: Processed) => void; reject: (error: unknown) => void; slot: Slot }>()
  private nextId = 0

  constructor(size: number) {
    // From TypeScript sources (tsx, vitest) the worker first registers tsx; a compiled build loads worker.js.
    const url = new URL(import.meta.url.endsWith('.ts') ? './worker-entry.mjs' : './worker.js', import.meta.url)
    this.slots = Array.from({ length: size }, () => {
      const slot: Slot = { worker: new Worker(url), busy: 0 }
      slot.worker.on('message', ({ id, result }: { id: number; result: Processed }) => {
        const job = this.waiting.get(id)
        if (!job) return
        this.waiting.delete(id)
        slot.busy--
        job.resolve(result)
      })
      slot.worker.on('error', (error) => this.failAll(slot, error))
      slot.worker.on('exit', (code) => {
        if (code !== 0) this.failAll(slot, new Error(`ingest worker exited with code ${code}`))
      })
      return slot
    })
  }

  run(path: string, source: string, partitions: number): Promise<Processed> {
    const slot = this.slots.reduce((best, candidate) => (candidate.busy < best.busy ? candidate : best))
    const id = this.nextId++
    slot.busy++
    return new Promise<Processed>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, slot })
      slot.worker.postMessage({ id, path, source, partitions })
    })
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()))
  }

  private failAll(slot: Slot, error: unknown) {
    for (const [id, job] of this.waiting) {
      if (job.slot !== slot) continue
      this.waiting.delete(id)
      job.reject(error)
    }
  }
}
