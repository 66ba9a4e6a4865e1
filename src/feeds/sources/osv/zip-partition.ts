import type { Advisory } from '../../../core/index.js'
import { osvRecordToAdvisory } from '../../../formats/advisories/osv-record.js'
import { replaceRecords, type MergeCounts } from '../../store/merge-records.js'
import type { UnitWarning } from '../../sync/sync-unit.js'
import { describeIssues, WarningList } from '../unit-helpers.js'
import { ArchiveError, readZipJsonEntries, type ZipJsonEntry, type ZipLimits } from './osv-zip.js'

/** Everything needed to turn one `all.zip` into a partition; plain data, so a thread can take it. */
export interface ZipPartitionJob {
  readonly zipFile: string
  /** Where the archive came from, for messages. */
  readonly url: string
  readonly limits: ZipLimits
  readonly previousRecords?: string
  readonly targetRecords: string
}

export type ZipPartitionOutcome =
  | {
      readonly kind: 'written'
      readonly counts: MergeCounts
      /** Skipped records and duplicate ids, at most a few of each kind and a count of the rest. */
      readonly warnings: readonly UnitWarning[]
    }
  | { readonly kind: 'refused'; readonly code: string; readonly message: string }

/**
 * Reads every record of an OSV `all.zip`, converts it and writes the partition's records and
 * matching index (`replaceRecords`). A damaged archive is refused as a whole; a record that
 * cannot be read or converted is skipped with a warning.
 */
export const writePartitionFromZip = async (job: ZipPartitionJob): Promise<ZipPartitionOutcome> => {
  const warnings = new WarningList()
  try {
    const counts = await replaceRecords(
      job.previousRecords,
      advisoriesOf(readZipJsonEntries(job.zipFile, job.limits), job.url, warnings),
      job.targetRecords,
    )
    for (const id of counts.duplicates) {
      warnings.add({ code: 'osv/duplicate-record', message: `${id} appears twice`, subject: id })
    }
    return { kind: 'written', counts, warnings: warnings.list() }
  } catch (error) {
    if (!(error instanceof ArchiveError)) throw error
    return { kind: 'refused', code: `osv/${error.code}`, message: `${job.url}: ${error.message}` }
  }
}

async function* advisoriesOf(
  entries: AsyncIterable<ZipJsonEntry>,
  url: string,
  warnings: WarningList,
): AsyncGenerator<Advisory> {
  for await (const entry of entries) {
    const subject = `${url}#${entry.name}`
    if ('problem' in entry) {
      warnings.add({
        code: 'osv/unreadable-record',
        message: `${subject}: ${entry.problem}`,
        subject,
      })
      continue
    }
    const converted = osvRecordToAdvisory(entry.json, subject)
    if (converted.ok) yield converted.value
    else {
      warnings.add({
        code: 'osv/invalid-record',
        message: `${subject}: ${describeIssues(converted.error)}`,
        subject,
      })
    }
  }
}
