import { needsInput, paragraph, section, type DocumentSection } from '../../documents/index.js'
import type { Verification } from '../../model/index.js'
import type { DeliverablePart } from '../deliverable.js'
import type { ReportContext } from '../report-context.js'
import { cite, fdaDocument, releasePhrase } from './fda-document.js'
import { byText } from './release-scope.js'
import {
  column,
  countOf,
  joined,
  NEEDS_INPUT,
  orNeedsInput,
  table,
  type Row,
} from './table-helpers.js'

type VerificationKind = Verification['kind']

/** FDA premarket guidance section V.C: the four kinds of testing, and the model's kinds in each. */
const GROUPS: readonly {
  readonly id: string
  readonly title: string
  readonly purpose: string
  readonly kinds: readonly VerificationKind[]
}[] = [
  {
    id: 'requirements-testing',
    title: 'Security requirements testing',
    purpose: 'Evidence that each security requirement is implemented, with boundary analysis.',
    kinds: ['security-requirement-test'],
  },
  {
    id: 'threat-mitigation-testing',
    title: 'Threat mitigation testing',
    purpose: 'Evidence that the controls are adequate for the threats of each architecture view.',
    kinds: ['threat-mitigation-test'],
  },
  {
    id: 'vulnerability-testing',
    title: 'Vulnerability testing',
    purpose:
      'Abuse and misuse cases, malformed inputs and fuzzing, attack surface analysis, vulnerability chaining, known-vulnerability scanning, binary software composition analysis, static and dynamic analysis.',
    kinds: [
      'fuzz-test',
      'robustness-test',
      'abuse-case-test',
      'attack-surface-analysis',
      'vulnerability-scan',
      'binary-sca',
      'sast',
      'dast',
      'credential-scan',
      'code-review',
    ],
  },
  {
    id: 'penetration-testing',
    title: 'Penetration testing',
    purpose: 'Testing that attempts to exploit the device as an attacker would.',
    kinds: ['penetration-test'],
  },
]

const COLUMNS = [
  column('id', 'Verification', 'text', 22),
  column('name', 'Test', 'text', 28),
  column('kind', 'Kind', 'text', 16),
  column('controls', 'Controls verified', 'text', 24),
  column('performedBy', 'Tested by', 'text', 18),
  column('independence', 'Independence', 'text', 14),
  column('tool', 'Tool, version, settings', 'text', 22),
  column('release', 'Release', 'text', 10),
  column('date', 'Date', 'date', 11),
  column('verdict', 'Result', 'text', 10),
  column('summary', 'Findings', 'text', 36),
  column('report', 'Report', 'text', 16),
]

/** One row per result; a verification without results gets one row that says so. */
const rowsOf = (verification: Verification): Row[] => {
  const base = {
    id: verification.id,
    name: verification.name,
    kind: verification.kind,
    controls: joined(verification.controls),
    performedBy: orNeedsInput(verification.performedBy),
    independence: verification.independence ?? NEEDS_INPUT,
    tool: orNeedsInput(verification.tool),
  }
  const results = [...(verification.results ?? [])].sort(
    (a, b) => byText(a.date, b.date) || byText(a.release, b.release),
  )
  if (results.length === 0) {
    return [{ ...base, release: '', date: null, verdict: NEEDS_INPUT, summary: '', report: '' }]
  }
  return results.map((result) => ({
    ...base,
    release: result.release,
    date: result.date,
    verdict: result.verdict,
    summary: result.summary?.trim() ?? '',
    report: result.report ?? '',
  }))
}

const group = (ctx: ReportContext, entry: (typeof GROUPS)[number]): DocumentSection => {
  const verifications = ctx.model.verifications
    .filter((verification) => entry.kinds.includes(verification.kind))
    .sort((a, b) => byText(a.id, b.id))
  return section(entry.id, entry.title, [
    paragraph(entry.purpose),
    verifications.length === 0
      ? needsInput(
          `No ${entry.title.toLowerCase()} is recorded in the device model (verifications of kind ${entry.kinds.join(', ')}).`,
        )
      : table({
          title: entry.title,
          columns: COLUMNS,
          rows: verifications.flatMap(rowsOf),
          alertCell: (row, key) => key === 'verdict' && row['verdict'] === 'fail',
        }),
  ])
}

const gaps = (ctx: ReportContext): DocumentSection => {
  const { coverage } = ctx
  return section('gaps', 'Controls without verification', [
    coverage.controlsWithoutVerification.length === 0
      ? paragraph('Every control is named by at least one verification.')
      : table({
          title: 'Controls without verification',
          columns: [
            column('control', 'Control', 'text', 24),
            column('name', 'Name', 'text', 36),
            column('category', 'FDA category', 'text', 24),
            column('status', 'Status', 'text', 12),
          ],
          rows: coverage.controlsWithoutVerification.map((item) => ({
            control: item.control,
            name: item.name,
            category: item.category,
            status: item.status,
          })),
          gapCell: (_row, key) => key === 'control',
        }),
    ...(coverage.controlsFailingVerification.length === 0
      ? []
      : [
          table({
            title: 'Failing verifications',
            columns: [
              column('control', 'Control', 'text', 24),
              column('verification', 'Verification', 'text', 24),
              column('release', 'Release', 'text', 10),
              column('date', 'Date', 'date', 11),
              column('summary', 'Findings', 'text', 40),
            ],
            rows: coverage.controlsFailingVerification.map((item) => ({
              control: item.control,
              verification: item.verification,
              release: item.release,
              date: item.date,
              summary: item.summary?.trim() ?? NEEDS_INPUT,
            })),
            alertRow: () => true,
          }),
        ]),
  ])
}

/** FDA's elements of a penetration test report, checked against what each test records. */
const penTestChecklist = (ctx: ReportContext): DocumentSection => {
  const tests = ctx.model.verifications
    .filter((verification) => verification.kind === 'penetration-test')
    .sort((a, b) => byText(a.id, b.id))
  const recorded = (value: string | undefined): string => orNeedsInput(value)
  const rows = tests.flatMap((test) => {
    const results = test.results ?? []
    const scope = joined([...(test.controls ?? []), ...(test.threats ?? [])])
    return [
      { test: test.id, element: 'Tester independence', recorded: recorded(test.independence) },
      {
        test: test.id,
        element: 'Tester expertise',
        recorded: recorded(
          test.performedBy === undefined
            ? test.testerQualifications
            : `${test.performedBy}; ${test.testerQualifications?.trim() ?? 'qualifications: needs input (testerQualifications)'}`,
        ),
      },
      {
        test: test.id,
        element: 'Scope',
        recorded: recorded(
          [test.scope?.trim(), scope === '' ? undefined : `covers ${scope}`]
            .filter((part) => part !== undefined)
            .join('; ') || undefined,
        ),
      },
      { test: test.id, element: 'Duration', recorded: recorded(test.duration) },
      { test: test.id, element: 'Methods and tools', recorded: recorded(test.tool) },
      {
        test: test.id,
        element: 'Results, findings and observations',
        recorded: recorded(
          results
            .map(
              (result) =>
                `${result.release} ${result.date}: ${result.verdict}${result.summary === undefined ? '' : ` (${result.summary.trim()})`}`,
            )
            .join('; '),
        ),
      },
      {
        test: test.id,
        element: 'Original test report',
        recorded: recorded(
          joined(results.flatMap((result) => (result.report === undefined ? [] : [result.report]))),
        ),
      },
    ]
  })
  return section('penetration-test-report', 'Penetration test report elements', [
    paragraph(
      'FDA asks a penetration test report to state the independence and expertise of the testers, the scope, the duration, the methods and the results, findings and observations, and to include the original third-party report.',
    ),
    tests.length === 0
      ? needsInput(
          'No penetration test is recorded in the device model (verifications of kind penetration-test).',
        )
      : table({
          title: 'Penetration test checklist',
          columns: [
            column('test', 'Penetration test', 'text', 22),
            column('element', 'Report element', 'text', 30),
            column('recorded', 'What the model records', 'text', 60),
          ],
          rows,
        }),
  ])
}

export const buildSecurityTestingSummary = (ctx: ReportContext): DeliverablePart =>
  fdaDocument(ctx, 'security-testing-summary', [
    section('overview', 'Overview', [
      paragraph(
        `${countOf(ctx.model.verifications.length, 'verification')} recorded for ${ctx.model.product.name}; this summary documents ${releasePhrase(ctx)} and lists every result with who tested, their independence and the tool used. Rationale for findings not fixed is in ${cite('known-vulnerabilities')} and ${cite('cybersecurity-risk-assessment')}.`,
      ),
    ]),
    ...GROUPS.map((entry) => group(ctx, entry)),
    gaps(ctx),
    penTestChecklist(ctx),
  ])
