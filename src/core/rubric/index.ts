export {
  ANSWERS,
  applyRubric,
  DEFAULT_RUBRIC_OPTIONS,
  QUESTIONS,
  RUBRIC_CATEGORIES,
  type Answer,
  type RubricAnswer,
  type RubricAnswers,
  type RubricError,
  type RubricOptions,
  type RubricResult,
  type RubricStep,
} from './mitre-rubric.js'
