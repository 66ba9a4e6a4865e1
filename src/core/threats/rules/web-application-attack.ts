import type { Interface } from '../../model/index.js'
import {
  assetsHeldBy,
  flowsOutOf,
  isManufacturerResponsibility,
  listed,
  payloadsOf,
} from '../element-facts.js'
import type { ThreatRule } from '../threat-rule.js'

const WEB_KINDS: ReadonlySet<string> = new Set(['web-app', 'cloud-service', 'update-server'])
const NETWORK_TYPES: ReadonlySet<string> = new Set(['network', 'ethernet', 'wifi', 'cellular'])
const WEB_PROTOCOL = /\bhttps?\b|\bhttp\/[123]|\bweb\b|\brest\b|\bgraphql\b|\bwebsocket/i
const WEB_PORTS: ReadonlySet<string> = new Set(['80/tcp', '443/tcp', '8080/tcp', '8443/tcp'])
const CLINICAL_CATEGORIES: ReadonlySet<string> = new Set([
  'phi',
  'diagnosis-monitoring',
  'therapy-delivery',
])
const ONWARD_PAYLOADS = ['commands', 'configuration', 'software'] as const

/**
 * An enabled interface that answers web requests: inbound, or of unstated direction with
 * listening ports, speaking HTTP. Interfaces used both ways are usually clients of other web
 * services (downloads, push, agents) and are left out for elements that are not web services.
 */
const servesWeb = (item: Interface): boolean =>
  item.status !== 'disabled' &&
  (item.direction === 'in' || (item.direction === undefined && (item.ports ?? []).length > 0)) &&
  ((item.protocols ?? []).some((protocol) => WEB_PROTOCOL.test(protocol)) ||
    (item.ports ?? []).some((port) => WEB_PORTS.has(port.toLowerCase())))

/**
 * IMDRF N60 (Secure communications) asks for validation of all inputs; FDA Appendix 1 for
 * deny-by-default authorization and input validation. Web applications and APIs meet the OWASP
 * Top 10: injection, broken access control, vulnerable components, broken authentication.
 */
export const webApplicationAttack: ThreatRule = {
  id: 'web-application-attack',
  title: 'Web application or API attacked through injection or broken access control',
  stride: ['spoofing', 'tampering', 'information-disclosure', 'elevation-of-privilege'],
  capec: [66, 63, 1],
  cwe: [89, 79, 639],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Authorization' },
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Code, Data, and Execution Integrity' },
    { source: 'IMDRF N60', clause: '5.1.1 Table 1, Secure communications' },
  ],
  rationale:
    'A single injection or access-control flaw in a web application that holds clinical data or drives devices exposes or alters the records and settings of every patient it serves.',
  recommendations: [
    {
      category: 'authorization',
      text: 'Enforce object-level, deny-by-default authorization on every request, and test it',
    },
    {
      category: 'code-data-execution-integrity',
      text: 'Validate and encode all input and output (parameterised queries, framework escaping), keep web components patched, and run SAST, DAST and penetration tests against the OWASP Top 10',
    },
    {
      category: 'authentication',
      text: 'Use a vetted identity provider with multi-factor authentication and short-lived sessions',
    },
  ],
  subjectKind: 'element',
  evaluate: (context) =>
    context.model.elements.flatMap((element) => {
      if (!isManufacturerResponsibility(context, element)) return []
      const interfaces = context
        .interfacesOf(element.id)
        .filter((item) =>
          WEB_KINDS.has(element.kind)
            ? NETWORK_TYPES.has(item.type) && item.status !== 'disabled'
            : servesWeb(item),
        )
      if (interfaces.length === 0) return []
      const clinical = assetsHeldBy(context, element.id)
        .filter((asset) => CLINICAL_CATEGORIES.has(asset.category))
        .map((asset) => asset.id)
      const onward = flowsOutOf(context, element.id, ONWARD_PAYLOADS)
      const sends = payloadsOf(onward, ONWARD_PAYLOADS)
      const fleet =
        context.servesManyPatients(element.id) ||
        onward.some((flow) => context.servesManyPatients(flow.to))
      return [
        {
          subject: element.id,
          detail: [
            `${element.name} (${element.kind}) serves web requests on ${interfaces.map((item) => item.id).join(', ')}`,
            ...(clinical.length > 0 ? [`holds ${clinical.join(', ')}`] : []),
            ...(sends.length > 0
              ? [
                  `sends ${listed(sends)} to ${[...new Set(onward.map((flow) => flow.to))].join(', ')}`,
                ]
              : []),
          ].join('; '),
          ...(fleet ? { multiPatient: true } : {}),
        },
      ]
    }),
}
