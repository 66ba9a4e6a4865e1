import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'

import { fetchAllPages } from './all-pages.js'
import { productPath, query, request } from './client.js'
import { controlOptions } from './model-ids.js'
import type {
  ControlCoverage,
  SavedModel,
  Threat,
  ThreatAssessmentBody,
  ThreatList,
} from './types.js'

/** Every threat of the product for a release (all pages), with the list's header. */
export const useThreats = (productId: string, release: string | undefined) =>
  useQuery({
    queryKey: ['product', productId, 'threats', release ?? ''],
    queryFn: async ({ signal }): Promise<ThreatList> => {
      const { first, items } = await fetchAllPages<Threat, ThreatList>((limit, offset) =>
        request<ThreatList>(
          productPath(productId, `/threats${query({ release, limit, offset })}`),
          {
            signal,
          },
        ),
      )
      return { ...first, items }
    },
  })

/** The model's controls, for linking them to a threat or a finding. */
export const useControlOptions = (productId: string) =>
  useQuery({
    queryKey: ['product', productId, 'coverage'],
    queryFn: ({ signal }) =>
      request<ControlCoverage>(productPath(productId, '/coverage'), { signal }),
    select: controlOptions,
  })

export interface AssessmentWrite {
  readonly threatId: string
  readonly body: ThreatAssessmentBody
  /** "r<revision>" of the copy the decision was made on. */
  readonly ifMatch: string
}

/**
 * PUT one threat assessment. Whatever the answer, the product's reads are refreshed: after a
 * save everything derived from the model changed, after a 412 the copy on screen is stale.
 */
export const useSaveAssessment = (productId: string) => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ threatId, body, ifMatch }: AssessmentWrite) =>
      request<SavedModel>(
        productPath(productId, `/threats/${encodeURIComponent(threatId)}/assessment`),
        { method: 'PUT', body, headers: { 'if-match': ifMatch } },
      ),
    onSettled: () => client.invalidateQueries({ queryKey: ['product', productId] }),
  })
}
