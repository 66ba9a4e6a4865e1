/* A job's output is whatever the job returned: these read the parts the screens show, checked. */

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A named field of a job's output (output is whatever the job returned, so it is checked). */
export const outputField = (output: unknown, name: string): unknown =>
  isRecord(output) ? output[name] : undefined

export interface OutputFile {
  readonly id: string
  readonly name: string
}

/** The files a documents-generate job wrote, as its output lists them. */
export const generatedFilesOf = (output: unknown): readonly OutputFile[] => {
  const documents = outputField(output, 'documents')
  if (!Array.isArray(documents)) return []
  return documents.flatMap((document: unknown) => {
    const id = outputField(document, 'id')
    const name = outputField(document, 'name')
    return typeof id === 'string' && typeof name === 'string' ? [{ id, name }] : []
  })
}

export interface FeedOutcome {
  readonly key: string
  readonly outcome: string
  readonly summary: string | null
  readonly error: string | null
}

const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null)

/** Each feed's outcome and the evaluation job a feeds-sync job queued, from its output. */
export const feedSyncOutputOf = (
  output: unknown,
): { readonly feeds: readonly FeedOutcome[]; readonly evaluationJobId: string | null } => {
  const feeds = outputField(output, 'feeds')
  return {
    evaluationJobId: textOrNull(outputField(output, 'evaluationJobId')),
    feeds: Array.isArray(feeds)
      ? feeds.flatMap((feed: unknown) => {
          const key = outputField(feed, 'key')
          const outcome = outputField(feed, 'outcome')
          if (typeof key !== 'string' || typeof outcome !== 'string') return []
          return [
            {
              key,
              outcome,
              summary: textOrNull(outputField(feed, 'summary')),
              error: textOrNull(outputField(feed, 'error')),
            },
          ]
        })
      : [],
  }
}
