import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'

import { minimalModel } from '../../../test/support/minimal-model.js'
import { writeFolder } from '../../../test/support/model-folders.js'
import { runCli } from '../../../test/support/run-cli.js'
import { DEFAULT_RISK_POLICY } from '../../core/index.js'

const SBOM = JSON.stringify({
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  components: [
    { 'bom-ref': 'rtos', name: 'FreeRTOS', purl: 'pkg:github/freertos/freertos-kernel@10.4.3' },
  ],
})

// 8.8 under CVSS 3.1: remotely reachable over BLE, no privileges, integrity and availability high.
const ADJACENT = 'CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'

/** A model folder with one threat risk (controlled) and one finding risk (uncontrolled or not). */
const modelFolder = (options: { uncontrolled: boolean; extra?: Record<string, unknown> }) => {
  const model = {
    ...minimalModel(),
    threatAssessments: [
      {
        threat: 'command-replay',
        status: 'mitigated',
        rationale: 'Signed commands with counters',
        controls: ['signed-commands'],
        hazardousSituations: ['rogue-bolus'],
        risk: {
          before: { cvss: ADJACENT },
          after: { exploitability: 'low' },
          acceptance: {
            rationale: 'Residual replay needs physical proximity and a broken counter',
            approvedBy: 'R. Manager, risk review board',
            date: '2026-06-01',
            reReview: '2027-06-01',
          },
        },
      },
    ],
    findingAssessments: [
      {
        finding: 'CVE-2018-16525@freertos',
        status: 'affected',
        identified: '2026-11-10',
        hazardousSituations: ['rogue-bolus'],
        risk: options.uncontrolled
          ? { before: { cvss: ADJACENT } }
          : {
              before: { cvss: ADJACENT },
              after: { exploitability: 'low', severity: 'negligible' },
            },
        ...(options.uncontrolled ? {} : { controls: ['signed-commands'] }),
      },
    ],
    ...options.extra,
  }
  return writeFolder(
    new Map([
      ['medcyber.yaml', stringify(model)],
      ['pump.cdx.json', SBOM],
    ]),
  )
}

describe('medcyber risk', () => {
  it('prints the register worst first, with the FDA clocks of an uncontrolled finding', async () => {
    const folder = modelFolder({ uncontrolled: true })
    const result = await runCli(['risk', folder])
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    const lines = result.stdout.split('\n')
    expect(lines[0]).toBe('Security risk register: Test Pump, 2026-11-28')
    expect(result.stdout).toContain(
      '! CVE-2018-16525@freertos  [finding, affected]\n    CVE-2018-16525 in FreeRTOS 10.4.3\n    before controls: high x catastrophic (uncontrolled); after: high x catastrophic -> uncontrolled',
    )
    expect(result.stdout).toContain(
      'due 2026-12-10 (open, 12 days left): Communicate the vulnerability',
    )
    expect(result.stdout).toContain('due 2027-01-09 (open, 42 days left): Fix the vulnerability')
    expect(result.stdout).toContain(
      'acceptable: yes, accepted by R. Manager, risk review board until 2027-06-01',
    )
    expect(result.stdout.indexOf('CVE-2018-16525')).toBeLessThan(
      result.stdout.indexOf('command-replay'),
    )
  })

  it('prints the JSON register with the fields scripts rely on', async () => {
    const result = await runCli(['risk', modelFolder({ uncontrolled: true }), '--json'])
    const json = JSON.parse(result.stdout) as {
      risks: Record<string, unknown>[]
      policy: { id: string; safetyProbability: { convention: string } }
    }
    expect(json.policy).toMatchObject({
      id: 'medcyber-example-policy',
      safetyProbability: { convention: 'worst-case' },
    })
    const finding = json.risks.find((risk) => risk['source'] === 'finding')
    expect(finding).toMatchObject({
      id: 'CVE-2018-16525@freertos',
      title: 'CVE-2018-16525 in FreeRTOS 10.4.3',
      source: 'finding',
      exploitability: 'high',
      severity: 'catastrophic',
      controlStatus: 'uncontrolled',
      acceptable: false,
      residual: { exploitability: 'high', severity: 'catastrophic', controlStatus: 'uncontrolled' },
      deadlines: [
        { id: 'fda-uncontrolled-risk-communication', due: '2026-12-10', state: 'open' },
        { id: 'fda-uncontrolled-risk-remediation', due: '2027-01-09', state: 'open' },
      ],
    })
  })

  it('gates a pipeline: exit 1 while a risk at or above the threshold remains', async () => {
    const uncontrolled = modelFolder({ uncontrolled: true })
    const controlled = modelFolder({ uncontrolled: false })
    const gate = async (folder: string, threshold: string) =>
      (await runCli(['risk', folder, '--fail-on', threshold])).code
    expect(await gate(uncontrolled, 'uncontrolled')).toBe(1)
    expect(await gate(controlled, 'uncontrolled')).toBe(0)
    expect(await gate(controlled, 'unacceptable')).toBe(0)
    // The minimal model's generated threats are not evaluated yet.
    expect(await gate(controlled, 'unevaluated')).toBe(1)
    const result = await runCli(['risk', uncontrolled, '--fail-on', 'unacceptable'])
    expect(result.stderr).toBe(
      "medcyber: risk gate 'unacceptable' failed: 1 uncontrolled, 1 not acceptable\n",
    )
  })

  it("reads the model's own policy and places policy errors at their line", async () => {
    const folder = modelFolder({ uncontrolled: false, extra: { riskPolicy: 'policy.yaml' } })
    const policy = structuredClone(DEFAULT_RISK_POLICY)
    policy.id = 'acme-policy'
    writeFileSync(path.join(folder, 'policy.yaml'), stringify(policy))
    const good = await runCli(['risk', folder, '--json'])
    expect(good.code).toBe(0)
    expect((JSON.parse(good.stdout) as { policy: { id: string } }).policy.id).toBe('acme-policy')

    policy.controlMatrix.high = ['C', 'U', 'C', 'U', 'U']
    writeFileSync(path.join(folder, 'policy.yaml'), stringify(policy))
    const bad = await runCli(['risk', folder])
    expect(bad.code).toBe(2)
    const line =
      readFileSync(path.join(folder, 'policy.yaml'), 'utf8')
        .split('\n')
        .findIndex((text) => text.startsWith('  high:')) + 4
    expect(bad.stderr).toContain(
      `${path.join(folder, 'policy.yaml')}:${String(line)}:7: error: controlMatrix rates 'high' better at a higher severity (U then C)`,
    )
    expect(bad.stderr).toContain('is not a valid model')
    // validate reads the policy too, so a broken policy fails the model before any register.
    const validate = await runCli(['validate', folder])
    expect(validate.code).toBe(2)
    expect(validate.stdout).toContain('[policy/matrix-not-monotone]')
  })

  it('validates the exploitability levels a model names against its policy', async () => {
    const folder = modelFolder({
      uncontrolled: false,
      extra: {
        threatAssessments: [
          {
            threat: 'command-replay',
            status: 'mitigated',
            rationale: 'r',
            hazardousSituations: ['rogue-bolus'],
            risk: { before: { exploitability: 'moderate' } },
          },
        ],
      },
    })
    const result = await runCli(['validate', folder])
    expect(result.code).toBe(2)
    expect(result.stdout).toMatch(
      /medcyber\.yaml:\d+:\d+: error: exploitability 'moderate' is not a level of risk policy 'medcyber-example-policy' \(low, medium, high, very-high\) \[model\/unknown-exploitability-level\]/,
    )
  })

  it('refuses a policy path that leaves the model folder', async () => {
    const folder = modelFolder({ uncontrolled: false, extra: { riskPolicy: '../policy.yaml' } })
    const result = await runCli(['risk', folder])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain("risk policy path '../policy.yaml' leaves the model folder")
  })

  it('places warnings about evaluations in the model file', async () => {
    // A threat marked accepted without a recorded acceptance.
    const folder = modelFolder({
      uncontrolled: false,
      extra: {
        threatAssessments: [
          {
            threat: 'command-replay',
            status: 'accepted',
            rationale: 'r',
            hazardousSituations: ['rogue-bolus'],
            risk: { before: { exploitability: 'low' } },
          },
        ],
      },
    })
    const result = await runCli(['risk', folder])
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(
      /medcyber\.yaml:\d+:\d+: warning: threat 'command-replay' is marked accepted, but its risk has no acceptance with rationale, approver and re-review date \[risk\/accepted-without-acceptance\]\n {4}at \$\.threatAssessments\[0\]\.risk/,
    )
  })

  it('exports the security-caused safety risk entries as CSV, xlsx and JSON', async () => {
    const folder = modelFolder({ uncontrolled: true })
    for (const name of ['safety.csv', 'safety.xlsx', 'safety.json']) {
      const result = await runCli(['risk', folder, '--safety-export', path.join(folder, name)])
      expect(result.code).toBe(0)
      expect(result.stderr).toContain('wrote 2 security-caused safety risk entries')
    }
    const csv = readFileSync(path.join(folder, 'safety.csv'), 'utf8').split('\r\n')
    expect(csv[0]).toContain('Security risk,Source,Threat or vulnerability,Link,Hazard')
    expect(csv[1]).toContain('command-replay,threat,Replay of a bolus command,linked')

    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(path.join(folder, 'safety.xlsx'))
    const sheet = workbook.worksheets[0]
    expect(sheet?.getCell('A3').value).toBe('CVE-2018-16525@freertos')
    expect(workbook.worksheets.map((ws) => ws.name)).toContain('Notes')

    const json = JSON.parse(readFileSync(path.join(folder, 'safety.json'), 'utf8')) as {
      notes: string[]
      entries: Record<string, unknown>[]
    }
    expect(json.entries[1]).toMatchObject({
      securityRisk: 'CVE-2018-16525@freertos',
      hazardousSituation: 'rogue-bolus: Unintended bolus',
      p1Before: '1',
      controlStatus: 'uncontrolled',
      acceptable: false,
    })
    expect(json.notes.join(' ')).toContain(
      'P1 (probability that the hazardous situation occurs) is set to 1',
    )

    const wrong = await runCli(['risk', folder, '--safety-export', path.join(folder, 'x.pdf')])
    expect(wrong.code).toBe(2)
  })
})
