// Worker thread entry: builds articles for the main thread (see worker-pool.ts).
import { parentPort } from 'node:worker_threads'
import { processFile } from './process-file'

interface Job {
  id: number
  path: string
  source: string
  partitions: number
}

parentPort?.on('message', (job: Job) => {
  void processFile(job.path, job.source, job.partitions).then((result) => parentPort!.postMessage({ id: job.id, result }))
})
