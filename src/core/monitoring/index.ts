export { alertDigest, linkedRisksOf, type AlertDigest, type DigestAlert } from './alert-digest.js'
export {
  configuredRecipients,
  DEFAULT_NOTIFICATION_SETTINGS,
  DEFAULT_REMINDER_LEAD_DAYS,
  maskedWebhookUrl,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_SETTINGS_KEY,
  NotificationSettingsSchema,
  notificationSettingsOf,
  SECRET_MASK,
  SMTP_SECURITY,
  viewNotificationSettings,
  type NotificationChannel,
  type NotificationRecipient,
  type NotificationSettings,
  type NotificationSettingsView,
  type SmtpSecurity,
  type StoredWebhook,
} from './notification-settings.js'
export {
  applyNotificationSettingsUpdate,
  type NotificationSettingsUpdate,
  type SettingsProblem,
} from './notification-settings-update.js'
export {
  exposureOf,
  suggestTriage,
  type SuggestedStatus,
  type TriageSuggestion,
} from './triage-suggestion.js'
