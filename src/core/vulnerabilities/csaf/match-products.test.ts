import { describe, expect, it } from 'vitest'

import type { CsafProduct } from '../advisory.js'
import { matchCsafProducts } from './match-products.js'

const product = (fields: Partial<CsafProduct> & Pick<CsafProduct, 'productId' | 'name'>) => ({
  modelNumbers: [],
  status: { 'CVE-2024-0001': 'known_affected' as const },
  ...fields,
})

const monitor = product({
  productId: 'P1',
  name: 'Example Medical VM-100 Vital Signs Monitor: <= 2.4',
  vendor: 'Example Medical, Inc.',
  productName: 'VM-100 Vital Signs Monitor',
  versionRange: '<= 2.4',
})
const pump = product({
  productId: 'P2',
  name: 'Example Medical IP-7 Infusion Pump',
  vendor: 'Example Medical, Inc.',
  productName: 'IP-7 Infusion Pump',
  version: 'MDL-7001 | MDL-7002',
})
const library = product({
  productId: 'P3',
  name: 'zlib 1.2.11',
  purl: 'pkg:generic/zlib@1.2.11',
  cpe: 'cpe:2.3:a:zlib:zlib:1.2.11:*:*:*:*:*:*:*',
})
const firmware = product({
  productId: 'P4',
  name: 'Example RTOS',
  vendor: 'Example Medical',
  cpe: 'cpe:2.3:o:example:rtos:*:*:*:*:*:*:*:*',
  versionRange: 'vers:generic/>=5.0|<5.3',
})
const products = [monitor, pump, library, firmware]

const best = (component: Parameters<typeof matchCsafProducts>[1]) =>
  matchCsafProducts(products, component).map((match) => [match.product.productId, match.confidence])

describe('matchCsafProducts', () => {
  it('is exact when a purl or CPE names the component, version included', () => {
    expect(best({ name: 'zlib', purl: 'pkg:generic/zlib@1.2.11' })).toEqual([['P3', 'exact']])
    expect(best({ name: 'zlib', cpe: 'cpe:2.3:a:zlib:zlib:1.2.11:*:*:*:*:*:*:*' })).toEqual([
      ['P3', 'exact'],
    ])
    expect(best({ name: 'rtos', cpe: 'cpe:2.3:o:example:rtos:5.2:*:*:*:*:*:*:*' })).toEqual([
      ['P4', 'exact'],
    ])
  })

  it('drops a product whose identifier names another package or version', () => {
    expect(best({ name: 'zlib', purl: 'pkg:generic/zlib@1.2.12' })).toEqual([])
    expect(best({ name: 'zlib', purl: 'pkg:generic/libpng@1.2.11' })).toEqual([])
    expect(best({ name: 'rtos', cpe: 'cpe:2.3:o:example:rtos:5.3:*:*:*:*:*:*:*' })).toEqual([])
  })

  it('is high for the same vendor and name with the version in range', () => {
    const [match] = matchCsafProducts(products, {
      vendor: 'Example Medical',
      name: 'VM-100',
      version: '2.3',
    })
    expect(match?.confidence).toBe('high')
    expect(match?.reason).toBe(
      "vendor 'Example Medical' is 'Example Medical, Inc.'; product 'VM-100' is 'VM-100 Vital Signs Monitor'; version 2.3 is within '<= 2.4'",
    )
  })

  it('is medium without a vendor, or with the version not given', () => {
    expect(best({ name: 'VM-100', version: '2.3' })).toEqual([['P1', 'medium']])
    expect(best({ vendor: 'Example Medical', name: 'VM-100' })).toEqual([['P1', 'medium']])
  })

  it('is low when the names are only alike', () => {
    expect(
      best({ vendor: 'Example Medical', name: 'Vital Signs Monitor VM', version: '2.0' }),
    ).toEqual([['P1', 'low']])
  })

  it('is high for a model number the product names, even in its version field', () => {
    const [match] = matchCsafProducts(products, {
      vendor: 'Example Medical',
      name: 'IP-7',
      modelNumbers: ['MDL-7002'],
      version: '9.9',
    })
    expect(match?.confidence).toBe('high')
    expect(match?.reason).toContain('model number MDL-7002')
  })

  it('matches nothing of another vendor, nor a version past the range', () => {
    expect(best({ vendor: 'Other Devices', name: 'VM-100', version: '2.3' })).toEqual([])
    expect(best({ vendor: 'Example Medical', name: 'VM-100', version: '2.5' })).toEqual([])
  })
})
