import { describe, expect, it } from 'vitest'

import { EXAMPLES_DIR, exampleNames } from '../../../test/support/model-folders.js'
import { nodeIo } from '../../cli/node-io.js'
import { loadDeviceModel } from '../../formats/index.js'
import type { DeviceModel } from '../model/index.js'
import { BUILT_IN_RULES, generateThreats } from '../threats/index.js'
import { computeControlCoverage } from './control-coverage.js'
import { coverageMarkdown } from './coverage-markdown.js'

const DATE = '2026-11-28'

/** Loads an example the way the CLI does: through the FileReader over node:fs. */
const loadExample = async (name: string): Promise<DeviceModel> => {
  const loaded = await loadDeviceModel(`${EXAMPLES_DIR}/${name}/medcyber.yaml`, nodeIo().reader)
  expect(loaded.issues.filter((issue) => issue.severity === 'error')).toEqual([])
  if (loaded.model === undefined) throw new Error(`example ${name} does not load`)
  return loaded.model
}

describe.each(exampleNames())('control coverage of the example %s', (name) => {
  it('reads sensibly for no release and for each release', async () => {
    const model = await loadExample(name)
    for (const release of [undefined, ...model.releases.map((r) => r.version)]) {
      const threats = generateThreats(model, BUILT_IN_RULES, {
        date: DATE,
        ...(release === undefined ? {} : { release }),
      })
      const report = computeControlCoverage(model, threats)
      const { totals } = report
      const at = `${name} ${release ?? '(no release)'}`

      expect(totals.threats, at).toBe(threats.length)
      expect(totals.controls, at).toBe(model.controls.length)
      expect(totals.threatsWithoutControl, at).toBeGreaterThan(0)
      expect(totals.threatsWithoutControl, at).toBeLessThan(totals.threats)

      // Exactly the open (or inconsistently mitigated) threats with no control are reported.
      const uncontrolled = threats.filter(
        (t) => t.controls.length === 0 && (t.status === 'open' || t.status === 'mitigated'),
      )
      expect(
        report.threatsWithoutControl.map((t) => t.threat),
        at,
      ).toEqual(uncontrolled.map((t) => t.id))

      // Every control is in exactly one category; capability counts add up to what controls name.
      expect(
        report.categories.reduce((sum, c) => sum + c.count, 0),
        at,
      ).toBe(totals.controls)
      expect(
        report.capabilities.reduce((sum, c) => sum + c.count, 0),
        at,
      ).toBe(model.controls.reduce((sum, c) => sum + (c.capabilities?.length ?? 0), 0))
      expect(report.emptyCategories, at).toEqual(report.categories.filter((c) => c.count === 0))
      expect(totals.emptyCategories + report.categories.filter((c) => c.count > 0).length).toBe(8)

      // Verified and unverified controls partition the controls.
      const verified = new Set(model.verifications.flatMap((v) => v.controls ?? []))
      expect(totals.controlsWithoutVerification + verified.size, at).toBe(totals.controls)
      const releases = new Set(model.releases.map((r) => r.version))
      for (const failure of report.controlsFailingVerification) {
        expect(verified.has(failure.control), at).toBe(true)
        expect(releases.has(failure.release), at).toBe(true)
        const scope = model.controls.find((c) => c.id === failure.control)?.releases
        if (scope !== undefined) expect(scope, at).toContain(failure.release)
      }

      // The two directions of the links are the same set of pairs, and name what exists.
      const fromControls = report.controlThreats.flatMap((l) =>
        l.threats.map((t) => `${l.control} ${t}`),
      )
      const fromThreats = report.threatControls.flatMap((l) =>
        l.controls.map((c) => `${c} ${l.threat}`),
      )
      expect([...fromControls].sort(), at).toEqual([...fromThreats].sort())
      expect(fromControls.length, at).toBeGreaterThan(0)
      expect(
        report.controlThreats.map((l) => l.control),
        at,
      ).toEqual(model.controls.map((c) => c.id).sort())
      expect(
        report.threatControls.map((l) => l.threat),
        at,
      ).toEqual(threats.map((t) => t.id))
      expect(report.unknownThreatLinks, at).toEqual([])

      const text = coverageMarkdown(report)
      expect(text.startsWith(`# Control coverage: ${model.product.name}\n`), at).toBe(true)
      expect(text).toBe(coverageMarkdown(computeControlCoverage(model, [...threats].reverse())))
    }
  })
})
