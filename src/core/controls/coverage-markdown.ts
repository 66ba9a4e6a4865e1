import type { CoverageReport, UncontrolledReason } from './control-coverage.js'

/**
 * Text from the model made safe for one Markdown table cell or heading: backslashes, pipes and
 * angle brackets escaped (so no text can end a cell or become HTML), line breaks folded to
 * spaces.
 */
export const markdownCell = (text: string): string =>
  text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '\\<')
    .replace(/>/g, '\\>')
    .replace(/\r\n|\r|\n/g, ' ')

const table = (headers: readonly string[], rows: readonly (readonly string[])[]): string[] =>
  rows.length === 0
    ? ['None.']
    : [
        `| ${headers.join(' | ')} |`,
        `| ${headers.map(() => '---').join(' | ')} |`,
        ...rows.map((row) => `| ${row.map(markdownCell).join(' | ')} |`),
      ]

const list = (ids: readonly string[]): string => (ids.length === 0 ? '-' : ids.join(', '))

const REASON_TEXT: Readonly<Record<UncontrolledReason, string>> = {
  'open-without-control': 'open, no control linked',
  'mitigated-without-control': 'marked mitigated, but no control linked',
}

/** The coverage report as a Markdown document of headings and tables; plain text, no HTML. */
export const coverageMarkdown = (report: CoverageReport): string => {
  const { totals } = report
  const lines = [
    `# Control coverage: ${markdownCell(report.product.name)}`,
    '',
    ...table(
      ['Measure', 'Count'],
      [
        ['Threats', totals.threats],
        ['Controls', totals.controls],
        ['Verifications', totals.verifications],
        ['Threats without a control', totals.threatsWithoutControl],
        ['Controls without a verification', totals.controlsWithoutVerification],
        ['Controls failing their last verification', totals.controlsFailingVerification],
        ['FDA control categories without a control', totals.emptyCategories],
        ['Security capabilities without a control', totals.emptyCapabilities],
        ['Controls naming their security capabilities', totals.controlsNamingCapabilities],
      ].map(([measure, count]) => [String(measure), String(count)]),
    ),
    '',
    '## Threats without a control',
    '',
    ...table(
      ['Threat', 'Title', 'Element', 'Finding'],
      report.threatsWithoutControl.map((t) => [
        t.threat,
        t.title,
        t.element,
        REASON_TEXT[t.reason],
      ]),
    ),
    '',
    '## Controls without a verification',
    '',
    ...table(
      ['Control', 'Name', 'Category', 'Status'],
      report.controlsWithoutVerification.map((c) => [c.control, c.name, c.category, c.status]),
    ),
    '',
    '## Controls failing their last verification',
    '',
    ...table(
      ['Control', 'Name', 'Verification', 'Release', 'Date', 'Summary'],
      report.controlsFailingVerification.map((f) => [
        f.control,
        f.name,
        f.verification,
        f.release,
        f.date,
        f.summary ?? '',
      ]),
    ),
    '',
    '## FDA control categories without a control',
    '',
    ...table(
      ['Category', 'Name'],
      report.emptyCategories.map((c) => [c.category, c.name]),
    ),
    '',
    '## Security capabilities without a control',
    '',
    ...(totals.controlsNamingCapabilities === 0 && totals.controls > 0
      ? [
          'No control names the security capabilities it provides (field capabilities), so ' +
            'every capability counts as without a control.',
        ]
      : table(
          ['Capability', 'Name'],
          report.emptyCapabilities.map((c) => [c.capability, c.name]),
        )),
    '',
    '## FDA control categories (premarket guidance section V.B)',
    '',
    ...table(
      ['Category', 'Name', 'Count', 'Controls'],
      report.categories.map((c) => [c.category, c.name, String(c.count), list(c.controls)]),
    ),
    '',
    '## Security capabilities (IEC TR 80001-2-2, MDS2 sections)',
    '',
    ...table(
      ['Capability', 'Name', 'Count', 'Controls'],
      report.capabilities.map((c) => [c.capability, c.name, String(c.count), list(c.controls)]),
    ),
    '',
    '## Controls and the threats they mitigate',
    '',
    ...table(
      ['Control', 'Threats'],
      report.controlThreats.map((link) => [link.control, list(link.threats)]),
    ),
    '',
    '## Threats and their controls',
    '',
    ...table(
      ['Threat', 'Controls'],
      report.threatControls.map((link) => [link.threat, list(link.controls)]),
    ),
  ]
  if (report.unknownThreatLinks.length > 0) {
    lines.push(
      '',
      '## Controls naming threats that are not in the threat list',
      '',
      ...table(
        ['Control', 'Threat'],
        report.unknownThreatLinks.map((link) => [link.control, link.threat]),
      ),
    )
  }
  return `${lines.join('\n')}\n`
}
