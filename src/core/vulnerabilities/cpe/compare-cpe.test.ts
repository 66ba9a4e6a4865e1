import { describe, expect, it } from 'vitest'

import { compareCpeNames, compareCpeValues, type CpeRelation } from './compare-cpe.js'
import type { CpeName, CpeValue } from './cpe-name.js'
import { criterionApplies } from './criterion-applies.js'
import { parseCpe } from './parse-cpe.js'

const cpe = (text: string): CpeName => {
  const result = parseCpe(text)
  if (!result.ok) throw new Error(result.error)
  return result.value
}

/** One attribute value as a formatted string writes it, read through the real parser. */
const value = (text: string): CpeValue => cpe(`cpe:2.3:a:${text}:x:*:*:*:*:*:*:*:*`).vendor

describe('compareCpeValues: NISTIR 7696 Table 6-2, as NIST’s reference matcher orders it', () => {
  // Source on the left (the criterion), target on the right (the component).
  it.each<[string, string, CpeRelation]>([
    ['*', '*', 'EQUAL'],
    ['*', '-', 'SUPERSET'],
    ['*', 'openssl', 'SUPERSET'],
    ['*', 'open*', 'UNDEFINED'],
    ['-', '*', 'SUBSET'],
    ['-', '-', 'EQUAL'],
    ['-', 'openssl', 'DISJOINT'],
    ['-', 'open*', 'UNDEFINED'],
    ['openssl', '*', 'SUBSET'],
    ['openssl', '-', 'DISJOINT'],
    ['openssl', 'OpenSSL', 'EQUAL'],
    ['openssl', 'libressl', 'DISJOINT'],
    ['openssl', 'open*', 'UNDEFINED'],
    ['open*', '*', 'SUBSET'],
    ['open*', '-', 'DISJOINT'],
    ['open*', 'openssl', 'SUPERSET'],
    ['open*', 'libressl', 'DISJOINT'],
    ['open*', 'open*', 'UNDEFINED'],
  ])('%s against %s is %s', (source, target, relation) => {
    expect(compareCpeValues(value(source), value(target))).toBe(relation)
  })

  it.each<[string, string, CpeRelation]>([
    ['*ssl', 'openssl', 'SUPERSET'],
    ['*ssl', 'openssl_fips', 'DISJOINT'],
    ['*ssl*', 'openssl_fips', 'SUPERSET'],
    ['open??', 'openss', 'SUPERSET'],
    ['open??', 'opens', 'SUPERSET'],
    ['open??', 'openssl', 'DISJOINT'],
    ['??enssl', 'openssl', 'SUPERSET'],
    ['?enssl', 'openssl', 'DISJOINT'],
    ['\\*ssl', '*ssl', 'UNDEFINED'],
  ])('the pattern %s against %s is %s', (source, target, relation) => {
    expect(compareCpeValues(value(source), value(target))).toBe(relation)
  })

  it('reads a quoted wildcard as a plain character', () => {
    expect(compareCpeValues(value('a\\*'), value('a\\*'))).toBe('EQUAL')
    expect(compareCpeValues(value('a\\*'), value('ab'))).toBe('DISJOINT')
  })
})

describe('compareCpeNames', () => {
  it('finds a specific name a SUBSET of one that leaves the rest ANY (after NIST’s test)', () => {
    const specific = cpe('cpe:2.3:a:microsoft:internet_explorer:8.0.6001:beta:*:*:*:*:*:*')
    const general = cpe('cpe:2.3:a:microsoft:internet_explorer:*:*:*:*:*:*:*:*')
    expect(compareCpeNames(specific, general).relation).toBe('SUBSET')
    expect(compareCpeNames(general, specific).relation).toBe('SUPERSET')
    expect(compareCpeNames(general, general).relation).toBe('EQUAL')
  })

  it('finds names DISJOINT when one attribute is, across bindings (NIST’s second test)', () => {
    const comparison = compareCpeNames(
      cpe('cpe:2.3:a:adobe:*:9.*:*:PalmOS:*:*:*:*:*'),
      cpe('cpe:/a::Reader:9.3.2:-:-'),
    )
    expect(comparison.relation).toBe('DISJOINT')
    expect(comparison.attributes.vendor).toBe('SUBSET')
    expect(comparison.attributes.version).toBe('SUPERSET')
    expect(comparison.attributes.edition).toBe('DISJOINT')
  })

  it('calls a mix of SUPERSET and SUBSET UNDEFINED', () => {
    expect(
      compareCpeNames(
        cpe('cpe:2.3:a:jenkins:ftp_publisher:*:*:*:*:*:jenkins:*:*'),
        cpe('cpe:2.3:a:jenkins:ftp_publisher:1.0:*:*:*:*:*:*:*'),
      ).relation,
    ).toBe('UNDEFINED')
  })
})

describe('criterionApplies', () => {
  const component = cpe('cpe:2.3:a:jenkins:ftp_publisher:1.0:*:*:*:*:*:*:*')

  it('applies a criterion that covers the component under both policies', () => {
    const criterion = cpe('cpe:2.3:a:jenkins:ftp_publisher:*:*:*:*:*:*:*:*')
    expect(criterionApplies(criterion, component)).toBe(true)
    expect(criterionApplies(criterion, component, 'nistir-7696')).toBe(true)
  })

  it('reads a * of the component as unstated by default, as the spec does not', () => {
    // Dependency-Check's case (stevespringett/CPE-Parser#30): NVD names target_sw, the SBOM not.
    const criterion = cpe('cpe:2.3:a:jenkins:ftp_publisher:*:*:*:*:*:jenkins:*:*')
    expect(criterionApplies(criterion, component)).toBe(true)
    expect(criterionApplies(criterion, component, 'nistir-7696')).toBe(false)
  })

  it('refuses a vendor SUBSET with a product SUPERSET, and the reverse (DT #3178)', () => {
    const zstd = cpe('cpe:2.3:a:*:zstandard:1.5.2:*:*:*:*:*:*:*')
    expect(
      criterionApplies(cpe('cpe:2.3:a:pascom_cloud_phone_system:*:*:*:*:*:*:*:*:*'), zstd),
    ).toBe(false)
    expect(criterionApplies(cpe('cpe:2.3:a:facebook:zstandard:*:*:*:*:*:*:*:*'), zstd)).toBe(true)
    const anyProduct = cpe('cpe:2.3:a:facebook:*:1.5.2:*:*:*:*:*:*:*')
    expect(criterionApplies(cpe('cpe:2.3:a:*:zstandard:*:*:*:*:*:*:*:*'), anyProduct)).toBe(false)
  })

  it('never applies to a component CPE with wildcards, nor across a DISJOINT attribute', () => {
    const criterion = cpe('cpe:2.3:a:openssl:openssl:*:*:*:*:*:*:*:*')
    expect(criterionApplies(criterion, cpe('cpe:2.3:a:openssl:openssl:1.0.*:*:*:*:*:*:*:*'))).toBe(
      false,
    )
    expect(criterionApplies(criterion, cpe('cpe:2.3:o:openssl:openssl:1.0.2:*:*:*:*:*:*:*'))).toBe(
      false,
    )
  })
})
