import { describe, expect, it } from 'vitest'

import { createNameComparer } from './names.js'

// Vendor and product spellings as the CISA ICSMA advisories and typical SBOMs write them.
describe('compareVendors', () => {
  const { compareVendors } = createNameComparer()

  it.each([
    ['BD', 'Becton, Dickinson and Company (BD)', 'equal'],
    ['Becton Dickinson', 'Becton, Dickinson and Company (BD)', 'equal'],
    ['GE Healthcare', 'General Electric (GE)', 'equal'],
    ['Contec', 'Contec Health', 'equal'],
    ['Philips', 'Phillips', 'similar'],
    ['Innokas', 'Innokas Yhtymä Oy', 'similar'],
    ['Mindray', 'Medtronic', 'different'],
    ['Siemens Healthineers', 'Philips', 'different'],
    ['GE', 'BD', 'different'],
  ])('%s against %s is %s', (a, b, relation) => {
    expect(compareVendors(a, b)).toBe(relation)
  })
})

describe('compareProductNames', () => {
  const { compareProductNames } = createNameComparer()

  it.each([
    ['IntelliVue MX40', 'IntelliVue MX40 Patient Worn Monitor (WLAN only)', ['Philips'], 'equal'],
    ['CARESCAPE B450', 'B450', ['General Electric (GE)'], 'equal'],
    ['CSM', 'Welch Allyn Connex Spot Monitor (CSM)', ['Baxter'], 'equal'],
    ['Connex Spot Monitor', 'Welch Allyn Connex Spot Monitor (CSM)', ['Welch Allyn'], 'equal'],
    ['Connex Spot Monitor', 'Welch Allyn Connex Spot Monitor (CSM)', ['Baxter'], 'similar'],
    ['IntelliVue', 'IntelliVue MX40 Patient Worn Monitor', ['Philips'], 'similar'],
    ['MiniMed 620G', 'MiniMed 630G', ['Medtronic'], 'different'],
    ['Infusion Pump', 'Sigma Spectrum Infusion Pump', ['Baxter'], 'different'],
    ['Alaris', 'Medfusion 4000', [], 'different'],
  ])('%s against %s is %s', (component, product, vendors, relation) => {
    expect(compareProductNames(component, product, vendors)).toBe(relation)
  })

  it('tells a model number apart from its neighbours', () => {
    expect(
      compareProductNames('MyCareLink Monitor', '24952 MyCareLink Monitor', [], ['24950']),
    ).toBe('different')
    expect(
      compareProductNames('MyCareLink Monitor', '24950 MyCareLink Monitor', [], ['24950']),
    ).toBe('equal')
  })
})
