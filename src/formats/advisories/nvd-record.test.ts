import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'

import { Ajv, type ErrorObject } from 'ajv'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'

import type { Advisory } from '../../core/index.js'
import {
  buildCpeCriteriaIndex,
  componentCpe,
  matchAdvisoriesBruteForce,
  matchConfigurations,
  matchCpeIndex,
  type ComponentCpe,
} from '../../core/vulnerabilities/cpe/index.js'
import { testdataPath } from '../../../test/support/testdata.js'
import { nvdCveToAdvisory, nvdRecordsToAdvisories, parseNvdJson } from './nvd-record.js'

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'))
const readGzipJson = (file: string): unknown =>
  JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'))

const SELECTED = testdataPath('nvd-selected')
const selectedFiles = readdirSync(SELECTED)
  .filter((name) => /^CVE-.*\.json$/.test(name))
  .sort()

const RESPONSES = testdataPath('nvd-api-samples', 'nvd-api', 'testdata', 'responses')
const PAGES = ['cves-1999.json.gz', 'cves-2023.json.gz', 'cves-CVE-2023-0001.json.gz']

const DT = testdataPath('dependency-track', 'vuln-data-source', 'nvd', 'src', 'test', 'resources')

/** Every nvd-selected record, converted; the test fails on the first that does not convert. */
const selected = (): Advisory[] =>
  selectedFiles.map((name) => {
    const result = nvdCveToAdvisory(readJson(path.join(SELECTED, name)), name)
    if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`)
    return result.value
  })

const cpes = (...texts: string[]): ComponentCpe[] =>
  texts.map((text) => {
    const parsed = componentCpe(text)
    if (!parsed.ok) throw new Error(parsed.error)
    return parsed.value
  })

const matchedIds = (advisories: readonly Advisory[], ...texts: string[]): string[] =>
  matchAdvisoriesBruteForce(advisories, cpes(...texts)).map((match) => match.advisoryId)

/**
 * The NVD CVE API 2.0 schema (2023), with the FIRST CVSS schemas it refers to. NVD writes its
 * `date-time` values without a zone (`2017-03-11T02:59:00.150`, UTC), which RFC 3339 forbids, so
 * the format is read as ISO 8601 with an optional zone, as NVD means it.
 */
const nvdSchema = () => {
  const ajv = new Ajv({ allErrors: true, strict: false, logger: false })
  addFormats.default(ajv)
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/)
  for (const version of ['2.0', '3.0', '3.1']) {
    const schema = readJson(testdataPath('nvd-api-samples', 'ref', `cvss-v${version}.json`))
    const { $id: _id, $schema: _meta, ...rest } = schema as Record<string, unknown>
    ajv.addSchema(rest, `//csrc.nist.gov/schema/nvd/api/2.0/external/cvss-v${version}.json`)
  }
  const { $schema: _meta, ...schema } = readJson(
    testdataPath('nvd-api-samples', 'ref', 'cve_api_json_2.0.schema'),
  ) as Record<string, unknown>
  return ajv.compile(schema)
}

/** Fields newer than the 2023 schema (cveTags, cvssMetricV40, ssvc…) are not errors here. */
const seriousErrors = (errors: readonly ErrorObject[] | null | undefined): ErrorObject[] =>
  (errors ?? []).filter((error) => error.keyword !== 'additionalProperties')

describe('nvdCveToAdvisory on nvd-selected (53 records)', () => {
  it('converts every record, lenient-schema-valid as it is', () => {
    const validate = nvdSchema()
    expect(selectedFiles).toHaveLength(53)
    const advisories = selected()
    for (const [index, name] of selectedFiles.entries()) {
      const record = readJson(path.join(SELECTED, name)) as { id: string; lastModified: string }
      validate({
        resultsPerPage: 1,
        startIndex: 0,
        totalResults: 1,
        format: 'NVD_CVE',
        version: '2.0',
        timestamp: '2024-01-01T00:00:00.000',
        vulnerabilities: [{ cve: record }],
      })
      expect(seriousErrors(validate.errors), name).toEqual([])
      const advisory = advisories[index]
      expect(advisory?.id).toBe(record.id)
      expect(advisory?.source).toBe('nvd')
      expect(advisory?.modified).toBe(`${record.lastModified}Z`)
    }
  })

  it('keeps each configuration, node and criterion as published', () => {
    const log4shell = selected().find((advisory) => advisory.id === 'CVE-2021-44228')
    const criteria = log4shell?.configurations.flatMap((configuration) =>
      configuration.nodes.flatMap((node) => node.cpeMatch),
    )
    expect(log4shell?.configurations).toHaveLength(20)
    expect(criteria).toHaveLength(408)
    expect(criteria?.filter((criterion) => criterion.criteria.includes('\\'))).toHaveLength(106)
  })

  it('orders scores newest CVSS version first, then Primary, then NVD’s own', () => {
    const scores = (id: string) =>
      selected()
        .find((advisory) => advisory.id === id)
        ?.severity.map((score) => `${score.source ?? ''} ${score.vector.slice(0, 8)}`)
    // CVE-2022-2119: NVD's Primary 9.8 before ICS-CERT's Secondary 7.5, v2 last.
    expect(scores('CVE-2022-2119')).toEqual([
      'nvd@nist.gov CVSS:3.1',
      'ics-cert@hq.dhs.gov CVSS:3.1',
      'nvd@nist.gov AV:N/AC:',
    ])
    // CVE-2020-1472: both v3.1 scores are Secondary; NVD's 10.0 before Microsoft's 5.5.
    expect(scores('CVE-2020-1472')).toEqual([
      'nvd@nist.gov CVSS:3.1',
      'secure@microsoft.com CVSS:3.1',
      'nvd@nist.gov AV:N/AC:',
    ])
  })

  it('converts a record NVD has not analysed yet: no configurations, nothing to match', () => {
    const glibc = selected().find((advisory) => advisory.id === 'CVE-2023-4911')
    expect(glibc?.configurations).toEqual([])
    expect(glibc?.severity).toHaveLength(1)
  })
})

/** OpenSSL releases in release order: the oracle below never compares version strings. */
const OPENSSL_RELEASES = [
  ...[
    '',
    ...'abcdefghijklmnopqrstuvwxyz'.split(''),
    'za',
    'zb',
    'zc',
    'zd',
    'ze',
    'zf',
    'zg',
    'zh',
    'zi',
  ].map((letter) => `1.0.2${letter}`),
  ...['', ...'abcdefghijklmnopqrstuvw'.split('')].map((letter) => `1.1.1${letter}`),
  ...Array.from({ length: 16 }, (_, patch) => `3.0.${String(patch)}`),
]

/**
 * What the CVE text itself says, e.g. "Fixed in OpenSSL 1.0.2zd (Affected 1.0.2-1.0.2zc)": each
 * "(Affected a-b)" or "(Affected a,b,c)" names releases, read against the release order above.
 */
const affectedByText = (description: string): Set<string> => {
  const affected = new Set<string>()
  for (const [, list] of description.matchAll(/\(Affected ([^)]+)\)/g)) {
    for (const item of (list ?? '').split(',')) {
      const [from = '', to = from] = item.trim().split('-')
      const start = OPENSSL_RELEASES.indexOf(from)
      const end = OPENSSL_RELEASES.indexOf(to)
      if (start === -1 || end === -1) continue
      for (const release of OPENSSL_RELEASES.slice(start, end + 1)) affected.add(release)
    }
  }
  return affected
}

describe('NVD configurations against real device CPEs', () => {
  it('matches an OpenSSL 1.0.2k CPE to the OpenSSL CVEs whose ranges cover it', () => {
    // CVE-2022-0778: "Affected 1.0.2-1.0.2zc"; CVE-2023-0286 fixed in 1.0.2zg; CVE-2023-0464
    // fixed in 1.0.2zh (OpenSSL advisories). Heartbleed (1.0.1-1.0.1f) and the 1.1.1/3.0 issues
    // do not apply.
    expect(matchedIds(selected(), 'cpe:2.3:a:openssl:openssl:1.0.2k:*:*:*:*:*:*:*')).toEqual([
      'CVE-2022-0778',
      'CVE-2023-0286',
      'CVE-2023-0464',
    ])
  })

  it('agrees, release by release, with the "(Affected …)" text of the OpenSSL CVEs', () => {
    const advisories = selected().filter((advisory) =>
      /\(Affected [^)]*\)/.test(advisory.summary ?? ''),
    )
    expect(advisories.map((advisory) => advisory.id)).toEqual([
      'CVE-2020-1967',
      'CVE-2021-3449',
      'CVE-2021-3711',
      'CVE-2022-0778',
      'CVE-2022-3602',
    ])
    for (const advisory of advisories) {
      const expected = affectedByText(advisory.summary ?? '')
      expect(expected.size, advisory.id).toBeGreaterThan(0)
      for (const release of OPENSSL_RELEASES) {
        const matched =
          matchConfigurations(
            advisory.configurations,
            cpes(`cpe:2.3:a:openssl:openssl:${release}:*:*:*:*:*:*:*`),
          ).length > 0
        expect(matched, `${advisory.id} ${release}`).toBe(expected.has(release))
      }
    }
  })

  it('needs both the firmware and the hardware of a Siemens ACUSON P500 (running-on AND)', () => {
    const advisories = selected()
    const firmware = 'cpe:2.3:o:siemens:acuson_p500_firmware:va10:*:*:*:*:*:*:*'
    const hardware = 'cpe:2.3:h:siemens:acuson_p500:-:*:*:*:*:*:*:*'
    const [match] = matchAdvisoriesBruteForce(advisories, cpes(firmware, hardware))
    expect(match?.advisoryId).toBe('CVE-2017-0144')
    expect(match?.matches).toHaveLength(1)
    expect(match?.matches[0]?.vulnerable.map((item) => item.cpe)).toEqual([firmware])
    expect(match?.matches[0]?.platform.map((item) => item.cpe)).toEqual([hardware])
    expect(matchedIds(advisories, firmware)).toEqual([])
    expect(
      matchedIds(advisories, 'cpe:2.3:o:siemens:acuson_p500_firmware:vc10:*:*:*:*:*:*:*', hardware),
    ).toEqual([])
  })

  it('finds SMBv1 on Windows 7 SP1 (EternalBlue) and Windows 7 SP1 itself (BlueKeep)', () => {
    const windows7 = 'cpe:2.3:o:microsoft:windows_7:-:sp1:*:*:*:*:*:*'
    const smb1 = 'cpe:2.3:a:microsoft:server_message_block:1.0:*:*:*:*:*:*:*'
    const matches = matchAdvisoriesBruteForce(selected(), cpes(windows7, smb1))
    expect(matches.map((match) => match.advisoryId)).toEqual(['CVE-2017-0144', 'CVE-2019-0708'])
    const eternalBlue = matches[0]?.matches[0]
    expect(eternalBlue?.vulnerable.map((item) => item.cpe)).toEqual([smb1])
    expect(eternalBlue?.platform.map((item) => item.cpe)).toEqual([windows7])
    // Without SMBv1 named, EternalBlue's running-on configuration does not hold.
    expect(matchedIds(selected(), windows7)).toEqual(['CVE-2019-0708'])
  })

  it('matches VxWorks and Treck by version range, the escaped tcp\\/ip product included', () => {
    const advisories = selected()
    expect(matchedIds(advisories, 'cpe:2.3:o:windriver:vxworks:6.9:*:*:*:*:*:*:*')).toEqual([
      'CVE-2019-12255',
      'CVE-2019-12256',
      'CVE-2019-12260',
      'CVE-2019-12261',
    ])
    expect(matchedIds(advisories, 'cpe:2.3:o:windriver:vxworks:6.4:*:*:*:*:*:*:*')).toEqual([])
    // "before 6.0.1.66" (11896, 11898, 11901) and "before 5.0.1.35" (11897), as the texts say.
    expect(matchedIds(advisories, 'cpe:2.3:a:treck:tcp\\/ip:6.0.1.41:*:*:*:*:*:*:*')).toEqual([
      'CVE-2020-11896',
      'CVE-2020-11898',
      'CVE-2020-11901',
    ])
    expect(matchedIds(advisories, 'cpe:2.3:a:treck:tcp\\/ip:5.0.1.20:*:*:*:*:*:*:*')).toHaveLength(
      4,
    )
    expect(matchedIds(advisories, 'cpe:2.3:a:treck:tcp\\/ip:6.0.1.67:*:*:*:*:*:*:*')).toEqual([])
  })

  it('reads a SIPROTEC 5 firmware on its hardware, with the hardware node listed first', () => {
    const device = [
      'cpe:2.3:o:siemens:siprotec_5_firmware:7.80:*:*:*:*:*:*:cp300',
      'cpe:2.3:h:siemens:siprotec_5:-:*:*:*:*:*:*:*',
    ]
    expect(matchedIds(selected(), ...device)).toEqual([
      'CVE-2019-12255',
      'CVE-2019-12256',
      'CVE-2019-12260',
      'CVE-2019-12261',
    ])
  })
})

describe('the criteria index on real NVD data', () => {
  it('answers as the brute-force evaluator does, * vendors and products included', () => {
    const pages = PAGES.flatMap(
      (page) => nvdRecordsToAdvisories(readGzipJson(path.join(RESPONSES, page))).advisories,
    )
    const advisories = [...selected(), ...pages]
    const index = buildCpeCriteriaIndex(advisories)
    expect(index.skipped).toEqual([])
    // Every vulnerable criterion with a version filled in, then with * as vendor or product.
    const criteria = advisories.flatMap((advisory) =>
      advisory.configurations.flatMap((item) =>
        item.nodes.flatMap((node) => node.cpeMatch.map((match) => match.criteria)),
      ),
    )
    const concrete = criteria.map((text) => {
      const fields = text.split(/(?<!\\):/)
      return fields.with(5, fields[5] === '*' ? '2.0' : (fields[5] ?? '*')).join(':')
    })
    const variants = concrete.flatMap((text) => {
      const fields = text.split(/(?<!\\):/)
      return [text, fields.with(3, '*').join(':'), fields.with(4, '*').join(':')]
    })
    // Every seventh, to keep the brute force within seconds.
    const devices = [...new Set(variants)]
      .filter((_, position) => position % 7 === 0)
      .map((text) => cpes(text))
    expect(devices.length).toBeGreaterThan(700)
    let matched = 0
    for (const device of devices) {
      const expected = matchAdvisoriesBruteForce(advisories, device)
      matched += expected.length
      expect(matchCpeIndex(index, device)).toEqual(expected)
    }
    expect(matched).toBeGreaterThan(500)
  })
})

describe('nvdRecordsToAdvisories on NVD API pages (nvd-api-samples)', () => {
  it('converts all 400 records of the two pages and the single-CVE responses', () => {
    const validate = nvdSchema()
    let total = 0
    for (const page of PAGES) {
      const json = readGzipJson(path.join(RESPONSES, page))
      expect(validate(json), page).toBe(true)
      const reading = nvdRecordsToAdvisories(json, page)
      expect(reading.issues, page).toEqual([])
      total += reading.advisories.length
    }
    expect(total).toBe(401)
    const single = nvdRecordsToAdvisories(
      readGzipJson(
        testdataPath('nvd-api-samples', 'nvd-api', 'testdata', 'cve-2022-44006.json.gz'),
      ),
    )
    expect(single.advisories.map((advisory) => advisory.id)).toEqual(['CVE-2022-44006'])
  })

  it('counts the configurations the README states, and marks Rejected CVEs withdrawn', () => {
    const read = (page: string) =>
      nvdRecordsToAdvisories(readGzipJson(path.join(RESPONSES, page))).advisories
    const old = read('cves-1999.json.gz')
    const recent = read('cves-2023.json.gz')
    expect(old.filter((advisory) => advisory.configurations.length > 0)).toHaveLength(191)
    expect(recent.filter((advisory) => advisory.configurations.length > 0)).toHaveLength(199)
    expect(
      [...old, ...recent]
        .filter((advisory) => advisory.withdrawn !== undefined)
        .map((advisory) => advisory.id)
        .sort(),
    ).toEqual(['CVE-1999-0335', 'CVE-1999-1056', 'CVE-1999-1310', 'CVE-2022-44577'])
    // A withdrawn advisory matches nothing, whatever its data.
    const rejected = old.find((advisory) => advisory.id === 'CVE-1999-1056')
    expect(rejected?.withdrawn).toBe(rejected?.modified)
  })
})

describe('Dependency-Track NVD edge cases', () => {
  const dt = (name: string): Advisory => {
    const reading = nvdRecordsToAdvisories(readJson(path.join(DT, name)), name)
    expect(reading.issues).toEqual([])
    const [advisory] = reading.advisories
    if (advisory === undefined) throw new Error(name)
    return advisory
  }

  it('converts all seven fixtures', () => {
    const names = readdirSync(DT).filter((name) => name.endsWith('.json'))
    expect(names).toHaveLength(7)
    for (const name of names) expect(dt(name).source).toBe('nvd')
  })

  it('keeps a CVSS v4 vector where the v3 fixture has a v3.1 one', () => {
    expect(dt('CVE-2017-5638-cvssv4-rating.json').severity[0]?.vector).toMatch(/^CVSS:4\.0\//)
    expect(dt('CVE-2017-5638-cvssv3-rating.json').severity[0]?.vector).toMatch(/^CVSS:3\./)
  })

  it('reports each configuration that names the same exact version (CVE-2021-0002)', () => {
    const advisory = dt('CVE-2021-0002-duplicate-exact-version-matches.json')
    const found = matchConfigurations(
      advisory.configurations,
      cpes('cpe:2.3:o:fedoraproject:fedora:35:*:*:*:*:*:*:*'),
    )
    expect(found.map((match) => match.configuration)).toEqual([1, 2])
  })

  it('matches a firmware range on its hardware only with the hardware (CVE-2021-0002)', () => {
    const advisory = dt('CVE-2021-0002-duplicate-exact-version-matches.json')
    const firmware = 'cpe:2.3:o:intel:ethernet_controller_e810_firmware:1.4.10:*:*:*:*:*:*:*'
    const hardware = 'cpe:2.3:h:intel:ethernet_controller_e810:-:*:*:*:*:*:*:*'
    expect(matchConfigurations(advisory.configurations, cpes(firmware, hardware))).toHaveLength(1)
    // The criterion says target_sw linux; the SBOM's firmware CPE does not say: strict NISTIR
    // 7696 refuses that, the default reading accepts it.
    expect(
      matchConfigurations(advisory.configurations, cpes(firmware, hardware), {
        policy: 'nistir-7696',
      }),
    ).toHaveLength(0)
    expect(
      matchConfigurations(
        advisory.configurations,
        cpes(firmware.replace('1.4.10', '1.4.11'), hardware),
      ),
    ).toHaveLength(0)
  })

  it('matches every version when the criterion names none (CVE-2022-31022)', () => {
    const advisory = dt('CVE-2022-31022-all-versions-vulnerable.json')
    const criterion = advisory.configurations[0]?.nodes[0]?.cpeMatch[0]?.criteria ?? ''
    const anyVersion = criterion.split(':').with(5, '0.0.1').join(':')
    expect(matchConfigurations(advisory.configurations, cpes(anyVersion))).toHaveLength(1)
  })

  it('tells an NA kernel version from a ranged one (CVE-1999-1341)', () => {
    const advisory = dt('cve-vuln.json')
    const kernel = (version: string) =>
      matchConfigurations(
        advisory.configurations,
        cpes(`cpe:2.3:o:linux:linux_kernel:${version}:*:*:*:*:*:*:*`),
      ).length
    expect(kernel('2.2.13')).toBe(1)
    expect(kernel('2.3.17')).toBe(1)
    expect(kernel('2.3.0')).toBe(0) // versionStartExcluding 2.3.0
    expect(kernel('2.3.18')).toBe(0) // versionEndExcluding 2.3.18
    expect(kernel('-')).toBe(1)
  })
})

describe('refusals', () => {
  const record = () =>
    structuredClone(readJson(path.join(SELECTED, 'CVE-2020-11896.json'))) as Record<string, unknown>

  it('refuses a record without lastModified, as the schema does, at its path', () => {
    const broken = record()
    delete broken['lastModified']
    const reading = nvdRecordsToAdvisories({ vulnerabilities: [{ cve: broken }] }, 'page.json')
    expect(reading.advisories).toEqual([])
    expect(reading.issues).toMatchObject([
      {
        code: 'nvd/bad-timestamp',
        path: ['vulnerabilities', 0, 'cve', 'lastModified'],
        source: 'page.json',
      },
    ])
  })

  it('refuses an unknown node operator and a criterion that is no CPE, naming each', () => {
    const broken = record() as {
      configurations: { nodes: { operator: string; cpeMatch: { criteria: string }[] }[] }[]
    }
    const node = broken.configurations[0]?.nodes[0]
    if (node === undefined) throw new Error('fixture changed')
    node.operator = 'XOR'
    const first = nvdCveToAdvisory(broken)
    expect(first.ok ? [] : first.error.map((issue) => issue.code)).toEqual(['nvd/bad-operator'])
    node.operator = 'OR'
    const [criterion] = node.cpeMatch
    if (criterion === undefined) throw new Error('fixture changed')
    criterion.criteria = 'cpe:2.3:a:treck:tcp/ip:*:*:*:*:*:*:*:*'
    const second = nvdCveToAdvisory(broken)
    expect(second.ok ? [] : second.error).toMatchObject([
      {
        code: 'nvd/bad-cpe',
        path: ['configurations', 0, 'nodes', 0, 'cpeMatch', 0, 'criteria'],
      },
    ])
  })

  it('says what it expected of input that is no NVD data, and of text that is no JSON', () => {
    expect(nvdRecordsToAdvisories({ hello: 1 }).issues[0]?.code).toBe('nvd/unknown-shape')
    expect(parseNvdJson('{"vulnerabilities": [', 'x.json').issues[0]).toMatchObject({
      code: 'nvd/not-json',
      source: 'x.json',
    })
    expect(
      parseNvdJson('[]', 'x.json', { maxTextLength: 1, maxRecords: 1, maxCriteria: 1 }).issues[0]
        ?.code,
    ).toBe('nvd/too-large')
  })

  it('keeps the good records of a page that has a bad one', () => {
    const good = readJson(path.join(SELECTED, 'CVE-2020-11897.json'))
    const reading = nvdRecordsToAdvisories({ vulnerabilities: [{ cve: {} }, { cve: good }] })
    expect(reading.advisories.map((advisory) => advisory.id)).toEqual(['CVE-2020-11897'])
    expect(reading.issues.length).toBeGreaterThan(0)
  })
})
