import path from 'node:path'

import type { JobData, JobName, JobQueue } from '../../src/jobs/index.js'
import type { ModelFile } from '../../src/store/index.js'
import { EXAMPLES_DIR, readFolder } from './model-folders.js'

/** Every file of an example folder, paths relative with forward slashes, as an upload has them. */
export const exampleFiles = (name: string): ModelFile[] =>
  [...readFolder(path.join(EXAMPLES_DIR, name))].map(([file, text]) => ({
    path: file.split(path.sep).join('/'),
    text,
  }))

/** A queue that only records what is sent to it. */
export const recordingQueue = () => {
  const sent: { name: JobName; data: JobData }[] = []
  const queue: JobQueue = {
    send: (name, data) => {
      sent.push({ name, data })
      return Promise.resolve(`job-${String(sent.length)}`)
    },
    get: () => Promise.resolve(undefined),
    work: () => Promise.resolve(),
    stop: () => Promise.resolve(),
  }
  return { queue, sent }
}
