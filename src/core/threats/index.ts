export {
  generateThreats,
  type Threat,
  type ThreatOptions,
  type ThreatStatus,
} from './generate-threats.js'
export { BUILT_IN_RULES } from './registry.js'
export { createThreatContext, type ThreatContext } from './threat-context.js'
export {
  CLAUSE_SOURCES,
  type ClauseReference,
  type ControlCategory,
  type Recommendation,
  type StrideCategory,
  type ThreatFinding,
  type ThreatRule,
} from './threat-rule.js'
