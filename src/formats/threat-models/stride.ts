import { STRIDE } from '../../core/index.js'

export type Stride = (typeof STRIDE)[number]

/** STRIDE itself, spelled the ways tools spell it. */
const EXACT: Readonly<Record<string, Stride>> = {
  spoofing: 'spoofing',
  tampering: 'tampering',
  repudiation: 'repudiation',
  informationdisclosure: 'information-disclosure',
  denialofservice: 'denial-of-service',
  elevationofprivilege: 'elevation-of-privilege',
  elevationofprivileges: 'elevation-of-privilege',
}

/**
 * Categories of other methodologies with their nearest STRIDE category. CIA and its DIE
 * counterpart (Distributed ↔ availability, Immutable ↔ integrity, Ephemeral ↔ confidentiality)
 * map one to one; LINDDUN's privacy threats are disclosures of personal data, and its
 * non-repudiation is the privacy side of repudiation.
 */
const APPROXIMATE: Readonly<Record<string, Stride>> = {
  confidentiality: 'information-disclosure',
  integrity: 'tampering',
  availability: 'denial-of-service',
  ephemeral: 'information-disclosure',
  immutable: 'tampering',
  distributed: 'denial-of-service',
  linkability: 'information-disclosure',
  identifiability: 'information-disclosure',
  detectability: 'information-disclosure',
  disclosureofinformation: 'information-disclosure',
  unawareness: 'information-disclosure',
  nonrepudiation: 'repudiation',
}

/** What an imported threat gets when its category has no STRIDE counterpart. */
export const PLACEHOLDER_STRIDE: Stride = 'information-disclosure'

export interface StrideMapping {
  readonly stride: Stride[]
  /** Categories mapped to a near STRIDE category, as `word → category`. */
  readonly approximated: string[]
  /** Categories with no STRIDE counterpart. */
  readonly unmapped: string[]
}

/** Maps category words (`Information disclosure`, `CIA Integrity`, `Linkability`) to STRIDE. */
export const mapToStride = (categories: readonly string[]): StrideMapping => {
  const stride = new Set<Stride>()
  const approximated: string[] = []
  const unmapped: string[] = []
  for (const category of categories) {
    const key = category.toLowerCase().replace(/[^a-z]/g, '')
    const exact = EXACT[key]
    const near = APPROXIMATE[key]
    if (exact !== undefined) {
      stride.add(exact)
    } else if (near !== undefined) {
      stride.add(near)
      approximated.push(`'${category}' → ${near}`)
    } else {
      unmapped.push(category)
    }
  }
  return { stride: STRIDE.filter((s) => stride.has(s)), approximated, unmapped }
}
