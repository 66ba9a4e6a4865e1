import type { DataFlow, ElementKind, SecurityNeed, TrustBoundary } from '../../core/index.js'
import { NO_PROTECTION, type Protection } from './placeholders.js'

/** Threagile's words, as its schema and `types` package spell them, mapped to medcyber's. */

/** Technologies that say more about an element than Threagile's three asset types do. */
const KIND_BY_TECHNOLOGY: Readonly<Record<string, ElementKind>> = {
  'mobile-app': 'mobile-app',
  desktop: 'desktop-app',
  'client-system': 'workstation',
  'devops-client': 'workstation',
  browser: 'web-app',
  'web-application': 'web-app',
  'iot-device': 'device',
  database: 'data-store',
  'file-server': 'data-store',
  'local-file-system': 'data-store',
  'search-index': 'data-store',
  'data-lake': 'data-store',
  'block-storage': 'data-store',
  'identity-store-database': 'data-store',
  'load-balancer': 'network-infrastructure',
  'reverse-proxy': 'network-infrastructure',
  gateway: 'network-infrastructure',
  waf: 'network-infrastructure',
  ids: 'network-infrastructure',
  ips: 'network-infrastructure',
  'service-mesh': 'network-infrastructure',
  function: 'cloud-service',
}

export interface KindChoice {
  readonly kind: ElementKind
  /** How the kind was chosen, for review when it is a default. */
  readonly basis: string
  readonly guessed: boolean
}

/**
 * The element kind of a technical asset: external entities and data stores by their type, a
 * process by its first telling technology (or serverless machine), else a server.
 */
export const kindOfTechnicalAsset = (
  type: string | undefined,
  technologies: readonly string[],
  machine: string | undefined,
): KindChoice => {
  if (type === 'external-entity') {
    return { kind: 'external-entity', basis: 'type external-entity', guessed: false }
  }
  if (type === 'datastore') return { kind: 'data-store', basis: 'type datastore', guessed: false }
  for (const technology of technologies) {
    const kind = KIND_BY_TECHNOLOGY[technology]
    if (kind !== undefined) return { kind, basis: `technology ${technology}`, guessed: false }
  }
  if (machine === 'serverless') {
    return { kind: 'cloud-service', basis: 'serverless machine', guessed: false }
  }
  const telling = technologies.filter((technology) => technology !== 'unknown-technology')
  return telling.length > 0
    ? { kind: 'server', basis: `technology ${telling.join(', ')}`, guessed: false }
    : { kind: 'server', basis: `type ${type ?? '(none)'} without a technology`, guessed: true }
}

const TLS_PROTOCOLS = new Set([
  'https',
  'wss',
  'reverse-proxy-web-protocol-encrypted',
  'jdbc-encrypted',
  'odbc-encrypted',
  'sql-access-protocol-encrypted',
  'nosql-access-protocol-encrypted',
  'smtp-encrypted',
  'pop3-encrypted',
  'imap-encrypted',
  'ftps',
  'ldaps',
  'iiop-encrypted',
  'jrmp-encrypted',
])

const SSH_PROTOCOLS = new Set(['ssh', 'sftp', 'scp'])

/** Encrypted, but Threagile does not say how, so integrity cannot be assumed. */
const OTHER_ENCRYPTED_PROTOCOLS = new Set(['binary-encrypted', 'text-encrypted', 'smb-encrypted'])

/**
 * What a link's protocol and `vpn` flag say about its protection. A TLS or SSH channel or a VPN
 * protects integrity (`mac` is the least each gives); other encrypted protocols are encrypted in
 * an unknown way, so integrity stays `none`.
 */
export const protectionOfLink = (protocol: string | undefined, vpn: boolean): Protection => {
  if (protocol !== undefined && TLS_PROTOCOLS.has(protocol)) {
    return {
      encryption: vpn ? { type: 'tls', mechanism: 'inside a VPN' } : { type: 'tls' },
      integrity: 'mac',
    }
  }
  if (protocol !== undefined && SSH_PROTOCOLS.has(protocol)) {
    return { encryption: { type: 'application-layer', mechanism: 'SSH' }, integrity: 'mac' }
  }
  if (protocol === 'ssh-tunnel') {
    return { encryption: { type: 'vpn', mechanism: 'SSH tunnel' }, integrity: 'mac' }
  }
  if (vpn) return { encryption: { type: 'vpn' }, integrity: 'mac' }
  if (protocol !== undefined && OTHER_ENCRYPTED_PROTOCOLS.has(protocol)) {
    return {
      encryption: { type: 'application-layer', mechanism: `${protocol} (mechanism not stated)` },
      integrity: 'none',
    }
  }
  return NO_PROTECTION
}

const AUTHENTICATION_MECHANISMS: Readonly<Record<string, string>> = {
  credentials: 'credentials (user name and password)',
  'session-id': 'session id',
  token: 'token',
  'client-certificate': 'client certificate',
  'two-factor': 'two-factor authentication',
  externalized: 'externalized to an identity provider',
}

/**
 * Threagile's link authentication says how the caller (the source) proves who it is, so the
 * destination verifies the source. Whether the source verifies the destination is not said.
 */
export const authenticationOfLink = (
  authentication: string | undefined,
): DataFlow['authentication'] | undefined => {
  if (authentication === 'none') return { type: 'none' }
  const mechanism =
    authentication === undefined ? undefined : AUTHENTICATION_MECHANISMS[authentication]
  return mechanism === undefined ? undefined : { type: 'source', mechanism }
}

const CONFIDENTIALITY = [
  'public',
  'internal',
  'restricted',
  'confidential',
  'strictly-confidential',
]
const CRITICALITY = ['archive', 'operational', 'important', 'critical', 'mission-critical']

/**
 * Threagile's five-step ratings on the three-step CVSS scale: the lowest step is none, the second
 * low, and from the middle step up high (the cautious rounding).
 */
const needOf = (scale: readonly string[], value: string | undefined): SecurityNeed | undefined => {
  const index = value === undefined ? -1 : scale.indexOf(value)
  if (index < 0) return undefined
  return index === 0 ? 'none' : index === 1 ? 'low' : 'high'
}

export const confidentialityNeed = (value: string | undefined): SecurityNeed | undefined =>
  needOf(CONFIDENTIALITY, value)

export const criticalityNeed = (value: string | undefined): SecurityNeed | undefined =>
  needOf(CRITICALITY, value)

const BOUNDARY_KINDS: Readonly<Record<string, TrustBoundary['kind']>> = {
  'network-on-prem': 'network-zone',
  'network-dedicated-hoster': 'network-zone',
  'network-virtual-lan': 'network-zone',
  'network-cloud-security-group': 'network-zone',
  'network-policy-namespace-isolation': 'network-zone',
  'network-cloud-provider': 'cloud',
  'execution-environment': 'execution-environment',
}

export const boundaryKindOf = (type: string | undefined): TrustBoundary['kind'] | undefined =>
  type === undefined ? undefined : BOUNDARY_KINDS[type]

/**
 * The id Threagile gives a communication link (`createDataFlowId`): the source asset's id, `>`,
 * and the link title in lower case with every run of other characters made a hyphen.
 */
export const threagileLinkId = (sourceAssetId: string, title: string): string =>
  `${sourceAssetId}>${title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[- ]+|[- ]+$/g, '')}`
