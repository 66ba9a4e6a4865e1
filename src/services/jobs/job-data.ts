import type { Static, TSchema } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'

/** An expected failure of a job: its message is what the job's status shows to whoever asked. */
export class JobError extends Error {
  readonly code: string

  constructor(code: string, message: string) {
    super(message)
    this.name = 'JobError'
    this.code = code
  }
}

/** Job data crosses a process boundary (pg-boss), so each handler checks it against its schema. */
export const checkJobData = <T extends TSchema>(
  schema: T,
  data: unknown,
  jobName: string,
): Static<T> => {
  if (Value.Check(schema, data)) return data
  const first = Value.Errors(schema, data).First()
  throw new JobError(
    'jobs/bad-data',
    `not ${jobName} job data: ${first === undefined ? 'invalid' : `${first.path || '/'} ${first.message}`}`,
  )
}
