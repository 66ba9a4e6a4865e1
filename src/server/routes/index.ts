import type { ApiRoutes } from '../api-app.js'
import { analysisRoutes } from './analysis.js'
import { approvalRoutes } from './approvals.js'
import { architectureRoutes } from './architecture.js'
import { auditRoutes } from './audit.js'
import { clockRoutes } from './clocks.js'
import { documentRoutes } from './documents.js'
import { disclosureRoutes } from './disclosure.js'
import { findingRoutes } from './findings.js'
import { healthRoutes } from './health.js'
import { installedBaseRoutes } from './installed-base.js'
import { jobRoutes } from './jobs.js'
import { lifecycleRoutes } from './lifecycle.js'
import { metricsRoutes } from './metrics.js'
import { modelRoutes } from './model.js'
import { monitoringRoutes } from './monitoring.js'
import { preferenceRoutes } from './preferences.js'
import { productRoutes } from './products.js'
import { riskRoutes } from './risk.js'
import { sessionRoutes } from './session.js'
import { tokenRoutes } from './tokens.js'
import { userRoutes } from './users.js'
import { workspaceRoutes } from './workspace.js'

/** Every group of API routes, in the order they are registered. */
export const API_ROUTES: readonly ApiRoutes[] = [
  healthRoutes,
  sessionRoutes,
  preferenceRoutes,
  userRoutes,
  tokenRoutes,
  productRoutes,
  modelRoutes,
  architectureRoutes,
  riskRoutes,
  findingRoutes,
  approvalRoutes,
  auditRoutes,
  documentRoutes,
  jobRoutes,
  analysisRoutes,
  workspaceRoutes,
  lifecycleRoutes,
  clockRoutes,
  monitoringRoutes,
  disclosureRoutes,
  installedBaseRoutes,
  metricsRoutes,
]
