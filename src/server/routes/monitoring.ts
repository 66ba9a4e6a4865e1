import { randomUUID } from 'node:crypto'

import {
  applyNotificationSettingsUpdate,
  NOTIFICATION_SETTINGS_KEY,
  viewNotificationSettings,
} from '../../core/index.js'
import { notificationSettings, sendTestNotification } from '../../services/index.js'
import {
  acknowledgeAdvisoryAlert,
  findAdvisoryAlert,
  listAdvisoryAlerts,
  listRoleGrants,
  productAuditSubject,
  rolesOnProduct,
  writeSetting,
  type AdvisoryAlert,
  type AlertState,
  type Store,
} from '../../store/index.js'
import type { ApiApp, ApiRoutes } from '../api-app.js'
import { ApiError, forbidden, notFound } from '../api-error.js'
import { auditedChange } from '../auth/audited-change.js'
import { isRole, ROLE_PERMISSIONS, rolesGrant, type Permission } from '../auth/roles.js'
import { principalOf } from '../auth/signed-in.js'
import {
  AlertList,
  AlertParams,
  AlertQuery,
  AlertSchema,
  NotificationSettingsBody,
  NotificationSettingsView,
  TestDeliveries,
} from '../monitoring-schemas.js'
import { errors } from '../product-schemas.js'
import { replyBody } from '../reply-body.js'

const ADMIN = { kind: 'global', permission: 'admin' } as const
const SETTINGS_TAGS = ['settings']
const ALERT_TAGS = ['monitoring']
/** Product security roles may acknowledge: those who triage findings. */
const ACKNOWLEDGE: Permission = 'finding:triage'

const settingsRoutes = (app: ApiApp, store: Store): void => {
  app.get(
    '/settings/notifications',
    {
      config: { access: ADMIN },
      schema: {
        summary: 'Where notifications go (e-mail, webhooks) and when reminders are sent',
        description:
          'The SMTP password, webhook secrets and the paths of webhook URLs (chat webhooks carry their token there) are never shown: the password appears as ********, a webhook by its id.',
        tags: SETTINGS_TAGS,
        response: { 200: NotificationSettingsView, ...errors(401, 403) },
      },
    },
    async () => replyBody(viewNotificationSettings(await notificationSettings(store))),
  )

  app.put(
    '/settings/notifications',
    {
      config: { access: ADMIN },
      schema: {
        summary: 'Replace the notification settings',
        description:
          'Send the whole settings. A password of ******** in smtpUrl keeps the stored password; a webhook given by its id without url keeps its URL; an absent secret keeps the stored one, null removes it. Advisory alerts, deadline reminders and other notifications go to every e-mail recipient (when an SMTP server is set) and every webhook.',
        tags: SETTINGS_TAGS,
        body: NotificationSettingsBody,
        response: { 200: NotificationSettingsView, ...errors(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = principalOf(request).user.username
      return auditedChange(store, async (tx, record) => {
        const stored = await notificationSettings(tx)
        const updated = applyNotificationSettingsUpdate(stored, request.body, () => randomUUID())
        if (!updated.ok) {
          const details = updated.error.map((problem) => ({
            path: `body${problem.path}`,
            message: problem.message,
          }))
          const [first] = details
          throw new ApiError(
            400,
            'invalid-request',
            first === undefined ? 'invalid settings' : `${first.path}: ${first.message}`,
            details,
          )
        }
        const at = tx.now().toISOString()
        await writeSetting(tx.db, {
          key: NOTIFICATION_SETTINGS_KEY,
          value: updated.value,
          at,
          actor,
        })
        const after = viewNotificationSettings(updated.value)
        await record({
          actor,
          action: 'settings.notifications.update',
          subject: `settings:${NOTIFICATION_SETTINGS_KEY}`,
          // The masked views: the audit trail is read by auditors, not only administrators.
          before: JSON.parse(JSON.stringify(viewNotificationSettings(stored))) as never,
          after: JSON.parse(JSON.stringify(after)) as never,
          reason: null,
        })
        return replyBody(after)
      })
    },
  )

  app.post(
    '/settings/notifications/test',
    {
      config: { access: ADMIN },
      schema: {
        summary: 'Send a test message to every configured recipient now',
        description:
          'Delivers at once (10 s timeout per recipient) and says per recipient whether it arrived, with the error when not. The messages are recorded in the outbox as kind `test`.',
        tags: SETTINGS_TAGS,
        response: { 200: TestDeliveries, ...errors(401, 403, 409) },
      },
    },
    async (request) => {
      const deliveries = await sendTestNotification(store, principalOf(request).user.username)
      if (deliveries.length === 0) {
        throw new ApiError(
          409,
          'notifications-not-configured',
          'no e-mail recipients (with an SMTP server) or webhooks are configured',
        )
      }
      return { deliveries }
    },
  )
}

/** The products whose alerts a user may read: every one with a reading role on `*`. */
const readableScope = async (store: Store, userId: string): Promise<readonly string[] | 'all'> => {
  const grants = (await listRoleGrants(store, userId)).filter(
    (grant) => isRole(grant.role) && ROLE_PERMISSIONS[grant.role].has('product:read'),
  )
  if (grants.some((grant) => grant.productId === '*')) return 'all'
  return [...new Set(grants.map((grant) => grant.productId))]
}

const alertView = (alert: AdvisoryAlert) => ({
  ...alert,
  aliases: [...alert.aliases],
  reasoning: [...alert.reasoning],
  linkedRisks: [...alert.linkedRisks],
})

const alertRoutes = (app: ApiApp, store: Store): void => {
  app.get(
    '/alerts',
    {
      config: { access: { kind: 'signed-in' } },
      schema: {
        summary: 'Advisory alerts: findings new for a release since its first evaluation',
        description:
          'Newest first, over the products you may read (productId narrows to one; 403 when you may not read it). Each alert carries the triage the device model suggests (not_affected with vulnerable_code_not_in_execute_path only where the model shows no path from outside the device to the component; under_investigation otherwise), the reasoning as sentences, and the risk register entries the finding re-opens.',
        tags: ALERT_TAGS,
        querystring: AlertQuery,
        response: { 200: AlertList, ...errors(400, 401, 403) },
      },
    },
    async (request) => {
      const { productId, state, limit } = request.query
      const scope = await readableScope(store, principalOf(request).user.id)
      if (productId !== undefined && scope !== 'all' && !scope.includes(productId)) {
        throw forbidden()
      }
      const productIds = productId === undefined ? scope : [productId]
      const alerts = await listAdvisoryAlerts(store.db, {
        ...(productIds === 'all' ? {} : { productIds }),
        ...(state === undefined ? {} : { state: state as AlertState }),
        limit: limit ?? 200,
      })
      return { alerts: alerts.map(alertView) }
    },
  )

  app.post(
    '/alerts/:alertId/acknowledge',
    {
      config: { access: { kind: 'signed-in' } },
      schema: {
        summary: 'Acknowledge an advisory alert',
        description:
          "Says someone has taken the alert up; the triage itself is the finding's (PUT …/findings/{findingId}/triage). Needs finding:triage on the alert's product (admin, security-engineer, risk-manager); an alert of a product you may not read is not found. Acknowledging again keeps the first acknowledgement.",
        tags: ALERT_TAGS,
        params: AlertParams,
        response: { 200: AlertSchema, ...errors(401, 403, 404) },
      },
    },
    async (request) => {
      const { user } = principalOf(request)
      const alert = await findAdvisoryAlert(store.db, request.params.alertId)
      const roles =
        alert === undefined
          ? []
          : (await rolesOnProduct(store, user.id, alert.productId)).filter(isRole)
      if (alert === undefined || !rolesGrant(roles, 'product:read')) {
        throw notFound(`alert ${request.params.alertId}`)
      }
      if (!rolesGrant(roles, ACKNOWLEDGE)) throw forbidden()
      const acknowledged = await auditedChange(store, async (tx, record) => {
        const at = tx.now().toISOString()
        const updated = await acknowledgeAdvisoryAlert(tx.db, alert.id, {
          actor: user.username,
          at,
        })
        if (updated !== undefined && alert.state === 'open') {
          await record({
            actor: user.username,
            action: 'alert.acknowledge',
            subject: productAuditSubject(alert.productId),
            before: { alert: alert.id, state: alert.state },
            after: {
              alert: alert.id,
              state: updated.state,
              release: alert.release,
              finding: alert.findingId,
            },
            reason: null,
          })
        }
        return updated
      })
      if (acknowledged === undefined) throw notFound(`alert ${request.params.alertId}`)
      return alertView(acknowledged)
    },
  )
}

/** Notification settings (administrators) and the advisory alerts of monitoring. */
export const monitoringRoutes: ApiRoutes = (app, deps) => {
  settingsRoutes(app, deps.store)
  alertRoutes(app, deps.store)
}
