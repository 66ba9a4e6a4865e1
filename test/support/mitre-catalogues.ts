import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { testdataPath } from './testdata.js'

interface StixBundle {
  readonly objects: readonly {
    external_references?: readonly { source_name: string; external_id?: string }[]
  }[]
}

/** CAPEC ids (numbers) of every attack pattern in the MITRE CTI CAPEC 2.1 STIX data. */
export const capecIds = (): Set<number> => {
  const folder = testdataPath('mitre-cti', 'capec', '2.1', 'attack-pattern')
  const ids = new Set<number>()
  for (const file of readdirSync(folder)) {
    const bundle = JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as StixBundle
    for (const object of bundle.objects) {
      for (const ref of object.external_references ?? []) {
        if (ref.source_name === 'capec' && ref.external_id?.startsWith('CAPEC-') === true) {
          ids.add(Number(ref.external_id.slice(6)))
        }
      }
    }
  }
  return ids
}

/** CWE ids with MITRE's mapping guidance (Allowed, Discouraged, Prohibited, ...). */
export const cweUsage = (): Map<number, string> => {
  const catalogue = JSON.parse(
    readFileSync(testdataPath('cwe', 'cwe-4.20-weaknesses.json'), 'utf8'),
  ) as {
    weaknesses: { id: string; usage: string }[]
  }
  return new Map(catalogue.weaknesses.map((w) => [Number(w.id.slice(4)), w.usage]))
}
