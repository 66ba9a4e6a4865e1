import { stringify } from 'yaml'

/**
 * A synthetic model of a given size, shaped like real ones: every element has two interfaces,
 * flows chain elements in a ring plus random-looking cross links (a fixed stride, so the output
 * is deterministic), assets ride on flows, components sit on elements.
 */
export const generateModel = (elementCount: number, flowCount: number): string => {
  const id = (prefix: string, i: number): string => `${prefix}-${String(i)}`
  const elements = Array.from({ length: elementCount }, (_, i) => ({
    id: id('element', i),
    name: `Element ${String(i)}`,
    kind: i % 10 === 0 ? 'device' : 'server',
    owner: 'manufacturer',
  }))
  const interfaces = elements.flatMap((element, i) => [
    {
      id: id('eth', i),
      element: element.id,
      type: 'ethernet',
      status: 'active',
      ports: ['443/tcp'],
    },
    { id: id('usb', i), element: element.id, type: 'usb', status: 'unused' },
  ])
  const dataFlows = Array.from({ length: flowCount }, (_, i) => {
    const from = i % elementCount
    const to = (from + 1 + ((i * 7) % (elementCount - 1))) % elementCount
    return {
      id: id('flow', i),
      name: `Flow ${String(i)}`,
      from: id('element', from),
      to: id('element', to),
      interfaces: [id('eth', from), id('eth', to)],
      protocol: 'HTTPS',
      payload: i % 7 === 0 ? ['commands'] : ['data'],
      assets: [id('asset', i % 50)],
      // Every fifth flow is unprotected, so the rules have something to find.
      authentication: { type: i % 5 === 0 ? 'none' : 'mutual' },
      encryption: i % 5 === 0 ? { type: 'none' } : { type: 'tls', version: '1.3' },
      integrity: i % 5 === 0 ? 'none' : 'authenticated-encryption',
      replayProtection: i % 5 !== 0,
    }
  })
  const assets = Array.from({ length: 50 }, (_, i) => ({
    id: id('asset', i),
    name: `Asset ${String(i)}`,
    kind: 'data',
    category: i % 2 === 0 ? 'therapy-delivery' : 'phi',
    elements: [id('element', (i * 10) % elementCount)],
    security: { confidentiality: 'high', integrity: 'high', availability: 'low' },
  }))
  const components = elements.map((element, i) => ({
    id: id('component', i),
    name: 'OpenSSL',
    version: '3.0.13',
    kind: 'library',
    elements: [element.id],
    supportLevel: 'actively-maintained',
    endOfSupport: '2026-09-07',
  }))
  return stringify({
    medcyber: 'v1',
    product: {
      id: 'generated',
      name: 'Generated system',
      manufacturer: { name: 'Bench' },
      modelNumbers: ['B-1'],
      intendedUse: 'Benchmark',
      deviceTypes: ['monitoring'],
      patientContact: 'none',
      useEnvironments: ['hospital-network'],
      jurisdictions: { US: { class: 'II', pathway: '510k' } },
      clinicalFunctions: [{ id: 'monitor', name: 'Monitor', category: 'diagnosis-monitoring' }],
    },
    elements,
    interfaces,
    dataFlows,
    assets,
    components,
  })
}
