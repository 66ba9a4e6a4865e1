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
export {
  parseCustomRules,
  type CustomRules,
  type CustomRuleTestResult,
} from './custom/parse-custom-rules.js'
export { DERIVED_FACTS, RULE_SUBJECTS, type RuleSubject } from './custom/rule-facts.js'
export { diffThreats, type ThreatDiff } from './diff-threats.js'
export { ruleCatalogueMarkdown } from './rule-catalogue.js'
