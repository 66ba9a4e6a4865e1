import path from 'node:path'

/**
 * The data directory:
 *
 *     current                       name of the generation readers use (one line)
 *     generations/<name>/<source>/<partition>/   records.ndjson + match-index.bin | kev.json |
 *                                   epss.json, state.json
 *     work/                         the generation being written, and downloads (same disk)
 *     status.json                   last attempt of every partition, with its errors
 *     sync.lock                     held by the running sync
 *
 * A sync builds a whole new generation in `work/`, flushes it, moves it under `generations/`
 * and then replaces `current` in one rename: a failed or killed sync never changes what
 * readers see.
 */
export const LAYOUT = {
  current: 'current',
  generations: 'generations',
  work: 'work',
  status: 'status.json',
  lock: 'sync.lock',
  state: 'state.json',
  records: 'records.ndjson',
  matchIndex: 'match-index.bin',
} as const

/** Generation names are made here and checked when read back (they name folders). */
export const GENERATION_NAME = /^\d{8}T\d{6}Z-[0-9a-f]{8}$/

/** `<source>/<partition>` with the partition made safe as one folder name (`Debian:12`). */
export const partitionFolder = (source: string, partition: string): string =>
  path.join(source, encodeURIComponent(partition))

/** `osv/PyPI`: how people and `status.json` name a partition. */
export const partitionKey = (source: string, partition: string): string => `${source}/${partition}`
