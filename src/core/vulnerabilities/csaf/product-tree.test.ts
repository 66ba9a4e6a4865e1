import { describe, expect, it } from 'vitest'

import { flattenProductTree, type CsafProductTree } from './product-tree.js'

/** A device vendor's tree: a monitor in two versions, a range, a module installed on it. */
const tree: CsafProductTree = {
  branches: [
    {
      category: 'vendor',
      name: 'Example Medical',
      branches: [
        {
          category: 'product_family',
          name: 'Vital Monitors',
          branches: [
            {
              category: 'product_name',
              name: 'VM-100',
              branches: [
                {
                  category: 'product_version',
                  name: '2.1',
                  product: {
                    name: 'Example Medical VM-100 2.1',
                    product_id: 'VM100-2.1',
                    product_identification_helper: { model_numbers: ['VM-100-EU'] },
                  },
                },
                {
                  category: 'product_version_range',
                  name: 'vers:generic/<2.1',
                  product: { name: 'Example Medical VM-100 <2.1', product_id: 'VM100-old' },
                },
              ],
            },
          ],
        },
        {
          category: 'product_family',
          name: 'Wireless modules',
          branches: [
            {
              category: 'product_version',
              name: '4.0',
              product: {
                name: 'WLAN module 4.0',
                product_id: 'WLAN-4.0',
                product_identification_helper: {
                  cpe: 'cpe:2.3:h:example:wlan_module:4.0:*:*:*:*:*:*:*',
                  purls: ['pkg:generic/example/wlan-fw@4.0'],
                },
              },
            },
          ],
        },
      ],
    },
  ],
  full_product_names: [
    { name: 'Service laptop', product_id: 'LAPTOP' },
    { name: 'duplicate id', product_id: 'VM100-2.1' },
  ],
  relationships: [
    {
      category: 'installed_on',
      product_reference: 'WLAN-4.0',
      relates_to_product_reference: 'VM100-2.1',
      full_product_name: { name: 'WLAN module 4.0 on VM-100 2.1', product_id: 'WLAN-on-VM100' },
    },
  ],
}

describe('flattenProductTree', () => {
  const products = flattenProductTree(tree, [
    {
      key: 'CVE-2024-0001',
      product_status: {
        known_affected: ['VM100-old', 'WLAN-on-VM100'],
        fixed: ['VM100-2.1'],
        known_not_affected: ['LAPTOP', 'WLAN-on-VM100'],
      },
    },
    { key: 'CVE-2024-0002', product_status: { under_investigation: ['VM100-2.1'] } },
  ])
  const byId = (id: string) => products.find((product) => product.productId === id)

  it('gives each product the vendor, name and version of the branches above it', () => {
    expect(products.map((product) => product.productId)).toEqual([
      'VM100-2.1',
      'VM100-old',
      'WLAN-4.0',
      'LAPTOP',
      'WLAN-on-VM100',
    ])
    expect(byId('VM100-2.1')).toMatchObject({
      vendor: 'Example Medical',
      productName: 'VM-100',
      version: '2.1',
      name: 'Example Medical VM-100 2.1',
      modelNumbers: ['VM-100-EU'],
    })
    expect(byId('VM100-old')?.versionRange).toBe('vers:generic/<2.1')
    // No product_name branch: the family names the product.
    expect(byId('WLAN-4.0')).toMatchObject({
      productName: 'Wireless modules',
      cpe: 'cpe:2.3:h:example:wlan_module:4.0:*:*:*:*:*:*:*',
      purl: 'pkg:generic/example/wlan-fw@4.0',
    })
  })

  it('composes a relationship into a product with the component’s identity and the platform', () => {
    expect(byId('WLAN-on-VM100')).toMatchObject({
      name: 'WLAN module 4.0 on VM-100 2.1',
      vendor: 'Example Medical',
      version: '4.0',
      cpe: 'cpe:2.3:h:example:wlan_module:4.0:*:*:*:*:*:*:*',
      relationship: {
        category: 'installed_on',
        productReference: 'WLAN-4.0',
        relatesToProductReference: 'VM100-2.1',
      },
    })
  })

  it('maps each vulnerability’s statuses onto the products, affected winning a conflict', () => {
    expect(byId('VM100-2.1')?.status).toEqual({
      'CVE-2024-0001': 'fixed',
      'CVE-2024-0002': 'under_investigation',
    })
    expect(byId('WLAN-on-VM100')?.status).toEqual({ 'CVE-2024-0001': 'known_affected' })
    expect(byId('WLAN-4.0')?.status).toEqual({})
  })

  it('keeps the first definition of a product id', () => {
    expect(products.filter((product) => product.productId === 'VM100-2.1')).toHaveLength(1)
    expect(byId('VM100-2.1')?.name).toBe('Example Medical VM-100 2.1')
  })
})
