import { describe, expect, it } from 'vitest'

import type { DocumentPath } from '../../core/index.js'
import { readCsafProductTree } from './csaf-product-tree.js'
import { CSAF_READ_LIMITS } from './csaf-reader.js'

const MAX_BRANCH_DEPTH = CSAF_READ_LIMITS.maxBranchDepth

/** `depth` vendor branches, one inside the other, a product in the innermost. */
const nested = (depth: number): unknown => {
  let branch: unknown = {
    category: 'product_version',
    name: '1.0',
    product: { name: 'Deep 1.0', product_id: 'DEEP' },
  }
  for (let level = 1; level < depth; level += 1) {
    branch = { category: 'vendor', name: 'Deep Inc', branches: [branch] }
  }
  return [branch]
}

const read = (value: unknown) => {
  const problems: { path: DocumentPath; code: string }[] = []
  const tree = readCsafProductTree(value, {
    problem: (path, code) => problems.push({ path, code }),
    limits: CSAF_READ_LIMITS,
    products: 0,
  })
  const cuts = problems.filter(({ code }) => code === 'too-deep').map(({ path }) => path)
  return { tree, cuts, problems }
}

describe('readCsafProductTree', () => {
  it('keeps a well-formed tree as it is', () => {
    const tree = {
      branches: [
        {
          category: 'vendor',
          name: 'Example',
          branches: [
            {
              category: 'product_version',
              name: '4.2',
              product: {
                name: 'ABC 4.2',
                product_id: 'ABC',
                product_identification_helper: { purl: 'pkg:generic/abc@4.2', cpe: 'cpe:/a:x:abc' },
              },
            },
          ],
        },
      ],
      full_product_names: [{ name: 'DEF', product_id: 'DEF' }],
      relationships: [
        {
          category: 'default_component_of',
          product_reference: 'ABC',
          relates_to_product_reference: 'DEF',
          full_product_name: { name: 'ABC in DEF', product_id: 'ABC-DEF' },
        },
      ],
    }
    expect(read(tree)).toEqual({
      tree: {
        branches: [
          {
            category: 'vendor',
            name: 'Example',
            branches: [
              {
                category: 'product_version',
                name: '4.2',
                branches: [],
                product: {
                  name: 'ABC 4.2',
                  product_id: 'ABC',
                  product_identification_helper: {
                    purl: 'pkg:generic/abc@4.2',
                    cpe: 'cpe:/a:x:abc',
                    purls: [],
                    model_numbers: [],
                  },
                },
              },
            ],
          },
        ],
        full_product_names: [
          {
            name: 'DEF',
            product_id: 'DEF',
            product_identification_helper: { purls: [], model_numbers: [] },
          },
        ],
        relationships: [
          {
            category: 'default_component_of',
            product_reference: 'ABC',
            relates_to_product_reference: 'DEF',
            full_product_name: {
              name: 'ABC in DEF',
              product_id: 'ABC-DEF',
              product_identification_helper: { purls: [], model_numbers: [] },
            },
          },
        ],
      },
      cuts: [],
      problems: [],
    })
  })

  it(`reads ${String(MAX_BRANCH_DEPTH)} levels of branches`, () => {
    const { tree, cuts } = read({ branches: nested(MAX_BRANCH_DEPTH) })
    expect(cuts).toEqual([])
    let level = tree.branches?.[0]
    for (let depth = 1; depth < MAX_BRANCH_DEPTH; depth += 1) level = level?.branches?.[0]
    expect(level?.product?.product_id).toBe('DEEP')
  })

  it('stops one level deeper, at the list it leaves out, without overflowing the stack', () => {
    const { tree, cuts } = read({ branches: nested(100_000) })
    const cut = ['product_tree', ...Array.from({ length: MAX_BRANCH_DEPTH }, () => ['branches', 0])]
    expect(cuts).toEqual([[...cut.flat(), 'branches']])
    expect(JSON.stringify(tree)).not.toContain('DEEP')
  })

  it('reports each list it leaves out, in file order', () => {
    const [first] = nested(MAX_BRANCH_DEPTH + 1) as unknown[]
    const { cuts } = read({ branches: [{ category: 'vendor', name: 'Shallow' }, first, first] })
    const cutBelow = (index: number) => [
      'product_tree',
      'branches',
      index,
      ...Array.from({ length: MAX_BRANCH_DEPTH - 1 }, () => ['branches', 0]).flat(),
      'branches',
    ]
    expect(cuts).toEqual([cutBelow(1), cutBelow(2)])
  })

  it('leaves out entries without the strings the core relies on, and says where', () => {
    const { tree, problems } = read({
      branches: [null, 5, { category: 'vendor' }, { category: 'vendor', name: 3 }],
      full_product_names: [null, { name: 'x' }, { product_id: 'y' }, { name: 1, product_id: 2 }],
      relationships: [{ category: 'default_component_of', full_product_name: 'x' }],
    })
    expect(tree).toEqual({ branches: [], full_product_names: [], relationships: [] })
    expect(problems).toContainEqual({
      path: ['product_tree', 'branches', 3, 'name'],
      code: 'not-a-string',
    })
    expect(problems).toContainEqual({
      path: ['product_tree', 'branches', 0],
      code: 'not-an-object',
    })
    expect(read('not a tree')).toMatchObject({
      tree: {},
      problems: [{ path: ['product_tree'], code: 'not-an-object' }],
    })
  })
})
