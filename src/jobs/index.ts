export { JOB_NAMES } from './job-queue.js'
export type {
  JobData,
  JobHandler,
  JobName,
  JobQueue,
  JobState,
  JobStatus,
  SendOptions,
} from './job-queue.js'
