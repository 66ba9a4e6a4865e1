import {
  bulletList,
  code,
  paragraph,
  section,
  type DocumentLanguage,
  type DocumentSection,
  type DocumentTree,
  type Inline,
} from '../documents/index.js'
import type { DeviceModel } from '../model/index.js'
import { scoreCvss } from '../risk/index.js'
import { NOTICE_TEXT, type NoticeText } from './notice-text.js'
import type { DisclosureReport } from './report.js'

export interface CustomerNoticeInput {
  readonly report: DisclosureReport
  readonly model: DeviceModel
  readonly language: DocumentLanguage
  /** YYYY-MM-DD the notice is issued as of. */
  readonly date: string
}

const severitySection = (report: DisclosureReport, t: NoticeText): DocumentSection => {
  const scored = report.cvssVector === null ? undefined : scoreCvss(report.cvssVector)
  const items: Inline[][] = []
  if (scored?.ok === true) {
    const { version, baseScore, severity } = scored.value
    items.push([t.cvss(version, baseScore.toFixed(1), t.severityNames[severity] ?? severity)])
    items.push([`${t.vector} `, code(scored.value.vector)])
  }
  if (report.cveId !== null) items.push([`${t.cve} `, code(report.cveId)])
  if (report.cwe !== null) items.push([`${t.cwe} ${report.cwe.id} ${report.cwe.name}`])
  return section(
    'severity',
    t.severityHeading,
    items.length === 0 ? [paragraph(t.noScore)] : [bulletList(items)],
  )
}

const actionSection = (report: DisclosureReport, model: DeviceModel, t: NoticeText) =>
  section('action', t.actionHeading, [
    ...(report.fixedIn === null ? [] : [paragraph(t.update(report.fixedIn, model.product.name))]),
    ...(report.remediation === null ? [] : [paragraph(report.remediation)]),
    ...(report.fixedIn === null && report.remediation === null ? [paragraph(t.noAction)] : []),
    ...(report.publicDisclosureDate === null
      ? []
      : [paragraph(t.disclosureDate(report.publicDisclosureDate))]),
  ])

/**
 * The notice customers get about a vulnerability found through coordinated disclosure, drawn
 * from the same decisions as the CSAF draft: what is affected, how severe, what to do (IMDRF N60
 * asks for the CVSS score, the remediation and interim mitigations), whom to thank and to ask.
 * It leaves out the finder's own description, which may carry exploit details.
 */
export const buildCustomerNotice = ({
  report,
  model,
  language,
  date,
}: CustomerNoticeInput): DocumentTree => {
  const t = NOTICE_TEXT[language]
  const { manufacturer } = model.product
  const affected = report.affectedReleases.filter((release) => release !== report.fixedIn)
  const credited = report.creditReporter ? report.reporterName : null
  return {
    id: `security-notice-${report.id}`,
    title: t.title(report.title),
    language,
    date,
    product: model.product.name,
    modelNumbers: model.product.modelNumbers,
    manufacturer: manufacturer.name,
    sections: [
      section('summary', t.summaryHeading, [
        paragraph(t.summary(manufacturer.name, model.product.name)),
        paragraph(t.tracking(report.id)),
      ]),
      section('releases', t.releasesHeading, [
        paragraph(
          t.affected,
          ' ',
          ...affected.flatMap((release, index) => [...(index === 0 ? [] : [', ']), code(release)]),
        ),
        paragraph(report.fixedIn === null ? t.noFix : t.fixedIn(report.fixedIn)),
      ]),
      severitySection(report, t),
      actionSection(report, model, t),
      ...(credited !== null
        ? [section('thanks', t.thanksHeading, [paragraph(t.thanks(credited))])]
        : []),
      section('contact', t.contactHeading, [
        paragraph(
          manufacturer.securityContact === undefined
            ? t.noContact
            : t.contact(manufacturer.securityContact),
        ),
      ]),
    ],
  }
}
