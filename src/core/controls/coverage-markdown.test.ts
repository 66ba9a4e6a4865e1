import { describe, expect, it } from 'vitest'

import { validModel, type MinimalModel } from '../../../test/support/rule-harness.js'
import { generateThreats } from '../threats/index.js'
import { componentPastEndOfSupport } from '../threats/rules/component-past-end-of-support.js'
import { debugPortEnabled } from '../threats/rules/debug-port-enabled.js'
import { unauthenticatedTherapyCommand } from '../threats/rules/unauthenticated-therapy-command.js'

/** The rules these tests were written against; the full registry would fire many more. */
const RULES = [componentPastEndOfSupport, debugPortEnabled, unauthenticatedTherapyCommand]
import { computeControlCoverage } from './control-coverage.js'
import { coverageMarkdown, markdownCell } from './coverage-markdown.js'

const markdownOf = (change: (model: MinimalModel) => void = () => undefined): string => {
  const model = validModel(change)
  return coverageMarkdown(
    computeControlCoverage(model, generateThreats(model, RULES, { date: '2026-11-28' })),
  )
}

/** The cells of a table row, split at the pipes that are not escaped. */
const cells = (row: string): string[] =>
  row
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim())

describe('markdownCell', () => {
  it.each([
    ['plain text', 'plain text'],
    ['a | b', 'a \\| b'],
    ['line one\nline two\r\nthree\rfour', 'line one line two three four'],
    ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['back\\slash | pipe', 'back\\\\slash \\| pipe'],
  ])('escapes %j', (text, expected) => {
    expect(markdownCell(text)).toBe(expected)
  })
})

describe('coverageMarkdown', () => {
  it('has a heading, a summary and one section per part of the report', () => {
    const text = markdownOf()
    expect(text.startsWith('# Control coverage: Test Pump\n\n| Measure | Count |\n')).toBe(true)
    expect(text.match(/^## .*$/gm)).toEqual([
      '## Threats without a control',
      '## Controls without a verification',
      '## Controls failing their last verification',
      '## FDA control categories without a control',
      '## Security capabilities without a control',
      '## FDA control categories (premarket guidance section V.B)',
      '## Security capabilities (IEC TR 80001-2-2, MDS2 sections)',
      '## Controls and the threats they mitigate',
      '## Threats and their controls',
      '## Controls naming threats that are not in the threat list',
    ])
    expect(text).toContain('| Threats without a control | 0 |')
    expect(text).toContain('## Threats without a control\n\nNone.\n')
    expect(text).toContain('| authorization | Authorization |')
    expect(text).toContain('| authentication | Authentication | 1 | signed-commands |')
    expect(text).toContain('| ALOF | Automatic logoff | 0 | - |')
    expect(text.endsWith('\n')).toBe(true)
    expect(text).not.toMatch(/\n\n\n/)
  })

  it('keeps every row of a table the width of its header, whatever the model text says', () => {
    const text = markdownOf((m) => {
      m.threats.push({
        id: 'nasty',
        title: 'A | B\nC <img src=x onerror=alert(1)>',
        stride: ['tampering'],
        elements: ['bolus-command'],
      })
      m.controls[0]!.name = 'Signed | authenticated\ncommands'
      m.verifications[0]!.results = [
        { release: '1.0', date: '2024-06-01', verdict: 'fail', summary: 'x | y\nz' } as never,
      ]
    })
    const lines = text.split('\n')
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i]!.startsWith('| ---')) continue
      const width = cells(lines[i - 1]!).length
      for (let j = i + 1; lines[j]!.startsWith('|'); j++) {
        expect(cells(lines[j]!), lines[j]).toHaveLength(width)
      }
    }
    expect(text).toContain('| nasty | A \\| B C \\<img src=x onerror=alert(1)\\> | bolus-command |')
    expect(text).not.toMatch(/(?<!\\)</)
  })

  it('says so when no control names its capabilities, instead of listing all as gaps', () => {
    expect(markdownOf()).toContain(
      '## Security capabilities without a control\n\nNo control names the security capabilities',
    )
    const text = markdownOf((m) => {
      Object.assign(m.controls[0]!, { capabilities: ['NAUT', 'TXIG'] })
    })
    expect(text).toContain(
      '## Security capabilities without a control\n\n| Capability | Name |\n| --- | --- |\n| ALOF |',
    )
    expect(text).not.toContain('| NAUT | Node authentication |\n')
    expect(text).toContain('| NAUT | Node authentication | 1 | signed-commands |')
  })

  it('is the same text for the same model', () => {
    expect(markdownOf()).toBe(markdownOf())
  })
})
