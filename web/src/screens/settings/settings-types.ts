import type { Static } from '@sinclair/typebox'

import type {
  NotificationSettingsBody,
  NotificationSettingsView,
  TestDeliveries,
} from '../../../../src/server/monitoring-schemas.js'

/** GET /api/settings/notifications */
export type NotificationSettings = Static<typeof NotificationSettingsView>
/** PUT /api/settings/notifications */
export type NotificationSettingsUpdate = Static<typeof NotificationSettingsBody>
/** POST /api/settings/notifications/test */
export type TestResult = Static<typeof TestDeliveries>
