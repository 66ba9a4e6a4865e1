import { readFileSync } from 'node:fs'

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { testdataPath } from '../../../../test/support/testdata.js'
import type { CpeName } from './cpe-name.js'
import { formatCpe23 } from './format-cpe.js'
import { parseCpe } from './parse-cpe.js'

const lines = (kind: 'valid' | 'invalid'): string[] =>
  readFileSync(
    testdataPath('oasis-csaf', 'csaf_2.1', 'test', 'cpe', 'data', kind, 'cpe.txt'),
    'utf8',
  )
    .split('\n')
    .filter((line) => line !== '')

/**
 * The CPE pattern of the CSAF 2.1 schema: NISTIR 7695's formatted-string regex or a CPE 2.2 URI.
 * (The CSAF 2.0 schema's copy anchors only its first alternative, `^A|B$`, so it accepts a valid
 * name followed by anything; 2.1 wraps both.)
 */
const csafCpePattern = (): RegExp => {
  const schema = JSON.parse(
    readFileSync(testdataPath('oasis-csaf', 'csaf_2.1', 'json_schema', 'csaf.json'), 'utf8'),
  ) as {
    $defs: {
      full_product_name_t: {
        properties: {
          product_identification_helper: { properties: { cpe: { pattern: string } } }
        }
      }
    }
  }
  return new RegExp(
    schema.$defs.full_product_name_t.properties.product_identification_helper.properties.cpe
      .pattern,
    'u',
  )
}

const parsed = (text: string): CpeName => {
  const result = parseCpe(text)
  if (!result.ok) throw new Error(result.error)
  return result.value
}

describe('parseCpe on the CSAF CPE test cases', () => {
  it('accepts the 10 valid strings', () => {
    const valid = lines('valid')
    expect(valid).toHaveLength(10)
    for (const text of valid) expect(parseCpe(text), text).toMatchObject({ ok: true })
  })

  it('rejects the 9 invalid strings, each with a reason', () => {
    const invalid = lines('invalid')
    expect(invalid).toHaveLength(9)
    for (const text of invalid) {
      const result = parseCpe(text)
      expect(result.ok, text).toBe(false)
      if (!result.ok) expect(result.error.length).toBeGreaterThan(20)
    }
  })
})

describe('parseCpe', () => {
  it('reads the eleven attributes of a formatted string, unescaped and lower-cased', () => {
    const name = parsed('cpe:2.3:a:Treck:tcp\\/ip:6.0.1.67:*:*:-:*:*:*:*')
    expect(name.vendor).toEqual({ kind: 'value', text: 'treck' })
    expect(name.product).toEqual({ kind: 'value', text: 'tcp/ip' })
    expect(name.version).toEqual({ kind: 'value', text: '6.0.1.67' })
    expect(name.update).toEqual({ kind: 'any' })
    expect(name.language).toEqual({ kind: 'na' })
  })

  it('reads wildcards at either end of a value as a pattern', () => {
    expect(parsed('cpe:2.3:a:*soft:pro??:*:*:*:*:*:*:*:*').vendor).toEqual({
      kind: 'pattern',
      text: 'soft',
      leading: '*',
      trailing: 0,
    })
    expect(parsed('cpe:2.3:a:*soft:pro??:*:*:*:*:*:*:*:*').product).toEqual({
      kind: 'pattern',
      text: 'pro',
      leading: 0,
      trailing: 2,
    })
  })

  it('reads a CPE 2.2 URI with percent-encoding and a packed edition', () => {
    const name = parsed('cpe:/a:hp:insight_diagnostics:7.4.0.1570::~~online~win2003~x64~')
    expect(formatCpe23(name)).toBe(
      'cpe:2.3:a:hp:insight_diagnostics:7.4.0.1570:*:*:*:online:win2003:x64:*',
    )
    expect(formatCpe23(parsed('cpe:/a:microsoft:internet_explorer:8.%02:sp%01'))).toBe(
      'cpe:2.3:a:microsoft:internet_explorer:8.*:sp?:*:*:*:*:*:*',
    )
    expect(formatCpe23(parsed('cpe:/o:redhat:rhel_aus:7.6::server'))).toBe(
      'cpe:2.3:o:redhat:rhel_aus:7.6:*:server:*:*:*:*:*',
    )
    expect(parsed('cpe:/a:at%26t:x').vendor).toEqual({ kind: 'value', text: 'at&t' })
  })

  it.each([
    ['cpe:2.3:a:openssl:openssl:1.0.2:*:*:*:*:*:*', 'has 10 values'],
    ['cpe:2.3:x:openssl:openssl:*:*:*:*:*:*:*:*', 'part'],
    ['cpe:2.3:a:open ssl:openssl:*:*:*:*:*:*:*:*', "has ' '"],
    ['cpe:2.3:a:open*ssl:openssl:*:*:*:*:*:*:*:*', 'only at the start or end'],
    ['cpe:2.3:a:openssl::*:*:*:*:*:*:*:*', 'is empty'],
    ['cpe:2.3:a:openssl:openssl:*:*:*:english:*:*:*:*', 'language'],
    ['cpe:2.3:a:openssl:openssl:*:*:*:*:*:*:*:1.0\\', 'quotes nothing'],
    ['cpe:/a:openssl:openssl:1.0%zz', "unknown encoding '%zz'"],
    ['cpe:/a:openssl:openssl:1.0::~a~b', 'not 5'],
    ['openssl', 'not a CPE'],
  ])('rejects %s, saying why', (text, reason) => {
    const result = parseCpe(text)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toContain(reason)
  })

  it('refuses overlong input before reading it', () => {
    expect(parseCpe(`cpe:2.3:a:${'x'.repeat(2000)}:y:*:*:*:*:*:*:*:*`)).toMatchObject({ ok: false })
  })
})

describe('parseCpe against the CSAF schema pattern', () => {
  const pattern = csafCpePattern()

  it('agrees with it on every name of the NVD CPE dictionary sample and the CSAF cases', async () => {
    const { gunzipSync } = await import('node:zlib')
    const page = JSON.parse(
      gunzipSync(
        readFileSync(
          testdataPath('nvd-api-samples', 'nvd-api', 'testdata', 'responses', 'cpes-2023.json.gz'),
        ),
      ).toString('utf8'),
    ) as { products: { cpe: { cpeName: string } }[] }
    const names = page.products.map((product) => product.cpe.cpeName)
    expect(names).toHaveLength(10_000)
    for (const text of [...names, ...lines('valid'), ...lines('invalid')]) {
      expect(parseCpe(text).ok, text).toBe(pattern.test(text))
    }
  })

  /** Formatted strings from characters that exercise quoting and wildcards. */
  const value = fc.oneof(
    fc.constantFrom('*', '-'),
    fc
      .array(
        fc.constantFrom('a', '1', '.', '-', '_', '*', '?', '\\', '@', '"', '\\*', '\\:', ' '),
        {
          minLength: 1,
          maxLength: 6,
        },
      )
      .map((chars) => chars.join('')),
  )
  const formatted = fc
    .tuple(
      fc.constantFrom('a', 'o', 'h', '*', 'x'),
      fc.array(value, { minLength: 10, maxLength: 10 }),
    )
    .map(([part, rest]) => `cpe:2.3:${part}:${rest.join(':')}`)

  it('accepts what the pattern accepts and, escapes of - . _ aside, nothing more', () => {
    fc.assert(
      fc.property(formatted, (text) => {
        const accepted = parseCpe(text).ok
        if (pattern.test(text)) return accepted
        return !accepted || /\\[-._]/.test(text)
      }),
      { seed: 7696, numRuns: 5000 },
    )
  })

  it('formats back to a string that parses to the same name', () => {
    fc.assert(
      fc.property(formatted, (text) => {
        const first = parseCpe(text)
        if (!first.ok) return true
        const again = parseCpe(formatCpe23(first.value))
        return again.ok && JSON.stringify(again.value) === JSON.stringify(first.value)
      }),
      { seed: 7695, numRuns: 5000 },
    )
  })
})
