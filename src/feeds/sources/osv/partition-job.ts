import type { Advisory } from '../../../core/index.js'
import { upsertRecords, type MergeCounts } from '../../store/merge-records.js'
import {
  writePartitionFromZip,
  type ZipPartitionJob,
  type ZipPartitionOutcome,
} from './zip-partition.js'

/** Changed records fetched one by one, applied to the stored partition (an incremental sync). */
export interface UpsertPartitionJob {
  readonly previousRecords?: string
  readonly incoming: ReadonlyMap<string, Advisory>
  readonly targetRecords: string
}

/** The work of writing a partition, as plain data so that a worker thread can take it. */
export type PartitionJob =
  ({ readonly kind: 'zip' } & ZipPartitionJob) | ({ readonly kind: 'upsert' } & UpsertPartitionJob)

export function writePartition(job: PartitionJob & { kind: 'zip' }): Promise<ZipPartitionOutcome>
export function writePartition(job: PartitionJob & { kind: 'upsert' }): Promise<MergeCounts>
export function writePartition(job: PartitionJob): Promise<ZipPartitionOutcome | MergeCounts>
export function writePartition(job: PartitionJob): Promise<ZipPartitionOutcome | MergeCounts> {
  if (job.kind === 'zip') return writePartitionFromZip(job)
  return upsertRecords(job.previousRecords, job.incoming, job.targetRecords)
}
