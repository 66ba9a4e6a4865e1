import { createSchemaChecker } from '../../model/check-document-schema.js'
import { closestMatch } from '../../model/closest-match.js'
import { hasErrors, type Issue } from '../../issue.js'
import { ITEM_SCHEMAS, type ItemKind } from '../../model/index.js'
import type { ThreatRule } from '../threat-rule.js'
import {
  CustomRulesSchema,
  type CustomRuleDefinition,
  type CustomRulesDocument,
} from './custom-rules-schema.js'
import { DERIVED_FACTS, subjectsWithFacts, type RuleSubject } from './rule-facts.js'
import {
  evaluateRuleExpression,
  parseRuleExpression,
  truthy,
  type RuleExpression,
} from './rule-expression.js'

const checkRulesSchema = createSchemaChecker(() => ({
  $schema: 'http://json-schema.org/draft-07/schema#',
  ...(JSON.parse(JSON.stringify(CustomRulesSchema)) as Record<string, unknown>),
}))

const SUBJECT_KINDS: Readonly<Record<RuleSubject, ItemKind>> = {
  dataFlow: 'data flow',
  interface: 'interface',
  element: 'element',
  component: 'component',
  asset: 'asset',
  role: 'role',
  trustBoundary: 'trust boundary',
}

/** The names a condition may use for a subject: its fields and the derived facts. */
const knownNames = (subject: RuleSubject): string[] => [
  ...Object.keys(ITEM_SCHEMAS[subject].properties),
  ...Object.keys(DERIVED_FACTS[subject]),
]

export interface CustomRuleTestResult {
  readonly rule: string
  readonly name: string
  readonly passed: boolean
  readonly expected: 'fires' | 'silent'
}

export interface CustomRules {
  readonly rules: readonly ThreatRule[]
  /** Runs the `tests` cases written beside each rule. */
  readonly runTests: () => CustomRuleTestResult[]
}

/**
 * Reads a manufacturer's threat library (`medcyberRules: v1`). Every problem comes back as an
 * issue with its path: schema errors, conditions that do not parse, unknown names (with the
 * closest known one), ids that clash with built-in rules.
 */
export const parseCustomRules = (
  content: unknown,
  source: string,
  builtInIds: ReadonlySet<string>,
): { rules?: CustomRules; issues: Issue[] } => {
  const schemaIssues = checkRulesSchema(content, source)
  if (hasErrors(schemaIssues)) return { issues: schemaIssues }
  const document = content as CustomRulesDocument
  const issues: Issue[] = []
  const compiled: { definition: CustomRuleDefinition; when: RuleExpression }[] = []
  const seen = new Set<string>()
  document.rules.forEach((definition, i) => {
    const at = (...path: (string | number)[]): Issue['path'] => ['rules', i, ...path]
    const fail = (code: string, message: string, path: Issue['path']): void => {
      issues.push({
        severity: 'error',
        code,
        message: `rule '${definition.id}': ${message}`,
        path,
        source,
      })
    }
    if (builtInIds.has(definition.id))
      fail('rules/duplicate-id', 'a built-in rule already has this id', at('id'))
    else if (seen.has(definition.id))
      fail('rules/duplicate-id', 'another rule in this file has this id', at('id'))
    seen.add(definition.id)
    const parsed = parseRuleExpression(definition.when)
    if (!parsed.ok) {
      fail('rules/invalid-condition', parsed.error.message, at('when'))
      return
    }
    const known = knownNames(definition.subject)
    for (const name of parsed.value.names) {
      if (known.includes(name)) continue
      const guess = closestMatch(name, known)
      fail(
        'rules/unknown-name',
        `a ${definition.subject} has no '${name}'` +
          (guess === undefined
            ? `; known names: ${known.join(', ')}`
            : `; did you mean '${guess}'?`),
        at('when'),
      )
    }
    compiled.push({ definition, when: parsed.value })
  })
  if (hasErrors(issues)) return { issues }
  return {
    issues,
    rules: {
      rules: compiled.map(({ definition, when }) => toThreatRule(definition, when)),
      runTests: () =>
        compiled.flatMap(({ definition, when }) =>
          (definition.tests ?? []).map((test) => {
            const fired = truthy(evaluateRuleExpression(when, test.facts))
            return {
              rule: definition.id,
              name: test.name,
              expected: test.expect,
              passed: fired === (test.expect === 'fires'),
            }
          }),
        ),
    },
  }
}

const toThreatRule = (definition: CustomRuleDefinition, when: RuleExpression): ThreatRule => ({
  id: definition.id,
  title: definition.title,
  stride: definition.stride,
  capec: definition.capec ?? [],
  cwe: definition.cwe ?? [],
  references: definition.references ?? [],
  rationale: definition.rationale,
  recommendations: definition.recommendations ?? [],
  subjectKind: SUBJECT_KINDS[definition.subject],
  evaluate: (context) =>
    subjectsWithFacts(context, definition.subject)
      .filter(({ facts }) => truthy(evaluateRuleExpression(when, facts)))
      .map(({ id, facts }) => ({
        subject: id,
        detail: fillTemplate(definition.detail ?? `${definition.title}: {id}`, facts),
      })),
})

/** `{name}` and `{from.name}` placeholders filled from the subject's facts. */
const fillTemplate = (template: string, facts: Readonly<Record<string, unknown>>): string =>
  template.replace(/\{([A-Za-z][\w.]*)\}/g, (whole, path: string) => {
    let value: unknown = facts
    for (const key of path.split('.')) {
      value =
        value !== null &&
        typeof value === 'object' &&
        Object.prototype.hasOwnProperty.call(value, key)
          ? (value as Record<string, unknown>)[key]
          : undefined
    }
    if (Array.isArray(value)) return value.map(String).join(', ')
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : whole
  })
