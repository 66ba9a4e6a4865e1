import { needsInput, paragraph, section, type DocumentSection } from '../../documents/index.js'
import type { DeliverablePart } from '../deliverable.js'
import type { ReportContext } from '../report-context.js'
import { fdaDocument, releasePhrase } from './fda-document.js'
import { documentedRelease, releaseComponents } from './release-scope.js'
import { column, countOf, NEEDS_INPUT, orNeedsInput, table } from './table-helpers.js'

/** Support as of the document date: past end of support is the alert FDA's addendum exists for. */
const supportState = (endOfSupport: string | undefined, date: string): string => {
  if (endOfSupport === undefined) return NEEDS_INPUT
  return endOfSupport < date ? 'past end of support' : 'supported'
}

const components = (ctx: ReportContext): DocumentSection => {
  const list = releaseComponents(ctx)
  const past = list.filter((c) => c.endOfSupport !== undefined && c.endOfSupport < ctx.date)
  const unknown = list.filter((c) => c.supportLevel === 'unknown' || c.endOfSupport === undefined)
  return section('components', 'Components with support level and end of support', [
    paragraph(
      `${countOf(list.length, 'component')} of ${releasePhrase(ctx)}, with the baseline SBOM attributes and, per component, the level of support and the end-of-support date FDA asks for (section V.A.4). Support is judged as of ${ctx.date}: ${countOf(past.length, 'component is', 'components are')} past the supplier's end of support, and ${countOf(unknown.length, 'component lacks', 'components lack')} a support level or date.`,
    ),
    table({
      title: 'SBOM',
      columns: [
        column('id', 'Component', 'text', 22),
        column('name', 'Name', 'text', 22),
        column('version', 'Version', 'text', 12),
        column('kind', 'Kind', 'text', 12),
        column('supplier', 'Supplier', 'text', 20),
        column('identifier', 'purl or CPE', 'text', 40),
        column('license', 'Licence', 'text', 16),
        column('supportLevel', 'Level of support', 'text', 16),
        column('endOfSupport', 'End of support', 'date', 11),
        column('support', 'Support on the date', 'text', 16),
      ],
      rows: list.map((component) => ({
        id: component.id,
        name: component.name,
        version: component.version,
        kind: component.kind,
        supplier: orNeedsInput(component.supplier),
        identifier: orNeedsInput(component.purl ?? component.cpe),
        license: orNeedsInput(component.license),
        supportLevel: component.supportLevel === 'unknown' ? NEEDS_INPUT : component.supportLevel,
        endOfSupport: component.endOfSupport ?? null,
        support: supportState(component.endOfSupport, ctx.date),
      })),
      gapCell: (row, key) => key === 'endOfSupport' && row['endOfSupport'] === null,
      alertCell: (row, key) =>
        (key === 'endOfSupport' || key === 'support') && row['support'] === 'past end of support',
      notes: [
        `Support judged as of ${ctx.date}.`,
        'Level of support as FDA names it: actively maintained, no longer maintained, abandoned.',
      ],
    }),
  ])
}

const files = (ctx: ReportContext): DocumentSection => {
  const named = documentedRelease(ctx)?.sboms
  const sboms = ctx.model.sboms.filter((sbom) => named === undefined || named.includes(sbom.id))
  return section('machine-readable', 'Machine-readable SBOM', [
    paragraph(
      'The machine-readable SBOM (CycloneDX, carrying the support level and end-of-support date of each component) is delivered with this submission as the SBOM deliverable. The supplier SBOM files the model draws on:',
    ),
    sboms.length === 0
      ? needsInput(`No SBOM file is declared for ${releasePhrase(ctx)} (sboms, releases[].sboms).`)
      : table({
          title: 'SBOM files',
          columns: [
            column('id', 'SBOM', 'text', 24),
            column('format', 'Format', 'text', 14),
            column('path', 'File', 'text', 40),
            column('elements', 'Describes', 'text', 30),
          ],
          rows: sboms.map((sbom) => ({
            id: sbom.id,
            format: sbom.format,
            path: sbom.path,
            elements: (sbom.elements ?? []).join(', '),
          })),
        }),
  ])
}

export const buildSbomSupport = (ctx: ReportContext): DeliverablePart =>
  fdaDocument(ctx, 'sbom-support', [components(ctx), files(ctx)])
