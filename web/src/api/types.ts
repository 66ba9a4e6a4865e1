/**
 * The API's shapes as the server declares them: types only, so the server's code never reaches
 * the browser bundle (docs/architecture.md, rule 4).
 */
import type { Static, TObject } from '@sinclair/typebox'

import type {
  FindingAssessmentSchema,
  ThreatAssessmentSchema,
} from '../../../src/core/model/security-schema.js'
import type { CoverageResponse } from '../../../src/server/analysis-schemas.js'
import type {
  FindingTriageBody as FindingTriageBodySchema,
  ThreatAssessmentBody as ThreatAssessmentBodySchema,
} from '../../../src/server/assessment-bodies.js'

import type { ApprovalItem, SignBody } from '../../../src/server/approval-schemas.js'
import type { AuditEventItem, ChainCheck } from '../../../src/server/audit-schemas.js'
import type {
  ClockItem,
  DecisionBody,
  DecisionItem,
  DecisionResult,
  EvidenceBody,
} from '../../../src/server/clock-schemas.js'
import type { DocumentItem, GenerateBody } from '../../../src/server/document-schemas.js'
import type { Accepted, JobStatusBody } from '../../../src/server/job-schemas.js'
import type { RoleGrantSchema, UserSummarySchema } from '../../../src/server/auth/account-views.js'
import type {
  FindingItem,
  ProductDetail,
  RegisterHead,
  RiskEntryItem,
  SavedModelEvaluatingSchema,
  SavedModelSchema,
  ThreatItem,
} from '../../../src/server/product-schemas.js'
import type {
  AdvisoryItemSchema,
  AdvisoryListSchema,
  ArchitectureEditSchema,
  ArchitectureEditsBody,
  ArchitectureIssueSchema,
  ArchitectureSchema,
  DiagramLayoutSchema,
  LifecycleComponentSchema,
  LifecycleSchema,
  PortfolioProductSchema,
  PortfolioSchema,
  PreferencesSchema,
  RiskMatrixSchema,
} from '../../../src/server/workspace-schemas.js'

export type UserSummary = Static<typeof UserSummarySchema>
export type RoleGrant = Static<typeof RoleGrantSchema>
export type Preferences = Static<typeof PreferencesSchema>
export type Locale = NonNullable<Preferences['locale']>

/** GET /api/session */
export interface CurrentSession {
  readonly user: UserSummary
  readonly roles: readonly RoleGrant[]
  readonly via: 'session' | 'token'
  readonly csrfToken?: string
  readonly preferences: Preferences
}

export type Product = Static<typeof ProductDetail>
export type Threat = Static<typeof ThreatItem>
export type RiskEntry = Static<typeof RiskEntryItem>
/** A finding row, with the model's triage entries for its finding id (every release scope). */
export type Finding = Static<typeof FindingItem>
export type Portfolio = Static<typeof PortfolioSchema>
export type PortfolioProduct = Static<typeof PortfolioProductSchema>
export type AdvisoryList = Static<typeof AdvisoryListSchema>
export type Advisory = Static<typeof AdvisoryItemSchema>
export type Lifecycle = Static<typeof LifecycleSchema>
export type Architecture = Static<typeof ArchitectureSchema>
export type ArchitectureEdit = Static<typeof ArchitectureEditSchema>
export type ArchitectureIssue = Static<typeof ArchitectureIssueSchema>
export type DiagramLayout = Static<typeof DiagramLayoutSchema>
export type RiskMatrix = Static<typeof RiskMatrixSchema>

/** A page of a list route. */
export interface Page<T> {
  readonly items: readonly T[]
  readonly total: number
}

/* Documents, jobs, approvals and the audit trail. */

/** An item of GET /api/products/:id/documents. */
export type GeneratedDocument = Static<typeof DocumentItem>
/** POST /api/products/:id/documents */
export type GenerateRequest = Static<typeof GenerateBody>
/** GET /api/jobs/:jobId */
export type JobStatus = Static<typeof JobStatusBody>
/** The answer of a route that queues a job (202). */
export type JobAccepted = Static<typeof Accepted>
/** An item of GET /api/products/:id/approvals. */
export type Approval = Static<typeof ApprovalItem>
/** POST /api/products/:id/approvals/:meaning */
export type SignRequest = Static<typeof SignBody>

/** GET /api/products/:id/approvals: signatures and the model revision they are judged against. */
export interface ApprovalPage extends Page<Approval> {
  readonly modelRevision: number
  readonly contentHash: string
}

/** An item of GET /api/audit. */
export type AuditEvent = Static<typeof AuditEventItem>
/** GET /api/audit/verify */
export type AuditChainCheck = Static<typeof ChainCheck>

/* Threats, the risk register, and findings with their triage. */

/** A decision on a threat as the model's threatAssessments hold it. */
export type ThreatAssessment = Static<typeof ThreatAssessmentSchema>
/** A VEX triage decision as the model's findingAssessments hold it. */
export type FindingAssessment = Static<typeof FindingAssessmentSchema>
/** PUT /api/products/:id/threats/:threatId/assessment */
export type ThreatAssessmentBody = Static<typeof ThreatAssessmentBodySchema>
/** PUT /api/products/:id/findings/:findingId/triage */
export type FindingTriageBody = Static<typeof FindingTriageBodySchema>
/** The answer of a write into the model: the new revision (its ETag is "r<revision>"). */
export type SavedModel = Static<typeof SavedModelSchema>
/** The answer of a save that can change findings: also the re-evaluation the server queued. */
export type SavedModelEvaluating = Static<typeof SavedModelEvaluatingSchema>

/** GET /api/products/:id/threats: a page of threats on the day, for the release. */
export interface ThreatList extends Page<Threat> {
  readonly revision: number
  readonly date: string
  readonly release: string | null
}

export type RegisterHeader = Static<TObject<typeof RegisterHead>>

/** GET /api/products/:id/risk-register: the header, a page of risks, and the policy's matrix. */
export type RiskRegisterPage = RegisterHeader &
  Page<RiskEntry> & {
    /** Optional until the route serves it everywhere; the screen says when it is missing. */
    readonly matrix?: RiskMatrix
  }

/** GET /api/products/:id/coverage */
export type ControlCoverage = Static<typeof CoverageResponse>
export type LifecycleComponent = Static<typeof LifecycleComponentSchema>

/** PATCH /api/products/:id/model (the architecture editor's edits, layout and reason) */
export type ArchitectureEditsRequest = Static<typeof ArchitectureEditsBody>

/* Regulatory clocks (issue 9): decisions, clocks and their evidence. */

/** An item of GET /api/clocks, with its state worked out for today. */
export type RegulatoryClock = Static<typeof ClockItem>
/** An item of GET /api/products/:id/decisions. */
export type RiskDecision = Static<typeof DecisionItem>
/** PUT /api/products/:id/releases/:release/decisions/:subject */
export type RiskDecisionBody = Static<typeof DecisionBody>
/** The answer of that PUT: the decision and the clocks it started. */
export type RiskDecisionResult = Static<typeof DecisionResult>
/** POST /api/products/:id/clocks/:clockId/evidence */
export type ClockEvidenceBody = Static<typeof EvidenceBody>
/** GET /api/clocks */
export interface ClockPage extends Page<RegulatoryClock> {
  readonly today: string
}
