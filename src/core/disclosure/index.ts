export {
  canMoveTo,
  DISCLOSURE_STATES,
  DISCLOSURE_TRANSITIONS,
  DISCLOSURE_VERDICTS,
  isDisclosureState,
  verdictOf,
  type DisclosureState,
  type DisclosureVerdict,
} from './states.js'
export {
  DISCLOSURE_EVENT_KINDS,
  type DisclosureEvent,
  type DisclosureEventKind,
  type DisclosureReport,
} from './report.js'
export {
  acknowledgeDue,
  DISCLOSURE_SETTINGS_KEY,
  disclosureSettingsOf,
  DisclosureSettingsSchema,
} from './settings.js'
export { SECURITY_TXT_PATH, securityTxt } from './security-txt.js'
export { advisoryDraftGaps, buildAdvisoryDraft } from './csaf-draft.js'
export { buildCustomerNotice } from './customer-notice.js'
