import { describe, expect, it } from 'vitest'

import { minimalModel } from '../../../test/support/minimal-model.js'
import type { DeviceModel } from '../model/index.js'
import { determineCyberDevice } from './cyber-device.js'
import { expectedDocuments } from './expected-documents.js'

const model = (
  change: (m: ReturnType<typeof minimalModel>) => void = () => undefined,
): DeviceModel => {
  const m = minimalModel()
  change(m)
  return m as unknown as DeviceModel
}

describe('determineCyberDevice', () => {
  it('finds a BLE pump with firmware a cyber device and names the evidence', () => {
    const result = determineCyberDevice(model())
    expect(result.isCyberDevice).toBe(true)
    expect(result.sponsorSoftware.evidence).toEqual(['component freertos (rtos)'])
    expect(result.canConnectToInternet.evidence).toEqual([
      'interface pump-ble (ble, active) on pump-device',
      'interface phone-ble (ble, active) on phone',
    ])
    expect(result.canConnectToInternet.excluded).toEqual([])
  })

  it('counts a serial port even when unused, but not a disabled one', () => {
    const result = determineCyberDevice(
      model((m) => {
        m.interfaces = [
          { id: 'service-port', element: 'pump-device', type: 'serial', status: 'unused' },
          { id: 'jtag', element: 'pump-device', type: 'debug-uart', status: 'disabled' },
        ]
      }),
    )
    expect(result.canConnectToInternet.met).toBe(true)
    expect(result.canConnectToInternet.evidence).toEqual([
      'interface service-port (serial, unused) on pump-device',
    ])
    expect(result.canConnectToInternet.excluded).toHaveLength(1)
  })

  it('is not a cyber device without connectable interfaces', () => {
    const result = determineCyberDevice(
      model((m) => {
        m.interfaces = [
          { id: 'screen', element: 'pump-device', type: 'user-interface', status: 'active' },
        ]
      }),
    )
    expect(result.isCyberDevice).toBe(false)
    expect(result.vulnerableCharacteristics.met).toBe(false)
  })

  it('ignores interfaces of systems outside the device', () => {
    const result = determineCyberDevice(
      model((m) => {
        m.elements[1] = { ...m.elements[1]!, partOfDevice: false } as never
        m.interfaces = m.interfaces.filter((i) => i.element === 'phone')
      }),
    )
    expect(result.canConnectToInternet.met).toBe(false)
  })
})

describe('expectedDocuments', () => {
  it('requires the 524B documents of a cyber device and adds the PMA annual report only for PMA', () => {
    const pma = model((m) => {
      m.product.jurisdictions = { US: { class: 'III', pathway: 'pma' } }
    })
    const ids = expectedDocuments(pma, determineCyberDevice(pma)).map(
      (d) => `${d.id}:${d.obligation}`,
    )
    expect(ids).toContain('fda-sbom:required')
    expect(ids).toContain('fda-pma-annual-report:required')
    const k510 = model()
    expect(expectedDocuments(k510, determineCyberDevice(k510)).map((d) => d.id)).not.toContain(
      'fda-pma-annual-report',
    )
  })

  it('lists documents only for the markets the product is in', () => {
    const jp = model((m) => {
      m.product.jurisdictions = { JP: { class: 'III' } } as never
    })
    const documents = expectedDocuments(jp, determineCyberDevice(jp))
    expect(new Set(documents.map((d) => d.jurisdiction))).toEqual(new Set(['JP']))
    expect(documents[0]).toMatchObject({
      id: 'jp-jis-t-81001-5-1-checklist',
      obligation: 'required',
    })
  })
})
