import { describe, expect, it } from 'vitest'

import { freertosFinding } from '../../../test/support/finding-fixture.js'
import { validModel, type MinimalModel } from '../../../test/support/rule-harness.js'
import type { Finding } from '../vulnerabilities/index.js'
import { exposureOf, suggestTriage } from './triage-suggestion.js'

const finding = freertosFinding

type Change = (model: MinimalModel) => void

const pumpRadio =
  (status: 'active' | 'unused' | 'disabled'): Change =>
  (model) => {
    const radio = model.interfaces.find((item) => item.id === 'pump-ble')
    if (radio !== undefined) radio.status = status
  }
const flowFromPump =
  (bidirectional: boolean): Change =>
  (model) => {
    model.dataFlows = model.dataFlows.map((flow) => ({
      ...flow,
      from: 'pump-device',
      to: 'phone',
      interfaces: ['pump-ble', 'phone-ble'],
      ...(bidirectional ? { bidirectional: true } : {}),
    }))
  }
const hospitalFeed: Change = (model) => {
  model.elements.push({ id: 'hospital-emr', name: 'EMR', kind: 'hdo-system', owner: 'hdo' })
  model.dataFlows = model.dataFlows.map((flow) => ({
    ...flow,
    from: 'hospital-emr',
    interfaces: ['pump-ble'],
  }))
}
const all =
  (...changes: Change[]): Change =>
  (model) => {
    for (const change of changes) change(model)
  }

/** The pump's one flow only sends to the phone, and its radio is off. */
const UNREACHABLE = all(pumpRadio('disabled'), flowFromPump(false))
const KEV = { kev: { dateAdded: '2021-12-10' } }

describe('suggestTriage', () => {
  it.each<[string, Change, Partial<Finding>, string, string | undefined, RegExp]>([
    [
      'the host has an active radio',
      () => undefined,
      {},
      'under_investigation',
      undefined,
      /pump-device has the enabled ble interface pump-ble in release 1\.0/,
    ],
    [
      'an unused interface is still enabled',
      pumpRadio('unused'),
      {},
      'under_investigation',
      undefined,
      /enabled ble interface pump-ble/,
    ],
    [
      'a data flow brings the host data from an exposed element',
      pumpRadio('disabled'),
      {},
      'under_investigation',
      undefined,
      /data flow bolus-command brings pump-device data from phone/,
    ],
    [
      'an element outside the device feeds the host',
      all(pumpRadio('disabled'), hospitalFeed),
      {},
      'under_investigation',
      undefined,
      /brings pump-device data from hospital-emr/,
    ],
    [
      'the host only sends, on a one-way flow',
      all(pumpRadio('disabled'), flowFromPump(false)),
      {},
      'not_affected',
      'vulnerable_code_not_in_execute_path',
      /no enabled network, wireless or USB interface/,
    ],
    [
      'responses come back on a bidirectional flow',
      all(pumpRadio('disabled'), flowFromPump(true)),
      {},
      'under_investigation',
      undefined,
      /brings responses to pump-device from phone/,
    ],
    [
      'no interface and no flow',
      UNREACHABLE,
      {},
      'not_affected',
      'vulnerable_code_not_in_execute_path',
      /^FreeRTOS runs on pump-device\.$/,
    ],
    [
      'the model does not say where it runs',
      UNREACHABLE,
      { target: { ...finding().target, hosts: [] } },
      'under_investigation',
      undefined,
      /does not say which element runs FreeRTOS/,
    ],
    [
      'it runs on something the model does not describe',
      UNREACHABLE,
      { target: { ...finding().target, hosts: ['pump-device', 'co-processor'] } },
      'under_investigation',
      undefined,
      /runs on co-processor, which the model does not describe/,
    ],
    [
      'a triage in the model carries over',
      () => undefined,
      {
        status: 'not_affected',
        assessedAs: 'CVE-2018-16525@freertos',
        assessment: {
          finding: 'CVE-2018-16525@freertos',
          status: 'not_affected',
          justification: 'vulnerable_code_not_present',
        },
      },
      'not_affected',
      'vulnerable_code_not_present',
      /already records CVE-2018-16525@freertos as not_affected/,
    ],
    [
      'KEV is said first, and does not change what the model shows',
      UNREACHABLE,
      KEV,
      'not_affected',
      'vulnerable_code_not_in_execute_path',
      /^CISA lists CVE-2018-16525 as exploited in the wild since 2021-12-10\.$/,
    ],
  ])('%s', (_label, change, findingChange, status, justification, sentence) => {
    const suggestion = suggestTriage(finding(findingChange), validModel(change), '1.0')
    expect(suggestion.status).toBe(status)
    expect(suggestion.justification).toBe(justification)
    expect(suggestion.reasoning.some((line) => sentence.test(line))).toBe(true)
    expect(suggestion.reasoning.every((line) => /^[A-Z].*[.;]$/.test(line))).toBe(true)
  })

  it('ignores interfaces and flows of other releases', () => {
    const model = validModel(
      all(flowFromPump(false), (draft) => {
        draft.releases.push({ ...draft.releases[0]!, version: '2.0', changeType: 'security-patch' })
        const radio = draft.interfaces.find((item) => item.id === 'pump-ble')
        if (radio !== undefined) Object.assign(radio, { releases: ['2.0'] })
      }),
    )
    expect(suggestTriage(finding(), model, '1.0').status).toBe('not_affected')
    expect(suggestTriage(finding(), model, '2.0').status).toBe('under_investigation')
  })
})

describe('exposureOf', () => {
  it('reaches along chains of flows until nothing changes', () => {
    const model = validModel(
      all(pumpRadio('disabled'), (draft) => {
        draft.elements.push({
          id: 'motor-mcu',
          name: 'Motor controller',
          kind: 'device-component',
          owner: 'manufacturer',
        })
        draft.dataFlows.push({
          ...draft.dataFlows[0]!,
          id: 'motor-command',
          from: 'pump-device',
          to: 'motor-mcu',
          interfaces: [],
        })
      }),
    )
    const exposure = exposureOf(model, '1.0')
    expect(exposure.get('phone')?.why).toMatch(/phone-ble/)
    expect(exposure.get('pump-device')).toEqual({
      why: 'data flow bolus-command brings pump-device data from phone',
      from: 'phone',
    })
    const onMotor = finding({ target: { ...finding().target, hosts: ['motor-mcu'] } })
    expect(suggestTriage(onMotor, model, '1.0').reasoning).toContain(
      'It can be reached from outside the device: data flow motor-command brings motor-mcu data from pump-device; data flow bolus-command brings pump-device data from phone; phone has the enabled ble interface phone-ble in release 1.0.',
    )
  })
})
