// A small pool of worker threads for the CPU-heavy parts: building articles (parse, clean, grams, spill)
// and merging search partitions. Hand-written because it is ~80 lines over five message types (start,
// build, flush, merge, merge onto the last run's buckets); a pool library would add a dependency for no extra safety.
import { Worker } from 'node:worker_threads'
import type { Built, SinkOptions } from './process-file'
import { StaleBucketError, type BaseBuckets, type MergeJob } from './search-postings'
import type { BuildJob, SpliceResult, WorkerJob } from './worker'

interface Slot {
  worker: Worker
  busy: number
}

export class WorkerPool {
  private slots: Slot[]
  private waiting = new Map<number, { resolve: (result: never) => void; reject: (error: unknown) => void; slot: Slot }>()
  private nextId = 0

  constructor(size: number) {
    // The ingest runs from TypeScript sources (tsx, vitest): the worker first registers tsx, then loads worker.ts.
    const url = new URL('./worker-entry.mjs', import.meta.url)
    this.slots = Array.from({ length: size }, () => {
      const slot: Slot = { worker: new Worker(url), busy: 0 }
      slot.worker.on('message', ({ id, result, error }: { id: number; result: never; error?: string }) => {
        const job = this.waiting.get(id)
        if (!job) return
        this.waiting.delete(id)
        slot.busy--
        if (error === undefined) job.resolve(result)
        else job.reject(new Error(error))
      })
      slot.worker.on('error', (error) => this.failAll(slot, error))
      // Any exit fails the jobs still waiting: a worker stopped while it was starting exits with code 0.
      slot.worker.on('exit', (code) => this.failAll(slot, new Error(`ingest worker exited with code ${code}`)))
      return slot
    })
  }

  get size(): number {
    return this.slots.length
  }

  /** Points every worker at the staging bundle; resolves to their spill writer names. */
  start(sink: Omit<SinkOptions, 'writer'>): Promise<string[]> {
    return Promise.all(this.slots.map((slot) => this.sendTo<string>(slot, { id: this.nextId++, type: 'start', sink })))
  }

  run(files: readonly BuildJob[]): Promise<Built[]> {
    return this.send<Built[]>({ id: this.nextId++, type: 'build', files })
  }

  /** Writes out every worker's buffered grams. */
  async flush(): Promise<void> {
    await Promise.all(this.slots.map((slot) => this.sendTo<null>(slot, { id: this.nextId++, type: 'flush' })))
  }

  merge(job: MergeJob): Promise<number> {
    return this.send<number>({ id: this.nextId++, type: 'merge', job })
  }

  /** mergePartitionOnto in a worker: rejects with a StaleBucketError as it would. */
  async mergeOnto(job: MergeJob, base: BaseBuckets): Promise<number> {
    const result = await this.send<SpliceResult>({ id: this.nextId++, type: 'merge-onto', job, base })
    if ('stale' in result) throw new StaleBucketError(result.stale)
    return result.added
  }

  private send<T>(message: WorkerJob): Promise<T> {
    const slot = this.slots.reduce((best, candidate) => (candidate.busy < best.busy ? candidate : best))
    return this.sendTo<T>(slot, message)
  }

  private sendTo<T>(slot: Slot, message: WorkerJob): Promise<T> {
    slot.busy++
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(message.id, { resolve: resolve as (result: never) => void, reject, slot })
      slot.worker.postMessage(message)
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
