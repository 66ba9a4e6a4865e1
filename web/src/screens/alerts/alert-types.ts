import type { Static } from '@sinclair/typebox'

import type { AlertList, AlertSchema } from '../../../../src/server/monitoring-schemas.js'

/** GET /api/alerts */
export type AlertListBody = Static<typeof AlertList>
export type Alert = Static<typeof AlertSchema>
