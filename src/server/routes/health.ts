import { Type } from '@sinclair/typebox'

import type { ApiRoutes } from '../api-app.js'
import { VERSION } from '../version.js'

/** For load balancers and the two-server set-up: answers without touching sessions. */
export const healthRoutes: ApiRoutes = (app, deps) => {
  app.get(
    '/health',
    {
      config: { access: { kind: 'public' } },
      schema: {
        summary: 'Liveness and database reachability',
        tags: ['system'],
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            version: Type.String(),
            database: Type.String(),
          }),
        },
      },
    },
    async () => {
      await deps.store.db.selectFrom('products').select('id').limit(1).execute()
      return { status: 'ok' as const, version: VERSION, database: deps.store.dialect }
    },
  )
}
