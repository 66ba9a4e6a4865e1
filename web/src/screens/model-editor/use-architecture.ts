import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'

import { productPath, request, requestWithTag } from '../../api/client.js'
import type { Architecture, ArchitectureEditsRequest, SavedModel } from '../../api/types.js'

export const architectureKey = (productId: string) => ['product', productId, 'architecture']

/** The architecture with the ETag to send back as If-Match. */
export const useArchitecture = (productId: string) =>
  useQuery({
    queryKey: architectureKey(productId),
    queryFn: () => requestWithTag<Architecture>(productPath(productId, '/architecture')),
    // A refetch behind the user's back would move the base of their pending edits.
    staleTime: Infinity,
  })

/**
 * PATCH /model with If-Match. On success every query of the product is refreshed (threats and
 * risks derive from the model) before the promise settles, so the editor never shows the old
 * model without its pending edits.
 */
export const useSaveEdits = (productId: string) => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ body, tag }: { body: ArchitectureEditsRequest; tag: string }) =>
      request<SavedModel>(productPath(productId, '/model'), {
        method: 'PATCH',
        body,
        headers: { 'if-match': tag },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['product', productId] }),
  })
}
