import { Type, type Static } from '@sinclair/typebox'

import { Closed, Id, Name, StringEnum, Text } from '../../model/schema-helpers.js'
import { CONTROL_CATEGORIES, STRIDE } from '../../model/vocabulary.js'
import { RULE_SUBJECTS } from './rule-facts.js'

/** A manufacturer's own threat library, kept in YAML beside its models. */
export const CustomRulesSchema = Type.Object(
  {
    medcyberRules: Type.Literal('v1', { description: 'Format version of the rules file' }),
    rules: Type.Array(
      Type.Object(
        {
          id: Id('Rule id; generated threats are ruleId@subjectId'),
          title: Name('Threat title'),
          stride: Type.Array(StringEnum(STRIDE), { minItems: 1, uniqueItems: true }),
          capec: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { uniqueItems: true })),
          cwe: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { uniqueItems: true })),
          references: Type.Optional(
            Type.Array(Type.Object({ source: Name('Document'), clause: Name('Clause') }, Closed)),
          ),
          rationale: Text('Why it matters for patients'),
          recommendations: Type.Optional(
            Type.Array(
              Type.Object(
                { category: StringEnum(CONTROL_CATEGORIES), text: Text('What to do') },
                Closed,
              ),
            ),
          ),
          subject: StringEnum(RULE_SUBJECTS, {
            description: 'The kind of model item the rule looks at',
          }),
          when: Type.String({
            minLength: 1,
            description: 'Condition, e.g. "payload contains \'commands\' and to.deliversTherapy"',
          }),
          detail: Type.Optional(
            Text('Why it fires, with {field} placeholders, e.g. "{name} uses {protocol}"'),
          ),
          tests: Type.Optional(
            Type.Array(
              Type.Object(
                {
                  name: Name('What the case shows'),
                  facts: Type.Record(Type.String(), Type.Unknown(), {
                    description: 'The subject as the condition sees it',
                  }),
                  expect: StringEnum(['fires', 'silent'] as const),
                },
                Closed,
              ),
            ),
          ),
        },
        Closed,
      ),
    ),
  },
  {
    additionalProperties: false,
    patternProperties: { '^x-': {} },
    $id: 'urn:medcyber:schema:rules:v1',
  },
)

export type CustomRulesDocument = Static<typeof CustomRulesSchema>
export type CustomRuleDefinition = CustomRulesDocument['rules'][number]
