export { AUDIT_PROBLEMS, countAuditEvents, GENESIS_HASH, verifyAuditChain } from './audit-trail.js'
export type { AuditChainCheck, AuditEvent, AuditProblem } from './audit-trail.js'
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
  grantRole,
  listRoleGrants,
  listUsers,
  revokeRole,
  rolesOnProduct,
  updateUser,
} from './accounts.js'
export type { NewUser, RoleGrant, UserAccount } from './accounts.js'
export {
  createApiToken,
  createSession,
  deleteSession,
  deleteSessionsOf,
  findLiveApiToken,
  findSession,
  listApiTokens,
  revokeApiToken,
} from './credentials.js'
export type { StoredApiToken, StoredSession } from './credentials.js'
export type { StoreTables } from './schema.js'
