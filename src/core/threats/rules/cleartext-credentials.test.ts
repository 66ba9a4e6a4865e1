import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { cleartextCredentials } from './cleartext-credentials.js'

const inClear =
  (mechanism?: string) =>
  (m: MinimalModel): void => {
    m.dataFlows[0]!.encryption = { type: 'none' }
    m.dataFlows[0]!.integrity = 'none'
    m.dataFlows[0]!.authentication =
      mechanism === undefined
        ? { type: 'source' }
        : Object.assign({ type: 'source' }, { mechanism })
  }

describe('cleartext-credentials', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    [
      'fires on credentials carried without encryption',
      (m) => {
        inClear()(m)
        m.dataFlows[0]!.payload = ['credentials']
      },
      ['bolus-command'],
    ],
    ['fires on a password presented in clear', inClear('Password'), ['bolus-command']],
    ['fires when the mechanism is not described', inClear(), ['bolus-command']],
    [
      'fires on NTLM even where Kerberos is mentioned',
      inClear('NTLMv2 (mapped by IP address, so Kerberos is not used)'),
      ['bolus-command'],
    ],
    ['is silent on Kerberos', inClear('Kerberos with the machine account'), []],
    ['is silent on challenge-response', inClear('Challenge-response, HMAC-SHA256'), []],
    [
      'is silent when keyed cryptography protects the flow',
      (m) => {
        inClear('Password')(m)
        m.dataFlows[0]!.integrity = 'mac'
      },
      [],
    ],
    [
      'is silent when nobody authenticates',
      (m) => {
        inClear()(m)
        m.dataFlows[0]!.authentication = { type: 'none' }
      },
      [],
    ],
    ['is silent when the path is encrypted', () => undefined, []],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(cleartextCredentials, change)).toEqual(expected)
  })
})
