export {
  appendAuditEvent,
  AUDIT_PROBLEMS,
  countAuditEvents,
  GENESIS_HASH,
  verifyAuditChain,
} from './audit-trail.js'
export type { AuditChainCheck, AuditEvent, AuditEventInput, AuditProblem } from './audit-trail.js'
export { exportModel, importModel } from './model-documents.js'
export type {
  ExportedModel,
  ImportedModel,
  ImportModelOptions,
  ModelFile,
} from './model-documents.js'
export { migrateToLatest, openStore, STORE_DIALECTS } from './open-store.js'
export type { OpenStoreOptions, Store, StoreDialectName } from './open-store.js'
export { STORE_ERROR_CODES } from './store-error.js'
export type { InvalidModel, StoreConflict, StoreError, StoreErrorCode } from './store-error.js'
export {
  createUser,
  findUserById,
  findUserByOidcSubject,
  findUserByUsername,
  findUserPreferences,
  grantRole,
  listAllRoleGrants,
  listRoleGrants,
  listUsers,
  revokeRole,
  rolesOnProduct,
  updateUser,
  updateUserPreferences,
} from './accounts.js'
export type { NewUser, RoleGrant, UserAccount, UserPreferences } from './accounts.js'
export {
  createApiToken,
  createSession,
  deleteOtherSessionsOf,
  deleteSession,
  deleteSessionsOf,
  findLiveApiToken,
  findSession,
  listApiTokens,
  revokeApiToken,
} from './credentials.js'
export type { StoredApiToken, StoredSession } from './credentials.js'
export type { StoreTables } from './schema.js'
export { findProduct, listProducts } from './products.js'
export type { ModelFacts, ProductListing, ProductQuery, ProductRelease } from './products.js'
export {
  countFindingsByProduct,
  countOpenFindings,
  listProductFindings,
} from './finding-queries.js'
export type { FindingCounts, FindingQuery, StoredFinding } from './finding-queries.js'
export {
  findAuditEvent,
  listAuditEvents,
  productAuditSubject,
  recordAuditEvent,
} from './audit-trail.js'
export type { AuditEventQuery } from './audit-trail.js'
export { allApprovals, listApprovals, recordApproval } from './approvals.js'
export type {
  Approval,
  ApprovalQuery,
  NewApproval,
  SignatureManifest,
  Signer,
} from './approvals.js'
export {
  findGeneratedDocument,
  listGeneratedDocuments,
  saveGeneratedDeliverable,
} from './generated-documents.js'
export type {
  GeneratedDeliverable,
  GeneratedDocumentInfo,
  GeneratedDocumentQuery,
  NewGeneratedDocument,
} from './generated-documents.js'
export { listAdvisories } from './advisory-queries.js'
export type { AdvisoryAffected, AdvisoryQuery, StoredAdvisory } from './advisory-queries.js'
export { readSetting, writeSetting } from './settings.js'
export {
  CLOCK_FILTER_STATES,
  CLOCK_TRIGGERS,
  findClock,
  findingFirstSeen,
  LEARNED_FROM,
  listClocks,
  listRiskDecisions,
  pendingClocksDueBy,
  productHasDocument,
  recordClockEvidence,
  recordRegulatoryEvent,
  recordRiskDecision,
  withdrawClock,
} from './regulatory-clocks.js'
export type {
  ClockChangeProblem,
  ClockClosing,
  ClockClosure,
  ClockFilterState,
  ClockListing,
  ClockQuery,
  ClockTrigger,
  DecisionQuery,
  LearnedFrom,
  NewRegulatoryEvent,
  NewRiskDecision,
  RecordedDecision,
  RiskDecision,
  StoredClock,
} from './regulatory-clocks.js'
export { enqueueNotification, listNotifications, NOTIFICATION_STATES } from './notifications.js'
export type {
  NewNotification,
  NotificationQuery,
  NotificationState,
  StoredNotification,
} from './notifications.js'
export {
  claimPendingNotifications,
  recordNotificationFailure,
  recordNotificationSent,
} from './notification-outbox.js'
export type { ClaimOptions } from './notification-outbox.js'
export {
  acknowledgeAdvisoryAlert,
  ALERT_STATES,
  findAdvisoryAlert,
  insertAdvisoryAlerts,
  listAdvisoryAlerts,
  markReleasesMonitored,
  monitoredReleases,
} from './advisory-alerts.js'
export type { AdvisoryAlert, AlertQuery, AlertState, NewAdvisoryAlert } from './advisory-alerts.js'
export {
  addDisclosureEvent,
  changeDisclosureReport,
  disclosureFormSecret,
  findDisclosureReport,
  listDisclosureEvents,
  listDisclosureReports,
  receiveDisclosureReport,
} from './disclosures.js'
export type {
  DisclosureChange,
  DisclosureQuery,
  Intake,
  NewDisclosureReport,
} from './disclosures.js'
export {
  productReleaseVersions,
  readInstalledBase,
  replaceInstalledBase,
} from './installed-base.js'
export type { InstalledBaseImport, StoredInstalledBase } from './installed-base.js'
export { listEvaluatedFindings } from './finding-first-seen.js'
