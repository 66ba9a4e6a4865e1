import { describeFlow, isDeviceCommunicationPath, touchesManyPatients } from '../flow-facts.js'
import type { ThreatRule } from '../threat-rule.js'
import type { DataFlow } from '../../model/index.js'

/** TLS 1.0 and 1.1 and every SSL version, as a version field or in a mechanism text. */
const DEPRECATED_TLS = /\btls\s*v?1\.[01]\b|\bssl\s*v?[23](?:\.0)?\b/i
const DEPRECATED_WIFI = /\bwep\b|\btkip\b|^wpa$/i

const tlsVersion = (flow: DataFlow): string[] => {
  const { type, version } = flow.encryption
  if (version === undefined) return []
  const normalized = version.trim().replace(/^v/i, '')
  if ((type === 'tls' || type === 'dtls') && (normalized === '1.0' || normalized === '1.1')) {
    return [`${type.toUpperCase()} ${normalized}`]
  }
  if (DEPRECATED_TLS.test(version)) return [version]
  if (type === 'wifi-link-layer' && DEPRECATED_WIFI.test(version)) return [`Wi-Fi ${version}`]
  return []
}

const inMechanism = (flow: DataFlow): string[] => {
  const { mechanism } = flow.encryption
  const match = mechanism?.match(DEPRECATED_TLS)?.[0]
  return match === undefined ? [] : [`${match} in '${mechanism ?? ''}'`]
}

/** Why the flow's encryption is deprecated or needs expert analysis; empty when neither. */
const weaknesses = (flow: DataFlow): string[] => [
  ...tlsVersion(flow),
  ...inMechanism(flow),
  ...(flow.encryption.type === 'proprietary' ? ['proprietary encryption'] : []),
]

/**
 * FDA Appendix 1 (Cryptography): no algorithms or protocol versions NIST SP 800-131A deprecates,
 * negotiate the strongest version, and (Appendix 2) proprietary cryptography needs an expert
 * analysis in the submission.
 */
export const deprecatedProtocolVersion: ThreatRule = {
  id: 'deprecated-protocol-version',
  title: 'Deprecated or proprietary cryptographic protocol',
  stride: ['information-disclosure', 'tampering'],
  capec: [620, 97],
  cwe: [757, 1240],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Cryptography' },
    { source: 'FDA premarket guidance', clause: 'Appendix 2, Security architecture flows' },
    { source: 'IMDRF N60', clause: '5.1.1 Table 1, Data protection' },
    { source: 'MDS2', clause: 'TXCF' },
  ],
  rationale:
    'SSL, TLS 1.0 and 1.1, WEP and home-grown ciphers have known or unassessed weaknesses: an attacker on the path may downgrade, decrypt or alter the traffic the protection was meant to cover, including data and commands a patient depends on.',
  recommendations: [
    {
      category: 'cryptography',
      text: 'Use TLS 1.2 or 1.3 (DTLS 1.2 or later) with NIST-recommended cipher suites, disable older versions on both ends, and refuse downgrades',
    },
    {
      category: 'cryptography',
      text: 'Replace proprietary cryptography by standard algorithms, or submit an expert analysis of it',
    },
  ],
  subjectKind: 'data flow',
  evaluate: (context) =>
    context.model.dataFlows.flatMap((flow) => {
      const found = weaknesses(flow)
      if (found.length === 0 || !isDeviceCommunicationPath(context, flow)) return []
      return [
        {
          subject: flow.id,
          detail: `${describeFlow(flow)} uses ${found.join('; ')}`,
          multiPatient: touchesManyPatients(context, flow),
        },
      ]
    }),
}
