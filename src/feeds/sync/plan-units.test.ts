import { copyFileSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import {
  epssCsvGz,
  hashStore,
  pypaAllZip,
  csafConverter,
  nvdConverter,
} from '../../../test/support/feed-fixtures.js'
import { tempDir } from '../../../test/support/temp-dir.js'
import { testdataPath } from '../../../test/support/testdata.js'
import { systemClock } from '../http/clock.js'
import { createHttpFetcher } from '../http/http-fetcher.js'
import { openAdvisoryStore } from '../store/advisory-store.js'
import { DEFAULT_OSV_ECOSYSTEMS, planUnits, type FeedsPlan } from './plan-units.js'
import { syncFeeds } from './sync-feeds.js'

const plan = (overrides: Partial<FeedsPlan> = {}): FeedsPlan => ({
  sources: [],
  ecosystems: [],
  csafProviders: [],
  ...overrides,
})

const dependencies = (converters = { nvd: nvdConverter, csaf: csafConverter }) => ({
  http: createHttpFetcher(),
  clock: systemClock,
  converters,
})

/**
 * A mirror folder as an air-gapped site would copy it: the OSV bucket's `<Ecosystem>/all.zip`,
 * saved NVD API responses, the KEV and EPSS files under their published names, and a CSAF
 * provider as `wget --mirror` saves it, host by host. The CISA tree and its real, unmodified
 * ROLIE feed (which links to raw.githubusercontent.com) are linked in from the test data.
 */
const buildMirror = (): string => {
  const mirror = tempDir('mirror')
  const folder = (...parts: string[]) => {
    const full = path.join(mirror, ...parts)
    mkdirSync(full, { recursive: true })
    return full
  }
  writeFileSync(path.join(folder('osv', 'PyPI'), 'all.zip'), pypaAllZip())
  const responses = testdataPath('nvd-api-samples', 'nvd-api', 'testdata', 'responses')
  for (const page of ['cves-1999.json.gz', 'cves-2023.json.gz']) {
    copyFileSync(path.join(responses, page), path.join(folder('nvd'), page))
  }
  for (const record of readdirSync(testdataPath('nvd-selected')).filter((name) =>
    name.endsWith('.json'),
  )) {
    copyFileSync(testdataPath('nvd-selected', record), path.join(folder('nvd'), record))
  }
  symlinkSync(
    testdataPath('cisa-kev', 'known_exploited_vulnerabilities.json'),
    path.join(folder('kev'), 'known_exploited_vulnerabilities.json'),
  )
  writeFileSync(
    path.join(folder('epss'), 'epss_scores-current.csv.gz'),
    epssCsvGz({ scoreDate: '2026-11-27', rows: 100 }),
  )
  symlinkSync(
    testdataPath('cisa-csaf'),
    path.join(folder('csaf', 'raw.githubusercontent.com', 'cisagov', 'CSAF'), 'develop'),
  )
  const feed =
    'https://raw.githubusercontent.com/cisagov/CSAF/develop/csaf_files/OT/white/cisa-csaf-ot-feed-tlp-white.json'
  writeFileSync(
    path.join(folder('csaf', 'csaf.cisa.example', '.well-known', 'csaf'), 'provider-metadata.json'),
    JSON.stringify({
      distributions: [{ rolie: { feeds: [{ tlp_label: 'WHITE', url: feed }] } }],
      role: 'csaf_trusted_provider',
    }),
  )
  return mirror
}

describe('planUnits', () => {
  it('plans OSV (default ecosystems), NVD, KEV and EPSS when nothing is named', async () => {
    const units = await planUnits(plan(), dependencies(), tempDir('plan-default'))
    expect(units.map((unit) => `${unit.source}/${unit.partition}`)).toEqual([
      ...DEFAULT_OSV_ECOSYSTEMS.map((ecosystem) => `osv/${ecosystem}`),
      'nvd/cves',
      'kev/catalog',
      'epss/scores',
    ])
  })

  it('plans the named sources, ecosystems and providers, each once', async () => {
    const units = await planUnits(
      plan({
        sources: ['csaf', 'osv'],
        ecosystems: ['PyPI', 'Debian:12', 'PyPI'],
        csafProviders: [
          { url: 'csaf.example' },
          { url: 'https://csaf.example/.well-known/csaf/provider-metadata.json' },
        ],
      }),
      dependencies(),
      tempDir('plan-named'),
    )
    expect(units.map((unit) => `${unit.source}/${unit.partition}`)).toEqual([
      'osv/PyPI',
      'osv/Debian:12',
      'csaf/csaf.example',
    ])
  })

  it('fails NVD and CSAF plainly while their converters are not wired', async () => {
    const dataDir = tempDir('plan-unwired')
    const units = await planUnits(
      plan({ sources: ['nvd', 'csaf'], csafProviders: [{ url: 'csaf.example' }] }),
      dependencies({} as never),
      dataDir,
    )
    const result = await syncFeeds({ dataDir, units })
    expect(result.ok && result.value.units.map((unit) => unit.error?.code)).toEqual([
      'feeds/no-converter',
      'feeds/no-converter',
    ])
  })
})

describe('sync from a mirror folder', () => {
  it('reads every source from the upstream layouts, then finds nothing new', async () => {
    const mirror = buildMirror()
    const dataDir = tempDir('mirror-store')
    const sync = async () =>
      syncFeeds({ dataDir, units: await planUnits(plan({ mirror }), dependencies(), dataDir) })
    const first = await sync()
    const units = first.ok ? first.value.units : []
    expect(units.map((unit) => [unit.key, unit.outcome, unit.records])).toEqual([
      ['osv/PyPI', 'updated', 2661],
      ['nvd/cves', 'updated', 453],
      ['kev/catalog', 'updated', 1404],
      ['epss/scores', 'updated', 100],
      ['csaf/csaf.cisa.example', 'updated', 153],
    ])
    // The real feed lists 2,379 documents; the test data holds 153 of them.
    const csaf = units[4]
    expect(csaf?.warnings.at(-1)).toEqual({
      code: 'csaf/document-unavailable',
      message: `${String(2379 - 153 - 50)} more warnings like these`,
    })
    const store = await openAdvisoryStore(dataDir)
    expect((await store.kev())?.entries.has('CVE-2021-44228')).toBe(true)
    const before = hashStore(dataDir)
    const second = await sync()
    expect(second.ok && second.value.units.map((unit) => unit.outcome)).toEqual(
      Array(5).fill('unchanged'),
    )
    expect(second.ok && second.value.published).toBe(false)
    expect(hashStore(dataDir)).toBe(before)
  })
})
