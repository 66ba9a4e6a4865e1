import { describe, expect, it } from 'vitest'

import { exampleNames } from '../../../../test/support/model-folders.js'
import { exampleReportContext } from '../../../../test/support/report-context.js'
import { tablesOf, type DocumentTree } from '../../documents/index.js'
import { isPartOfDevice } from '../../model/index.js'
import { LABELING_TEXT, buildLabeling } from './index.js'

const treeOf = (parts: ReturnType<typeof buildLabeling>): DocumentTree => {
  const [part] = parts
  if (part?.kind !== 'document') throw new Error('no document')
  return part.tree
}

const SECTION_IDS = [
  'interfaces',
  'user-controls',
  'infrastructure',
  'sbom',
  'updates',
  'anomalies',
  'backup',
  'secure-configuration',
  'support',
  'decommissioning',
]

describe.each(exampleNames())('customer security documentation of %s', (name) => {
  it.each(['en', 'ja'] as const)('has every FDA labeling section in %s', async (language) => {
    const ctx = await exampleReportContext(name, { language })
    const tree = treeOf(buildLabeling(ctx))
    expect(tree).toMatchObject({
      id: 'labeling-security',
      language,
      title: LABELING_TEXT[language].title,
    })
    expect(tree.sections.map((part) => part.id)).toEqual(SECTION_IDS)
    const decommissioning = tree.sections.find((part) => part.id === 'decommissioning')
    expect(decommissioning?.blocks[0]?.kind).toBe('needs-input')
    expect(buildLabeling(ctx)).toEqual(buildLabeling(ctx))
  })

  it('lists the device ports with their status and each release support dates', async () => {
    const ctx = await exampleReportContext(name)
    const tree = treeOf(buildLabeling(ctx))
    const device = new Set(ctx.model.elements.filter(isPartOfDevice).map((element) => element.id))
    const interfaces = ctx.model.interfaces.filter(
      (item) =>
        device.has(item.element) &&
        (item.releases === undefined || item.releases.includes(ctx.release ?? '')),
    )
    const tables = tablesOf(tree)
    const listed = tables
      .filter((block) => block.table.columns.some((column) => column.key === 'destinations'))
      .flatMap((block) => block.table.rows)
    expect(listed).toHaveLength(interfaces.length)
    for (const item of interfaces) {
      expect(listed).toContainEqual(
        expect.objectContaining({ interface: item.name ?? item.id, status: item.status }),
      )
    }
    const support = tables.find((block) => block.table.title === LABELING_TEXT.en.tables.support)
    for (const release of ctx.model.releases) {
      expect(support?.table.rows).toContainEqual(
        expect.objectContaining({
          release: release.version,
          endOfSupport: release.milestones?.endOfSupport ?? null,
        }),
      )
    }
  })
})

describe('Japanese labeling catalogue', () => {
  it('translates every entry the English one has', () => {
    const keys = (value: object): string[] =>
      Object.entries(value).flatMap(([key, inner]) =>
        typeof inner === 'object' && inner !== null
          ? keys(inner as object).map((k) => `${key}.${k}`)
          : [key],
      )
    expect(keys(LABELING_TEXT.ja).sort()).toEqual(keys(LABELING_TEXT.en).sort())
    expect(LABELING_TEXT.ja.sections.sbom).toBe('ソフトウェア部品表(SBOM)')
  })
})
