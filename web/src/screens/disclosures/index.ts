import type { CurrentSession } from '../../api/types.js'

export { DisclosuresScreen } from './disclosures-screen.js'
export { messages as disclosureMessages } from './messages.js'
export { ReportVulnerabilityPage } from './report-vulnerability-page.js'

/** The path of the public report page (security.txt's default Contact). */
export const REPORT_PAGE = '/report-vulnerability'

const TRIAGE_ROLES: readonly string[] = ['admin', 'security-engineer', 'risk-manager']

/** The queue is for those who triage on every product (the server checks it regardless). */
export const canTriageDisclosures = (session: CurrentSession): boolean =>
  session.roles.some((grant) => grant.productId === '*' && TRIAGE_ROLES.includes(grant.role))
