import { readdirSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'

import { err, ok, parseDeviceModel, type Result } from '../../core/index.js'
import { memoryReader } from '../../../test/support/memory-reader.js'
import { testdataPath } from '../../../test/support/testdata.js'
import { importThreagile, includeReader, type ReadInclude } from './import-threagile.js'

const ROOT = testdataPath('threagile')

/** Every YAML and JSON file of the Threagile test data, relative to its folder. */
const fixtures = (): string[] => {
  const found: string[] = []
  const walk = (relative: string): void => {
    for (const entry of readdirSync(path.join(ROOT, relative), { withFileTypes: true })) {
      const child = path.join(relative, entry.name)
      if (entry.isDirectory()) walk(child)
      else if (
        /\.(ya?ml|json)$/.test(entry.name) &&
        child !== path.join('support', 'schema.json')
      ) {
        found.push(child)
      }
    }
  }
  walk('')
  return found.sort()
}

/** Files another fixture includes: parts of a model, not models. */
const includedParts = (files: readonly string[]): Set<string> =>
  new Set(
    files.flatMap((file) => {
      const content: unknown = file.endsWith('.json')
        ? undefined
        : parse(readFileSync(path.join(ROOT, file), 'utf8'))
      const includes = (content as { includes?: unknown } | null)?.includes
      return Array.isArray(includes)
        ? includes.map((include) => path.join(path.dirname(file), String(include)))
        : []
    }),
  )

/**
 * Fixtures that are not Threagile input models, with the error code the import must give. A new
 * fixture not listed here must import.
 */
const NOT_MODELS: Readonly<Record<string, string>> = {
  // Threagile's output: the model after parsing, rendered as JSON and YAML.
  'test/all.json': 'import/threagile-parsed-model',
  'test/parsed-model.json': 'import/threagile-parsed-model',
  'test/parsed-model.yaml': 'import/threagile-parsed-model',
  // A risk script for Threagile's rule engine.
  'test/risk-category.yaml': 'import/not-threagile',
}

const readFromDisk: ReadInclude = async (file) => {
  try {
    return ok(await readFile(file, 'utf8'))
  } catch (error) {
    return err(String(error))
  }
}

const importFixture = async (file: string) => {
  const full = path.join(ROOT, file)
  return importThreagile(await readFile(full, 'utf8'), full, readFromDisk)
}

const files = fixtures()
const parts = includedParts(files)
const models = files.filter((file) => !parts.has(file) && NOT_MODELS[file] === undefined)

describe('importThreagile on the Threagile test data', () => {
  it('finds the fixtures', () => {
    expect(models).toEqual(
      expect.arrayContaining(['demo/example/threagile.yaml', 'test/all.yaml', 'test/main.yaml']),
    )
    expect(parts.size).toBeGreaterThan(10)
  })

  it.each(models)('imports %s into a model that validates', async (file) => {
    const result = await importFixture(file)
    if (!result.ok) expect.fail(JSON.stringify(result.error, null, 2))
    const outcome = parseDeviceModel([{ source: file, content: result.value.document }])
    expect(outcome.issues.filter((issue) => issue.severity === 'error')).toEqual([])
    expect(outcome.model).toBeDefined()
  })

  it.each(Object.entries(NOT_MODELS))('rejects %s with %s', async (file, code) => {
    const result = await importFixture(file)
    if (result.ok) expect.fail('imported a file that is not a Threagile model')
    expect(result.error.map((issue) => issue.code)).toEqual([code])
    expect(result.error[0]?.source).toBe(path.join(ROOT, file))
  })

  it.each([...parts].sort())('rejects the included part %s on its own', async (file) => {
    const result = await importFixture(file)
    if (result.ok) expect.fail('imported a part of a model on its own')
    const [issue] = result.error
    expect(['import/not-threagile', 'import/empty']).toContain(issue?.code)
    expect(issue?.path).toEqual([])
  })

  it('imports the model split into includes exactly as the same model in one file', async () => {
    const split = await importFixture('test/main.yaml')
    const whole = await importFixture('test/all.yaml')
    if (!split.ok || !whole.ok) expect.fail('an import failed')
    expect(split.value.document).toEqual(whole.value.document)
    expect(split.value.review).toEqual(whole.value.review)
  })

  it('carries over every technical asset, link, data asset and trust boundary of the demo', async () => {
    const file = 'demo/example/threagile.yaml'
    const source = parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<
      string,
      Record<string, { communication_links?: Record<string, { target: string }> }>
    >
    const result = await importFixture(file)
    if (!result.ok) expect.fail('import failed')
    const { document } = result.value
    const technical = Object.values(source['technical_assets'] ?? {})
    const links = technical.flatMap((asset) => Object.values(asset.communication_links ?? {}))
    expect(document.elements).toHaveLength(technical.length)
    expect(document.dataFlows).toHaveLength(links.length)
    expect(document.assets).toHaveLength(Object.keys(source['data_assets'] ?? {}).length)
    expect(document.trustBoundaries).toHaveLength(
      Object.keys(source['trust_boundaries'] ?? {}).length,
    )
    expect(document.threats?.map((threat) => threat.id)).toEqual([
      'something-strange-contract-file-server',
      'something-strange-sql-database',
    ])
  })

  it('maps types, protocols, authentication, CIA ratings and nesting', async () => {
    const result = await importFixture('test/all.yaml')
    if (!result.ok) expect.fail('import failed')
    const { document, dropped, warnings } = result.value
    const element = (id: string) => document.elements?.find((e) => e.id === id)
    expect(element('customer-client')).toMatchObject({
      kind: 'external-entity',
      owner: 'third-party',
    })
    expect(element('sql-database')?.kind).toBe('data-store')
    expect(element('load-balancer')?.kind).toBe('network-infrastructure')
    const flow = (id: string) => document.dataFlows?.find((f) => f.id === id)
    expect(flow('apache-webserver-erp-system-traffic')).toMatchObject({
      from: 'apache-webserver',
      to: 'erp-system',
      protocol: 'https',
      authentication: { type: 'source', mechanism: 'token' },
      encryption: { type: 'tls' },
      integrity: 'mac',
      replayProtection: false,
      bidirectional: true,
    })
    expect(flow('erp-system-nfs-filesystem-access')).toMatchObject({
      authentication: { type: 'none' },
      encryption: { type: 'none' },
      integrity: 'none',
    })
    expect(flow('backend-admin-client-db-update-access')?.encryption).toEqual({
      type: 'application-layer',
      mechanism: 'SSH',
    })
    // Five steps onto three: the lowest is none, the second low, the middle and above high.
    const security = (id: string) => document.assets?.find((a) => a.id === id)?.security
    expect(security('build-job-config')).toEqual({
      confidentiality: 'high', // restricted
      integrity: 'high', // critical
      availability: 'low', // operational
    })
    // Merged in from another data asset with a YAML merge key, then partly overridden.
    expect(security('marketing-material')).toEqual({
      confidentiality: 'none', // public
      integrity: 'high', // important
      availability: 'high', // important
    })
    expect(document.trustBoundaries?.find((b) => b.id === 'application-network')).toMatchObject({
      kind: 'cloud',
      elements: ['load-balancer'],
      boundaries: ['auth-env', 'erp-dmz', 'web-dmz'],
    })
    expect(dropped).toContain(
      "$.risk_tracking['untrusted-deserialization@erp-system']: status 'accepted': names a risk of Threagile's rule 'untrusted-deserialization', which medcyber does not generate, so the decision has no threat to attach to",
    )
    expect(warnings).toEqual([])
  })

  it('tolerates what Threagile itself tolerates, with the place of each deviation', async () => {
    const result = await importFixture('demo/example/threagile.yaml')
    if (!result.ok) expect.fail('import failed')
    // The demo leans on YAML merge keys; what they merge in is not missing.
    expect(result.value.warnings).toEqual([])
    const missing = await importThreagile(
      'threagile_version: 1.0.0\ntitle: T\ndata_assets:\n  Data:\n    id: data\n',
      'm.yaml',
    )
    if (!missing.ok) expect.fail('import failed')
    expect(missing.value.warnings.find((w) => w.path.length > 0)).toMatchObject({
      severity: 'warning',
      code: 'import/schema-tolerated',
      path: ['data_assets', 'Data'],
      line: 4,
      column: 3,
    })
  })
})

const inline = (text: string, files: Readonly<Record<string, string>> = {}) =>
  importThreagile(text, 'model/threagile.yaml', (file): Promise<Result<string, string>> =>
    Promise.resolve(files[file] === undefined ? err('no such file') : ok(files[file])),
  )

const MINIMAL = `threagile_version: 1.0.0
title: Pump Cloud
technical_assets:
  Pump:
    id: pump
    type: process
    technology: iot-device
    communication_links:
      Telemetry:
        target: cloud
        protocol: mqtt
        authentication: none
  Cloud:
    id: cloud
    type: process
    technology: web-service-rest
`

describe('importThreagile on hand-made models', () => {
  it('turns tracked individual risks into assessments, exact ids before wildcards', async () => {
    const result = await inline(`${MINIMAL}
custom_risk_categories:
  - id: replay
    title: Replay
    stride: tampering
    cwe: 294
    risks_identified:
      Replay at <b>Pump</b>:
        most_relevant_technical_asset: pump
      Replay at Cloud:
        most_relevant_technical_asset: cloud
risk_tracking:
  replay@pump:
    status: mitigated
    justification: Counters reject replays.
    date: 2024-05-01
    checked_by: Jane
  replay@*:
    status: accepted
    justification: Accepted for now.
  missing-hardening@cloud:
    status: mitigated
`)
    if (!result.ok) expect.fail(JSON.stringify(result.error))
    const { document, dropped } = result.value
    expect(document.threats).toEqual([
      expect.objectContaining({
        id: 'replay-cloud',
        stride: ['tampering'],
        cwe: [294],
        elements: ['cloud'],
      }),
      expect.objectContaining({ id: 'replay-pump', title: 'Replay at Pump', elements: ['pump'] }),
    ])
    expect(document.threatAssessments).toEqual([
      { threat: 'replay-cloud', status: 'accepted', rationale: 'Accepted for now.' },
      {
        threat: 'replay-pump',
        status: 'mitigated',
        rationale: 'Counters reject replays.',
        assessedBy: 'Jane',
        date: '2024-05-01',
      },
    ])
    expect(dropped).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^\$\.risk_tracking\['missing-hardening@cloud'\]: status 'mitigated'/,
        ),
      ]),
    )
    expect(document.elements?.find((element) => element.id === 'pump')?.kind).toBe('device')
  })

  it('lists every placeholder it had to invent', async () => {
    const result = await inline(MINIMAL)
    if (!result.ok) expect.fail(JSON.stringify(result.error))
    const { review, document } = result.value
    expect(document.dataFlows?.[0]).toMatchObject({
      id: 'pump-telemetry',
      authentication: { type: 'none' },
      encryption: { type: 'none' },
      integrity: 'none',
      replayProtection: false,
      payload: ['data'],
    })
    expect(review).toContain(
      "data flow 'pump-telemetry': assumed payload [data]; encryption none; integrity none; replayProtection false",
    )
    for (const fact of ['intendedUse', 'deviceTypes', 'clinicalFunctions', 'jurisdictions']) {
      expect(review.some((line) => line.startsWith(`product.${fact}:`))).toBe(true)
    }
  })

  it('reports a link to an unknown asset at its line, as Threagile would reject it', async () => {
    const result = await inline(MINIMAL.replace('target: cloud', 'target: clod'))
    if (result.ok) expect.fail('imported a broken model')
    expect(result.error).toEqual([
      expect.objectContaining({
        code: 'import/unknown-reference',
        message: "unknown technical asset 'clod'; Threagile rejects a model that names one",
        path: ['technical_assets', 'Pump', 'communication_links', 'Telemetry', 'target'],
        line: 10,
        column: 9,
      }),
    ])
  })

  it('reports schema errors with their path and YAML syntax errors with their line', async () => {
    const schema = await inline(MINIMAL.replace('protocol: mqtt', 'protocol: carrier-pigeon'))
    if (schema.ok) expect.fail('imported a broken model')
    expect(schema.error[0]).toMatchObject({
      code: 'import/schema',
      path: ['technical_assets', 'Pump', 'communication_links', 'Telemetry', 'protocol'],
      line: 11,
    })
    expect(schema.error[0]?.message).toMatch(
      /^Threagile schema: 'protocol' 'carrier-pigeon' is not one of/,
    )
    const syntax = await inline('threagile_version: 1.0.0\ntitle: A\ntitle: B\n')
    if (syntax.ok) expect.fail('imported broken YAML')
    expect(syntax.error[0]).toMatchObject({
      severity: 'error',
      code: 'yaml/duplicate-key',
      source: 'model/threagile.yaml',
      line: 3,
      column: 1,
    })
  })

  it('merges includes relative to the including file and refuses to leave the folder', async () => {
    const merged = await inline(
      `threagile_version: 1.0.0\ntitle: T\nincludes: [parts/assets.yaml]\n`,
      {
        'model/parts/assets.yaml':
          'includes: [more.yaml]\ntechnical_assets:\n  A:\n    id: a\n    type: process\n',
        'model/parts/more.yaml': 'technical_assets:\n  B:\n    id: b\n    type: datastore\n',
      },
    )
    if (!merged.ok) expect.fail(JSON.stringify(merged.error))
    expect(merged.value.document.elements?.map((element) => element.id)).toEqual(['a', 'b'])

    const outside = await inline(`threagile_version: 1.0.0\nincludes: [../secret.yaml]\n`)
    if (outside.ok) expect.fail('followed an include out of the folder')
    expect(outside.error[0]).toMatchObject({
      code: 'import/include-outside-model',
      path: ['includes', 0],
      line: 2,
    })

    const cycle = await inline(`threagile_version: 1.0.0\nincludes: [a.yaml]\n`, {
      'model/a.yaml': 'includes: [threagile.yaml]\n',
    })
    if (cycle.ok) expect.fail('followed a cycle')
    expect(cycle.error[0]?.code).toBe('import/include-cycle')

    const noReader = await importThreagile(
      `threagile_version: 1.0.0\nincludes: [a.yaml]\n`,
      'm.yaml',
    )
    if (noReader.ok) expect.fail('read an include without a reader')
    expect(noReader.error[0]?.code).toBe('import/include-unreadable')
  })

  it('reads includes through the injected FileReader', async () => {
    const reader = memoryReader({
      'm/threagile.yaml': 'threagile_version: 1.0.0\nincludes: [a.yaml, big.yaml]\n',
      'm/a.yaml': 'technical_assets:\n  A:\n    id: a\n    type: process\n',
      'm/big.yaml': `title: ${'x'.repeat(200)}\n`,
    })
    const result = await importThreagile(
      'threagile_version: 1.0.0\nincludes: [a.yaml, big.yaml]\n',
      'm/threagile.yaml',
      includeReader(reader, 100),
    )
    if (result.ok) expect.fail('read a file over the size limit')
    expect(result.error).toEqual([
      expect.objectContaining({
        code: 'import/include-unreadable',
        message: "include 'big.yaml' cannot be read: m/big.yaml is too large",
        path: ['includes', 1],
      }),
    ])
  })

  it('reports an entry two files define differently', async () => {
    const result = await inline(
      `threagile_version: 1.0.0\ntitle: T\nincludes: [a.yaml]\ntechnical_assets:\n  A:\n    id: a\n    type: process\n`,
      { 'model/a.yaml': 'technical_assets:\n  A:\n    id: a\n    type: datastore\n' },
    )
    if (result.ok) expect.fail('merged a conflict')
    expect(result.error[0]).toMatchObject({
      code: 'import/include-conflict',
      source: 'model/a.yaml',
      path: ['technical_assets', 'A'],
    })
  })
})
