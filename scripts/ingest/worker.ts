// Worker thread entry: builds articles into the staging bundle and merges search partitions (see worker-pool.ts).
import { parentPort, threadId } from 'node:worker_threads'
import { ArticleSink, type SinkOptions } from './process-file'
import { mergePartition, mergePartitionOnto, StaleBucketError, type BaseBuckets, type MergeJob } from './search-postings'

export interface BuildJob {
  path: string
  source: string
  seq: number
}

export type WorkerJob =
  | { id: number; type: 'start'; sink: Omit<SinkOptions, 'writer'> }
  | { id: number; type: 'build'; files: readonly BuildJob[] }
  | { id: number; type: 'flush' }
  | { id: number; type: 'merge'; job: MergeJob }
  | { id: number; type: 'merge-onto'; job: MergeJob; base: BaseBuckets }

/** A splice's answer: the postings added, or why the previous bucket cannot be its base (StaleBucketError). */
export type SpliceResult = { added: number } | { stale: string }

let sink: ArticleSink | undefined

async function handle(message: WorkerJob): Promise<unknown> {
  switch (message.type) {
    case 'start':
      sink = new ArticleSink({ ...message.sink, writer: `w${threadId}` })
      return `w${threadId}`
    case 'build':
      return message.files.map((file) => sink!.build(file.path, file.source, file.seq))
    case 'flush':
      sink?.flush()
      return null
    case 'merge':
      return mergePartition(message.job)
    case 'merge-onto':
      return mergePartitionOnto(message.job, message.base).then(
        (added): SpliceResult => ({ added }),
        (error: unknown): SpliceResult => {
          if (error instanceof StaleBucketError) return { stale: error.message }
          throw error
        },
      )
  }
}

parentPort?.on('message', (message: WorkerJob) => {
  handle(message).then(
    (result) => parentPort!.postMessage({ id: message.id, result }),
    (error: unknown) => parentPort!.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
  )
})
