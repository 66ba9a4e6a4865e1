// The entry of a worker thread that writes one OSV partition (`runInThread` in
// `../../work-thread.ts`): `workerData` is a PartitionJob, the answer what its writer returns.
import { parentPort, workerData } from 'node:worker_threads'

import { writePartition, type PartitionJob } from './partition-job.js'

parentPort?.postMessage(await writePartition(workerData as PartitionJob))
