import type { ApiRoutes } from '../api-app.js'
import { draftRoutes } from '../disclosure/draft-routes.js'
import { intakeRoutes } from '../disclosure/intake-routes.js'
import { settingsRoutes } from '../disclosure/settings-routes.js'
import { triageRoutes } from '../disclosure/triage-routes.js'

/**
 * Coordinated vulnerability disclosure (ISO/IEC 29147 and 30111): the public report intake, the
 * private triage queue with its timeline, drafts of the advisory and customer notice, settings.
 */
export const disclosureRoutes: ApiRoutes = (app, deps) => {
  intakeRoutes(app, deps)
  triageRoutes(app, deps)
  draftRoutes(app, deps)
  settingsRoutes(app, deps)
}
