import { productPath, request, requestWithTag } from '../../api/client.js'
import type { FindingTriageBody, JobAccepted, SavedModelEvaluating } from '../../api/types.js'
import type { SavedTriage } from './bulk-triage.js'

export const startFeedSync = () => request<JobAccepted>('/jobs/feeds-sync', { method: 'POST' })

export const startEvaluation = (productId: string) =>
  request<JobAccepted>(productPath(productId, '/evaluate'), { method: 'POST' })

/** PUT one finding's triage entry; the answer's ETag goes with the next save. */
export const putTriage = async (
  productId: string,
  findingId: string,
  body: FindingTriageBody,
  ifMatch: string,
): Promise<SavedTriage> => {
  const saved = await requestWithTag<SavedModelEvaluating>(
    productPath(productId, `/findings/${encodeURIComponent(findingId)}/triage`),
    { method: 'PUT', headers: { 'if-match': ifMatch }, body },
  )
  const { evaluationJobId } = saved.body
  return {
    tag: saved.etag ?? `"r${String(saved.body.revision)}"`,
    ...(evaluationJobId === undefined ? {} : { evaluationJobId }),
  }
}
