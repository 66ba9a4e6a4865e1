import type { DeviceModel, Evidence } from '../../model/index.js'

/** The model's quality-system documents that say they cover `GSPR:<gspr>`, by id. */
export const evidenceFor = (model: DeviceModel, gspr: string): Evidence[] =>
  model.evidence
    .filter((item) => item.covers.includes(`GSPR:${gspr}`))
    .sort((a, b) => a.id.localeCompare(b.id))

export const evidenceText = (item: Evidence): string =>
  `${item.id}${item.version === undefined ? '' : ` rev. ${item.version}`} ${item.title}`
