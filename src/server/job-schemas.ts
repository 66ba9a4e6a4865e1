import { Type, type TSchema } from '@sinclair/typebox'

import { JOB_NAMES } from '../jobs/job-queue.js'

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

export const Accepted = Type.Object({
  jobId: Type.String({ description: 'GET /api/jobs/{jobId} tells its state and output' }),
})

export const JobStatusBody = Type.Object({
  id: Type.String(),
  name: Type.String({ enum: [...JOB_NAMES] }),
  state: Type.String({
    enum: ['queued', 'active', 'completed', 'failed'],
    description: 'queued (also while waiting for a retry), active, completed or failed',
  }),
  data: Type.Record(Type.String(), Type.Unknown(), { description: "The job's input" }),
  createdAt: Type.String(),
  startedAt: Nullable(Type.String({ description: 'When the latest attempt started' })),
  completedAt: Nullable(Type.String()),
  output: Type.Unknown({ description: 'The result once completed (counts, files), else null' }),
  error: Nullable(
    Type.String({ description: "The last attempt's error: why it failed, or why it is retried" }),
  ),
})
