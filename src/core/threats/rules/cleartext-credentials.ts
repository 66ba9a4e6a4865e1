import {
  authenticatesSource,
  describeFlow,
  isCleartextInTransit,
  isDeviceCommunicationPath,
  touchesManyPatients,
} from '../flow-facts.js'
import type { ThreatRule } from '../threat-rule.js'
import type { DataFlow } from '../../model/index.js'

const KEYED_INTEGRITY: ReadonlySet<string> = new Set([
  'mac',
  'signature',
  'authenticated-encryption',
])

/** Mechanisms that prove identity without sending a reusable secret. */
const SECRETLESS = /kerberos|challenge[- ]response|certificate|public[- ]key|ecdsa|hmac/i
/** Words that say a password, PIN or code is involved after all. */
const SECRET_SENT = /password|passcode|\bpin\b|\bcode\b|ntlm/i

/**
 * The source proves its identity with a secret that an eavesdropper on a cleartext path can
 * capture: not when the flow is protected by keyed cryptography, nor when the mechanism is one
 * that never sends the secret (Kerberos, certificates, challenge-response).
 */
const sendsSecretInClear = (flow: DataFlow): boolean => {
  if (!authenticatesSource(flow) || KEYED_INTEGRITY.has(flow.integrity)) return false
  const mechanism = flow.authentication.mechanism ?? ''
  return !SECRETLESS.test(mechanism) || SECRET_SENT.test(mechanism)
}

/**
 * FDA Appendix 1 (Confidentiality): keep credentials and keys secret in transit. Credentials
 * carried as payload, or passwords presented for authentication, over a path without encryption
 * are captured by anyone listening.
 */
export const cleartextCredentials: ThreatRule = {
  id: 'cleartext-credentials',
  title: 'Credentials sent over an unencrypted path',
  stride: ['information-disclosure', 'spoofing'],
  capec: [158, 560],
  cwe: [523, 319],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Confidentiality' },
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Authentication' },
    { source: 'IMDRF N60', clause: '5.1.1 Table 1, Data protection' },
    { source: 'MDS2', clause: 'TXCF' },
  ],
  rationale:
    'A password, key or service code captured once lets the attacker authenticate as its owner: a clinician, a service technician or a whole fleet of devices, and change therapy or configuration with their rights.',
  recommendations: [
    {
      category: 'confidentiality',
      text: 'Send credentials only inside an encrypted, server-authenticated channel (TLS 1.2 or later, LDAPS), or use a mechanism that never sends them (challenge-response, certificates, Kerberos)',
    },
    {
      category: 'authentication',
      text: 'Use per-device and per-person credentials so that a captured one opens as little as possible',
    },
  ],
  subjectKind: 'data flow',
  evaluate: (context) =>
    context.model.dataFlows.flatMap((flow) => {
      if (!isCleartextInTransit(context, flow)) return []
      const carried = flow.payload.includes('credentials')
      if (!carried && !sendsSecretInClear(flow)) return []
      if (!isDeviceCommunicationPath(context, flow)) return []
      const shared = flow.authentication.credentials
      return [
        {
          subject: flow.id,
          detail: carried
            ? `${describeFlow(flow)} carries credentials without encryption`
            : `${describeFlow(flow)} authenticates its source without encryption` +
              (flow.authentication.mechanism === undefined
                ? ''
                : ` (${flow.authentication.mechanism})`),
          multiPatient:
            shared === 'shared' ||
            shared === 'default' ||
            shared === 'hard-coded' ||
            touchesManyPatients(context, flow),
        },
      ]
    }),
}
