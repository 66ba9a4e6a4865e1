import { describe, expect, it } from 'vitest'

import { CONTROL_CATEGORIES } from '../model/index.js'
import { CLAUSE_SOURCES } from '../threats/index.js'
import {
  FDA_CONTROL_CATEGORIES,
  FDA_RECOMMENDATIONS,
  fdaControlCategory,
} from './fda-control-categories.js'

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/

describe('the FDA control categories', () => {
  it('are the eight of CONTROL_CATEGORIES, once each, in order', () => {
    expect(FDA_CONTROL_CATEGORIES.map((entry) => entry.id)).toEqual([...CONTROL_CATEGORIES])
  })

  it('have unique names and item prefixes, and cite section V.B and their Appendix 1 heading', () => {
    const names = FDA_CONTROL_CATEGORIES.map((entry) => entry.name)
    const prefixes = FDA_CONTROL_CATEGORIES.map((entry) => entry.itemPrefix)
    expect(new Set(names).size).toBe(names.length)
    expect(new Set(prefixes).size).toBe(prefixes.length)
    for (const entry of FDA_CONTROL_CATEGORIES) {
      expect(entry.itemPrefix, entry.id).toMatch(KEBAB)
      expect(entry.description, entry.id).toMatch(/^[A-Z].{20,}\.$/)
      expect(entry.references.map((r) => r.clause)).toEqual([
        'Section V.B',
        `Appendix 1, ${entry.appendixTitle}`,
      ])
      expect(fdaControlCategory(entry.id)).toBe(entry)
    }
  })

  it('keep the guidance names, and Appendix 1 calls the last one "Firmware and Software Updates"', () => {
    expect(fdaControlCategory('code-data-execution-integrity').name).toBe(
      'Code, Data and Execution Integrity',
    )
    expect(fdaControlCategory('updatability-patchability')).toMatchObject({
      name: 'Updatability and Patchability',
      appendixTitle: 'Firmware and Software Updates',
    })
  })
})

describe('the FDA Appendix 1 recommendations', () => {
  it('have unique kebab-case ids made of fda-, the category prefix and a topic', () => {
    const ids = FDA_RECOMMENDATIONS.map((item) => item.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const item of FDA_RECOMMENDATIONS) {
      expect(item.id).toMatch(KEBAB)
      expect(
        item.id.startsWith(`fda-${fdaControlCategory(item.category).itemPrefix}-`),
        item.id,
      ).toBe(true)
    }
  })

  it('keep their ids: other documents refer to them (change one only on purpose)', () => {
    expect(FDA_RECOMMENDATIONS.map((item) => item.id)).toEqual([
      'fda-authn-commands',
      'fda-authn-server-sessions',
      'fda-authn-privileged-mfa',
      'fda-authn-updates',
      'fda-authn-no-shared-credentials',
      'fda-authn-anti-replay',
      'fda-authn-telemetry',
      'fda-authn-crc-not-security',
      'fda-authn-failure-behaviour',
      'fda-authn-physical-intent',
      'fda-authz-least-privilege',
      'fda-authz-session-timeout',
      'fda-authz-deny-by-default',
      'fda-crypto-nist-algorithms',
      'fda-crypto-no-deprecated-algorithms',
      'fda-crypto-unique-keys',
      'fda-crypto-strongest-protocol',
      'fda-crypto-no-downgrade',
      'fda-integrity-signed-code',
      'fda-integrity-allow-listing',
      'fda-integrity-debug-ports',
      'fda-integrity-tamper-evidence',
      'fda-integrity-device-identity',
      'fda-integrity-input-validation',
      'fda-integrity-safety-configuration',
      'fda-integrity-host-intrusion-detection',
      'fda-integrity-parser-review',
      'fda-confidentiality-harmful-disclosure',
      'fda-confidentiality-credentials-keys',
      'fda-logging-security-events',
      'fda-logging-off-device',
      'fda-logging-forensics',
      'fda-logging-siem-integration',
      'fda-logging-anti-malware',
      'fda-logging-software-configuration',
      'fda-logging-variant-analysis',
      'fda-logging-notify-anomalies',
      'fda-logging-sbom-output',
      'fda-resiliency-isolate-critical-functions',
      'fda-resiliency-restore-trusted-state',
      'fda-resiliency-autonomy-without-network',
      'fda-resiliency-degraded-network',
      'fda-update-spare-capacity',
      'fda-update-robust-install',
      'fda-update-out-of-cycle-patches',
      'fda-update-preserve-build-environment',
      'fda-update-supplier-contingency',
    ])
  })

  it.each(CONTROL_CATEGORIES)('give category %s at least two recommendations', (category) => {
    expect(
      FDA_RECOMMENDATIONS.filter((item) => item.category === category).length,
    ).toBeGreaterThanOrEqual(2)
  })

  it('are grouped by category, in the order of the categories', () => {
    const order = FDA_RECOMMENDATIONS.map((item) => CONTROL_CATEGORIES.indexOf(item.category))
    expect(order).toEqual([...order].sort((a, b) => a - b))
    expect(Math.min(...order)).toBe(0)
  })

  it('are single sentences and cite the Appendix 1 heading of their category', () => {
    for (const item of FDA_RECOMMENDATIONS) {
      expect(item.text, item.id).toMatch(/^[A-Z][^\n]{20,250}\.$/)
      expect(item.references, item.id).toEqual([
        {
          source: 'FDA premarket guidance',
          clause: `Appendix 1, ${fdaControlCategory(item.category).appendixTitle}`,
        },
      ])
      for (const reference of item.references) expect(CLAUSE_SOURCES).toContain(reference.source)
    }
  })
})
