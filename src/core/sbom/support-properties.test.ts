import { describe, expect, it } from 'vitest'

import { supportFromProperties } from './support-properties.js'

describe('support facts in CycloneDX properties', () => {
  it('reads the registered lifecycle name and the proposed FDA names', () => {
    expect(
      supportFromProperties([
        { name: 'cdx:fda:level-of-support', value: 'actively maintained' },
        { name: 'cdx:lifecycle:milestone:endOfSupport', value: '2028-12-31' },
        { name: 'cdx:fda:end-of-support-date', value: '2029-01-01' },
      ]),
    ).toEqual({ supportLevel: 'actively maintained', endOfSupport: '2028-12-31' })
  })

  it('falls back to the older Common Lifecycle Enumeration names, and ignores blanks', () => {
    expect(
      supportFromProperties([
        { name: 'cdx:fda:level-of-support', value: ' ' },
        { name: 'cdx:cle:supportStatus', value: 'eol' },
        { name: 'cdx:cle:endOfSupport', value: '2020-01-01' },
      ]),
    ).toEqual({ supportLevel: 'eol', endOfSupport: '2020-01-01' })
    expect(supportFromProperties([{ name: 'vendor:eos', value: '2020' }])).toEqual({})
  })
})
