import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query'

import { query, request } from '../../api/client.js'
import type { AdvisoryList, CurrentSession, Preferences } from '../../api/types.js'

export const ADVISORIES_KEY = ['advisories'] as const
const PAGE_SIZE = 100

export interface AdvisoryQuery {
  readonly kevOnly: boolean
  readonly text: string
}

/** The advisories page by page (most recently first seen first), loaded as the user asks. */
export const useAdvisories = ({ kevOnly, text }: AdvisoryQuery) =>
  useInfiniteQuery({
    queryKey: [...ADVISORIES_KEY, 'list', { kevOnly, text }],
    queryFn: ({ pageParam }) =>
      request<AdvisoryList>(
        `/advisories${query({
          kev: kevOnly ? true : undefined,
          q: text.trim() === '' ? undefined : text.trim(),
          limit: PAGE_SIZE,
          offset: pageParam,
        })}`,
      ),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((count, page) => count + page.items.length, 0)
      return loaded < last.total && last.items.length > 0 ? loaded : undefined
    },
  })

/** Marks every advisory known now as seen; the portfolio's and this list's "new" change with it. */
export const useMarkAdvisoriesSeen = () => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () =>
      request<Preferences>('/session/preferences', {
        method: 'PATCH',
        body: { advisoriesSeen: true },
      }),
    onSuccess: async (stored) => {
      client.setQueryData<CurrentSession | null>(['session'], (current) =>
        current ? { ...current, preferences: stored } : current,
      )
      await Promise.all([
        client.invalidateQueries({ queryKey: ['portfolio'] }),
        client.invalidateQueries({ queryKey: ADVISORIES_KEY }),
      ])
    },
  })
}
