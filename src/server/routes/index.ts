import type { ApiRoutes } from '../api-app.js'
import { analysisRoutes } from './analysis.js'
import { approvalRoutes } from './approvals.js'
import { auditRoutes } from './audit.js'
import { documentRoutes } from './documents.js'
import { findingRoutes } from './findings.js'
import { healthRoutes } from './health.js'
import { jobRoutes } from './jobs.js'
import { modelRoutes } from './model.js'
import { productRoutes } from './products.js'
import { riskRoutes } from './risk.js'
import { sessionRoutes } from './session.js'
import { tokenRoutes } from './tokens.js'
import { userRoutes } from './users.js'

/** Every group of API routes, in the order they are registered. */
export const API_ROUTES: readonly ApiRoutes[] = [
  healthRoutes,
  sessionRoutes,
  userRoutes,
  tokenRoutes,
  productRoutes,
  modelRoutes,
  riskRoutes,
  findingRoutes,
  approvalRoutes,
  auditRoutes,
  documentRoutes,
  jobRoutes,
  analysisRoutes,
]
