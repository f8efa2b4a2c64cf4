// Worker thread entry: builds articles and merges search partitions for the main thread (see worker-pool.ts).
import { parentPort } from 'node:worker_threads'
import { processFile } from './process-file'
import { mergePartition, type MergeJob } from './search-postings'

export type WorkerJob =
  | { id: number; type: 'build'; path: string; source: string; partitions: number }
  | { id: number; type: 'merge'; job: MergeJob }

parentPort?.on('message', (message: WorkerJob) => {
  const task = message.type === 'build' ? processFile(message.path, message.source, message.partitions) : mergePartition(message.job)
  void task.then(
    (result) => parentPort!.postMessage({ id: message.id, result }),
    (error: unknown) => parentPort!.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
  )
})
