import type { DeviceModel, InterfaceType } from '../../model/index.js'
import { scoreCvss } from '../../risk/index.js'
import type { Finding, FindingSeverity } from './findings.js'

/** From the first to fix to the triaged-away: the order a scan lists findings in. */
export const PRIORITY_LEVELS = ['critical', 'high', 'medium', 'low', 'none'] as const
export type PriorityLevel = (typeof PRIORITY_LEVELS)[number]

/**
 * Interface types an attacker outside the device can use: networks, radios and USB. Serial
 * lines, debug ports, removable media and the user interface need hands on the device (or a
 * foothold on its other processors), so they do not make a component remotely reachable.
 */
export const EXTERNAL_INTERFACE_TYPES: ReadonlySet<InterfaceType> = new Set<InterfaceType>([
  'ble',
  'bluetooth-classic',
  'wifi',
  'ethernet',
  'cellular',
  'network',
  'usb',
  'nfc',
  'inductive',
  'proprietary-rf',
  'infrared',
])

/** EPSS probability from which exploitation in the next 30 days counts as likely. */
export const EPSS_LIKELY = 0.1

export interface Reachability {
  /** Undefined when the model does not say where the component runs. */
  readonly reachable?: boolean
  readonly reason: string
  /** `element/interface` pairs that make it reachable. */
  readonly through: readonly string[]
}

export interface Priority {
  readonly level: PriorityLevel
  readonly reasons: readonly string[]
  readonly reachable?: boolean
  /** The manufacturer's environmental score from the assessment's `risk.before.cvss`. */
  readonly deviceScore?: FindingSeverity
}

export type PrioritizedFinding = Finding & { readonly priority: Priority }

/** What the model says about the device's attack surface: active external interfaces by element. */
export interface AttackSurface {
  readonly elements: ReadonlySet<string>
  readonly external: ReadonlyMap<string, readonly string[]>
}

export const attackSurfaceOf = (model: DeviceModel | undefined): AttackSurface => {
  const external = new Map<string, string[]>()
  for (const item of model?.interfaces ?? []) {
    if (item.status !== 'active' || !EXTERNAL_INTERFACE_TYPES.has(item.type)) continue
    external.set(item.element, [...(external.get(item.element) ?? []), `${item.id} (${item.type})`])
  }
  return { elements: new Set(model?.elements.map((element) => element.id)), external }
}

const SHOWN = 3

export const reachabilityOf = (surface: AttackSurface, hosts: readonly string[]): Reachability => {
  const known = hosts.filter((host) => surface.elements.has(host))
  if (known.length === 0) {
    return {
      reason:
        hosts.length === 0
          ? 'reachability unknown: no element of the device model runs it'
          : `reachability unknown: ${hosts.join(', ')} is not an element of the device model`,
      through: [],
    }
  }
  const through = known.flatMap((host) =>
    (surface.external.get(host) ?? []).map((name) => `${host}/${name}`),
  )
  if (through.length === 0) {
    const subject =
      known.length === 1 ? `${known.join('')}, which has` : `${known.join(', ')}, none of which has`
    return {
      reachable: false,
      reason: `runs on ${subject} no active external interface`,
      through,
    }
  }
  const shown = through.slice(0, SHOWN).join(', ')
  const more = through.length > SHOWN ? ` and ${String(through.length - SHOWN)} more` : ''
  return { reachable: true, reason: `reachable through ${shown}${more}`, through }
}

const deviceScoreOf = (finding: Finding): FindingSeverity | undefined => {
  const vector = finding.assessment?.risk?.before.cvss
  if (vector === undefined) return undefined
  const scored = scoreCvss(vector)
  if (!scored.ok) return undefined
  return {
    vector: scored.value.vector,
    score: scored.value.score,
    rating: scored.value.severity,
    source: finding.assessment?.finding ?? 'device assessment',
  }
}

const LOWER: Readonly<Record<PriorityLevel, PriorityLevel>> = {
  critical: 'high',
  high: 'medium',
  medium: 'low',
  low: 'low',
  none: 'none',
}

/** Level from exploitation evidence and the vendor score, with the reasons for it. */
const exploitLevel = (finding: Finding): { level: PriorityLevel; reasons: string[] } => {
  const reasons: string[] = []
  const score = finding.severity?.score
  if (finding.kev !== undefined) reasons.push(`in CISA KEV since ${finding.kev.dateAdded}`)
  const epss = finding.epss?.epss
  if (epss !== undefined) {
    reasons.push(`EPSS ${epss.toFixed(3)}${epss >= EPSS_LIKELY ? ' (exploitation likely)' : ''}`)
  }
  reasons.push(
    finding.severity === undefined
      ? 'no vendor CVSS score'
      : `vendor CVSS ${String(finding.severity.score)} ${finding.severity.rating}`,
  )
  if (finding.kev !== undefined) return { level: 'critical', reasons }
  if ((epss ?? 0) >= EPSS_LIKELY || (score ?? 0) >= 9) return { level: 'high', reasons }
  // Unscored findings stay in the middle: nobody has shown they are minor.
  if (score === undefined || score >= 4) return { level: 'medium', reasons }
  return { level: 'low', reasons }
}

const CLOSED: ReadonlySet<string> = new Set(['not_affected', 'fixed'])

/**
 * The priority of one finding: CISA KEV first, then likely exploitation (EPSS) or a critical
 * vendor score, then the vendor score; one level lower when the device model shows the component
 * runs only on elements without an active network, wireless or USB interface. Findings triaged
 * `not_affected` or `fixed` have none.
 */
export const prioritize = (finding: Finding, surface: AttackSurface): Priority => {
  const { level, reasons } = exploitLevel(finding)
  const reach = reachabilityOf(surface, finding.target.hosts)
  const deviceScore = deviceScoreOf(finding)
  const lowered = reach.reachable === false ? LOWER[level] : level
  const closed = CLOSED.has(finding.status)
  return {
    level: closed ? 'none' : lowered,
    reasons: [
      ...(closed ? [`triaged ${finding.status}`] : []),
      ...reasons,
      ...(deviceScore === undefined
        ? []
        : [`device CVSS ${String(deviceScore.score)} ${deviceScore.rating}`]),
      reach.reason,
    ],
    ...(reach.reachable === undefined ? {} : { reachable: reach.reachable }),
    ...(deviceScore === undefined ? {} : { deviceScore }),
  }
}

const order = (finding: PrioritizedFinding): number[] => [
  PRIORITY_LEVELS.indexOf(finding.priority.level),
  finding.kev === undefined ? 1 : 0,
  -(finding.epss?.epss ?? 0),
  -(finding.severity?.score ?? 0),
]

const compare = (a: PrioritizedFinding, b: PrioritizedFinding): number => {
  const [left, right] = [order(a), order(b)]
  for (let i = 0; i < left.length; i += 1) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0)
    if (difference !== 0) return difference
  }
  return a.id.localeCompare(b.id)
}

/** Every finding with its priority, the most urgent first. */
export const prioritizeFindings = (
  findings: readonly Finding[],
  model: DeviceModel | undefined,
): PrioritizedFinding[] => {
  const surface = attackSurfaceOf(model)
  return findings
    .map((finding) => ({ ...finding, priority: prioritize(finding, surface) }))
    .sort(compare)
}
