import { describe, expect, it } from 'vitest'

import { validModel, type MinimalModel } from '../../../test/support/rule-harness.js'
import type { DeviceModel } from '../model/index.js'
import type { ArchitectureView, ViewBoundary, ViewSpec } from './architecture-view.js'
import { availableViews, parseViewId, selectView, viewId } from './index.js'

interface Draft {
  elements: unknown[]
  dataFlows: unknown[]
  trustBoundaries: unknown[]
  controls: unknown[]
  product: { clinicalFunctions: unknown[] }
}

const flow = (
  id: string,
  from: string,
  to: string,
  payload: string[],
  more: Record<string, unknown> = {},
): Record<string, unknown> => ({
  id,
  name: `Flow ${id}`,
  from,
  to,
  protocol: 'HTTPS',
  payload,
  authentication: { type: 'mutual' },
  encryption: { type: 'tls', version: '1.3' },
  integrity: 'authenticated-encryption',
  replayProtection: true,
  ...more,
})

/**
 * The minimal pump and phone, plus a cloud that pushes settings, an update server whose firmware
 * the phone relays to the pump over the patient's home router, a database, a clinician and the
 * patient at the pump's own screen.
 */
const addSystem = (m: MinimalModel): void => {
  const draft = m as unknown as Draft
  draft.elements.push(
    { id: 'cloud', name: 'Cloud API', kind: 'cloud-service', owner: 'manufacturer' },
    { id: 'updates', name: 'Update server', kind: 'update-server', owner: 'manufacturer' },
    { id: 'db', name: 'Database', kind: 'data-store', owner: 'manufacturer' },
    { id: 'home-router', name: 'Home router', kind: 'network-infrastructure', owner: 'patient' },
    { id: 'clinician', name: 'Clinician', kind: 'external-entity', owner: 'hdo' },
    { id: 'patient-user', name: 'Patient', kind: 'external-entity', owner: 'patient' },
  )
  draft.dataFlows.push(
    flow('fw-download', 'updates', 'phone', ['software'], {
      intermediaries: ['home-router'],
      integrity: 'signature',
    }),
    flow('fw-install', 'phone', 'pump-device', ['software'], { integrity: 'signature' }),
    flow('settings-push', 'cloud', 'phone', ['configuration']),
    flow('sync', 'phone', 'cloud', ['data']),
    flow('cloud-db', 'cloud', 'db', ['data']),
    flow('clinician-review', 'clinician', 'cloud', ['data']),
    flow('status', 'pump-device', 'phone', ['data']),
    flow('screen-entry', 'patient-user', 'pump-device', ['commands'], {
      interfaces: ['pump-ui'],
      authentication: { type: 'none' },
      encryption: { type: 'none' },
      integrity: 'none',
      replayProtection: false,
    }),
  )
  ;(m as unknown as { interfaces: unknown[] }).interfaces.push({
    id: 'pump-ui',
    element: 'pump-device',
    type: 'user-interface',
    status: 'active',
  })
  draft.trustBoundaries.push(
    {
      id: 'patient-home',
      name: 'Patient home',
      kind: 'physical',
      elements: ['phone', 'home-router', 'patient-user'],
      boundaries: ['patient-body-area'],
    },
    {
      id: 'manufacturer-cloud',
      name: 'Manufacturer cloud',
      kind: 'cloud',
      elements: ['cloud', 'updates'],
      boundaries: ['cloud-private'],
    },
    { id: 'cloud-private', name: 'Private subnet', kind: 'network-zone', elements: ['db'] },
    { id: 'hospital', name: 'Hospital', kind: 'organization', elements: ['clinician'] },
  )
  draft.product.clinicalFunctions.push({
    id: 'remote-settings',
    name: 'Remote therapy settings',
    category: 'therapy-delivery',
    elements: ['cloud'],
  })
  draft.controls.push({
    id: 'signed-firmware',
    name: 'Signed firmware',
    category: 'code-data-execution-integrity',
    kind: 'design',
    status: 'verified',
    elements: ['fw-install', 'pump-device'],
  })
}

const systemModel = (change: (m: MinimalModel) => void = () => undefined): DeviceModel =>
  validModel((m) => {
    addSystem(m)
    change(m)
  })

const view = (model: DeviceModel, spec: ViewSpec): ArchitectureView => {
  const result = selectView(model, spec)
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

const ids = (items: readonly { readonly id: string }[]): string[] => items.map((i) => i.id)

const tree = (boundaries: readonly ViewBoundary[]): unknown[] =>
  boundaries.map((b) => ({ [b.id]: [...b.elements, ...tree(b.boundaries)] }))

const ALL_ELEMENTS = [
  'clinician',
  'cloud',
  'db',
  'home-router',
  'patient-user',
  'phone',
  'pump-device',
  'updates',
]
const ALL_FLOWS = [
  'bolus-command',
  'clinician-review',
  'cloud-db',
  'fw-download',
  'fw-install',
  'screen-entry',
  'settings-push',
  'status',
  'sync',
]

describe('selectView', () => {
  it.each<[string, ViewSpec, string[], string[], string[]]>([
    ['global: everything', 'global', ALL_ELEMENTS, ALL_FLOWS, []],
    [
      'multi-patient: servers that reach devices, every flow touching them and the fleet paths on to the devices',
      'multi-patient',
      ['clinician', 'cloud', 'db', 'home-router', 'phone', 'pump-device', 'updates'],
      [
        'bolus-command',
        'clinician-review',
        'cloud-db',
        'fw-download',
        'fw-install',
        'settings-push',
        'sync',
      ],
      ['cloud', 'updates'],
    ],
    [
      'update: exactly the software paths, with the hops the manufacturer does not run highlighted',
      'update',
      ['home-router', 'phone', 'pump-device', 'updates'],
      ['fw-download', 'fw-install'],
      ['home-router', 'phone'],
    ],
    [
      'use case: the elements performing the function, their flows and the other ends',
      { useCase: 'remote-settings' },
      ['clinician', 'cloud', 'db', 'phone'],
      ['clinician-review', 'cloud-db', 'settings-push', 'sync'],
      ['cloud'],
    ],
    [
      'use case of the pump: its commands, status and local screen',
      { useCase: 'bolus' },
      ['patient-user', 'phone', 'pump-device'],
      ['bolus-command', 'fw-install', 'screen-entry', 'status'],
      ['pump-device'],
    ],
  ])('%s', (_, spec, elements, flows, highlighted) => {
    const shown = view(systemModel(), spec)
    expect(ids(shown.elements)).toEqual(elements)
    expect(ids(shown.flows)).toEqual(flows)
    expect(shown.highlights.elements).toEqual(highlighted)
    expect(shown.description.length).toBeGreaterThan(40)
  })

  it('marks the flows that spread commands, configuration or software in the multi-patient view', () => {
    expect(view(systemModel(), 'multi-patient').highlights.flows).toEqual([
      'bolus-command',
      'fw-download',
      'fw-install',
      'settings-push',
    ])
  })

  it('keeps only boundaries holding a shown element, nested as in the model', () => {
    expect(tree(view(systemModel(), 'global').boundaries)).toEqual([
      { hospital: ['clinician'] },
      { 'manufacturer-cloud': ['cloud', 'updates', { 'cloud-private': ['db'] }] },
      {
        'patient-home': [
          'home-router',
          'patient-user',
          'phone',
          { 'patient-body-area': ['pump-device'] },
        ],
      },
    ])
    expect(tree(view(systemModel(), { useCase: 'remote-settings' }).boundaries)).toEqual([
      { hospital: ['clinician'] },
      { 'manufacturer-cloud': ['cloud', { 'cloud-private': ['db'] }] },
      { 'patient-home': ['phone'] },
    ])
  })

  it('draws an element listed in nested boundaries in the innermost one only', () => {
    const shown = view(
      systemModel((m) => {
        const home = (m as unknown as Draft).trustBoundaries[1] as { elements: string[] }
        home.elements.push('pump-device')
      }),
      'global',
    )
    expect(tree(shown.boundaries)[2]).toEqual({
      'patient-home': [
        'home-router',
        'patient-user',
        'phone',
        { 'patient-body-area': ['pump-device'] },
      ],
    })
  })

  it('traces the controls on shown elements and flows', () => {
    const shown = view(systemModel(), 'update')
    expect(shown.controls).toEqual([
      {
        id: 'signed-firmware',
        name: 'Signed firmware',
        category: 'code-data-execution-integrity',
        status: 'verified',
        appliesTo: ['fw-install', 'pump-device'],
      },
    ])
    expect(shown.elements.find((e) => e.id === 'pump-device')?.controls).toEqual([
      'signed-firmware',
    ])
    expect(shown.flows.find((f) => f.id === 'fw-install')?.controls).toEqual(['signed-firmware'])
    expect(view(systemModel(), { useCase: 'remote-settings' }).controls).toEqual([])
  })

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a well-protected command', {}, []],
    [
      'an unauthenticated, unencrypted command with a CRC',
      {
        authentication: { type: 'none' },
        encryption: { type: 'none' },
        integrity: 'crc',
        replayProtection: false,
      },
      ['no-authentication', 'no-encryption', 'crc-only', 'no-replay-protection'],
    ],
    [
      'a command authenticated with a shared secret',
      { authentication: { type: 'source', credentials: 'shared' } },
      ['weak-credentials'],
    ],
  ])('finds the weaknesses of %s', (_, security, weaknesses) => {
    const shown = view(
      validModel((m) => {
        Object.assign(m.dataFlows[0] ?? {}, security)
      }),
      'global',
    )
    expect(shown.flows[0]?.weaknesses).toEqual(weaknesses)
  })

  it('does not judge physical flows: a person at the device, a signal with no interface', () => {
    const model = systemModel((m) => {
      const draft = m as unknown as Draft
      draft.dataFlows.push(
        flow('electrodes', 'patient-user', 'pump-device', ['data'], {
          assets: ['dose-settings'],
          authentication: { type: 'none' },
          encryption: { type: 'none' },
          integrity: 'none',
        }),
      )
    })
    for (const id of ['screen-entry', 'electrodes']) {
      const physical = view(model, 'global').flows.find((f) => f.id === id)
      expect(physical?.critical).toBe(false)
      expect(physical?.weaknesses).toEqual([])
    }
  })

  it('explains an empty multi-patient and update view instead of failing', () => {
    const model = validModel()
    const multi = view(model, 'multi-patient')
    expect(multi.elements).toEqual([])
    expect(multi.description).toMatch(/No element reaches many patients/)
    const update = view(model, 'update')
    expect(update.flows).toEqual([])
    expect(update.description).toMatch(/No data flow carries software/)
  })

  it('returns an error value for an unknown use case, with the nearest one', () => {
    const result = selectView(systemModel(), { useCase: 'bolu' })
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'unknown-use-case',
        message:
          "'bolu' is not a clinical function of the model; did you mean 'bolus'? Use cases: bolus, remote-settings",
      },
    })
  })

  it('gives the same view whatever order the model lists things in', () => {
    const reversed = systemModel((m) => {
      const draft = m as unknown as Draft
      draft.elements.reverse()
      draft.dataFlows.reverse()
      draft.trustBoundaries.reverse()
    })
    for (const spec of ['global', 'multi-patient', 'update'] as const) {
      expect(view(reversed, spec)).toEqual(view(systemModel(), spec))
    }
  })
})

describe('availableViews', () => {
  it('offers the three system views and one use case per clinical function', () => {
    expect(availableViews(systemModel()).map((v) => [v.id, v.title])).toEqual([
      ['global', 'Global system view: Test Pump'],
      ['multi-patient', 'Multi-patient harm view: Test Pump'],
      ['update', 'Updatability and patchability view: Test Pump'],
      ['use-case:bolus', 'Security use case view: Bolus delivery (Test Pump)'],
      ['use-case:remote-settings', 'Security use case view: Remote therapy settings (Test Pump)'],
    ])
  })

  it('names each view by an id the command line can parse back', () => {
    for (const available of availableViews(systemModel())) {
      expect(parseViewId(available.id)).toEqual(available.spec)
      expect(viewId(available.spec)).toBe(available.id)
    }
    expect(parseViewId('use-case:')).toBeUndefined()
    expect(parseViewId('architecture')).toBeUndefined()
  })
})
