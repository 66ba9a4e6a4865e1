import type { ThreatContext } from '../threat-context.js'
import type { ThreatRule } from '../threat-rule.js'
import type { Interface } from '../../model/index.js'

interface LegacyService {
  readonly name: string
  readonly pattern: RegExp
  readonly port: string
}

/** Services that send everything, passwords included, in clear, by name and by well-known port. */
const LEGACY_SERVICES: readonly LegacyService[] = [
  { name: 'Telnet', pattern: /\btelnet\b/i, port: '23/tcp' },
  { name: 'FTP', pattern: /\bftp\b/i, port: '21/tcp' },
  { name: 'TFTP', pattern: /\btftp\b/i, port: '69/udp' },
  { name: 'HTTP', pattern: /\bhttp\b/i, port: '80/tcp' },
]

/** A protocol name that says it runs inside TLS, SSH or similar (e.g. "gRPC over HTTP/2 and TLS"). */
const SECURED = /\b(?:tls|ssl|ssh|https|ftps|sftp)\b/i

const SERVER_KINDS: ReadonlySet<string> = new Set(['server', 'cloud-service', 'update-server'])

const isLegacy = (service: LegacyService, text: string): boolean =>
  service.pattern.test(text) && !SECURED.test(text)

/** Evidence that the interface offers each legacy cleartext service: protocols, ports, flows. */
const evidence = (context: ThreatContext, item: Interface): string[] => {
  const inbound = context
    .flowsThrough(item.id)
    .filter((flow) => flow.to === item.element && flow.encryption.type === 'none')
  return LEGACY_SERVICES.flatMap((service) => {
    const reasons = [
      ...(item.protocols ?? [])
        .filter((protocol) => isLegacy(service, protocol))
        .map((protocol) => `protocol '${protocol}'`),
      ...(item.ports?.includes(service.port) === true ? [`port ${service.port}`] : []),
      ...inbound
        .filter((flow) => isLegacy(service, flow.protocol))
        .map((flow) => `flow ${flow.id}`),
    ]
    return reasons.length === 0 ? [] : [`${service.name} (${reasons.join(', ')})`]
  })
}

/**
 * Telnet, FTP, TFTP and plain HTTP carry credentials and commands in clear and are typical of
 * development leftovers; MDS2 SAHD asks whether unnecessary services are removed.
 */
export const legacyCleartextService: ThreatRule = {
  id: 'legacy-cleartext-service',
  title: 'Legacy cleartext service (Telnet, FTP, plain HTTP) offered',
  stride: ['information-disclosure', 'spoofing', 'elevation-of-privilege'],
  capec: [158, 555],
  cwe: [319, 523],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Confidentiality' },
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Authorization' },
    { source: 'MDS2', clause: 'SAHD' },
    { source: 'MDS2', clause: 'TXCF' },
  ],
  rationale:
    'Whoever listens on the network collects the passwords these services send in clear, and whoever reaches the port can log in with them: often a shell on the device or server, from which therapy, alarms or data of every connected patient can be changed.',
  recommendations: [
    {
      category: 'authorization',
      text: 'Remove the service from production builds, or disable it by default and deny access to its port',
    },
    {
      category: 'confidentiality',
      text: 'Replace it where needed by an encrypted, mutually authenticated equivalent (SSH, SFTP, HTTPS)',
    },
  ],
  subjectKind: 'interface',
  evaluate: (context) =>
    context.model.interfaces.flatMap((item) => {
      if (item.status === 'disabled') return []
      const kind = context.element(item.element)?.kind ?? ''
      if (!context.isDevice(item.element) && !SERVER_KINDS.has(kind)) return []
      const found = evidence(context, item)
      if (found.length === 0) return []
      return [
        {
          subject: item.id,
          detail: `${item.type} interface '${item.id}' on ${item.element} (${item.status}) offers ${found.join(', ')}`,
          multiPatient: context.servesManyPatients(item.element),
        },
      ]
    }),
}
