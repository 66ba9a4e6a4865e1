import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'

import { productPath, query, request } from '../../api/client.js'
import type { ApprovalPage } from '../../api/types.js'
import type { SignatureTarget } from './acceptance-request.js'

/** The signatures made on one subject, newest first. */
export const useSignatures = (productId: string, subject: string | undefined) =>
  useQuery({
    queryKey: ['product', productId, 'approvals', subject ?? ''],
    enabled: subject !== undefined,
    queryFn: ({ signal }) =>
      request<ApprovalPage>(productPath(productId, `/approvals${query({ subject, limit: 50 })}`), {
        signal,
      }),
  })

export interface SignRequest {
  readonly target: SignatureTarget
  readonly reason: string
  readonly password: string
  /** The revision the signer reviewed: the register's. */
  readonly revision: number
}

/**
 * POST .../approvals/risk-accepted: a signature on exactly the model revision shown (If-Match),
 * with the password entered again. The password goes in this one request and nowhere else.
 */
export const useSignRiskAccepted = (productId: string) => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ target, reason, password, revision }: SignRequest) =>
      request<{ approval: { modelRevision: number } }>(
        productPath(productId, '/approvals/risk-accepted'),
        {
          method: 'POST',
          headers: { 'if-match': `"r${String(revision)}"` },
          body: { ...target, reason, password },
        },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['product', productId, 'approvals'] }),
  })
}
