export { addMonths, addYears, isCalendarDate, type CalendarDate } from './calendar-date.js'
export {
  END_OF_SUPPORT_NOTICE_YEARS,
  phaseFromMilestones,
  supportStatusOn,
  type ReleaseSupportStatus,
  type UnsupportedComponent,
} from './support-phase.js'
export {
  recommendStageTransition,
  stageTransitionTriggers,
  type MitigationResult,
  type StageCommunication,
  type StageRecommendation,
  type StageTransitionAssessment,
} from './stage-transition.js'
