import { describe, expect, it } from 'vitest'

import { documentMarkdown } from './document-markdown.js'
import { sampleTree } from './sample-tree.js'

describe('documentMarkdown', async () => {
  const en = await sampleTree('en')
  const ja = await sampleTree('ja')
  const markdown = documentMarkdown(en)

  it('gives the same text for the same tree', async () => {
    expect(documentMarkdown(await sampleTree('en'))).toBe(markdown)
  })

  it('puts the title first and sections as headings one level below, by depth', () => {
    expect(markdown.split('\n')[0]).toBe('# Security \\<script\\>alert(1)\\</script\\> report')
    expect(markdown).toMatch(/^## Scope$/m)
    expect(markdown).toMatch(/^### Device$/m)
    expect(markdown).toMatch(/^#### Details$/m)
    expect(markdown).toContain('**Issued:** 2025-06-30')
  })

  it('escapes text so it cannot become markup, and keeps only http(s) links', () => {
    expect(markdown).not.toContain('<script>')
    expect(markdown).toContain('\\*nor\\* \\_emphasis\\_')
    expect(markdown).toMatch(/^- \\# first$/m)
    expect(markdown).toContain('[FDA guidance](<https://www.fda.gov/media/119933/download>)')
    // The table's `[link](javascript:…)` text stays text: its brackets are escaped.
    expect(markdown).not.toMatch(/(?<!\\)\]\(<?javascript/)
    expect(markdown).toContain('\\[link\\](javascript:alert(1))')
    expect(markdown).toContain(' / bad link')
    // A version at the start of a value is not a list item and needs no escape.
    expect(markdown).toContain('**Release:** 2.1.0')
  })

  it('writes tables as pipe tables with escaped pipes and line breaks in cells', () => {
    const rows = markdown.split('\n').filter((line) => line.startsWith('| '))
    expect(rows[0]).toBe('| ID | Threat | CVSS | Due | KEV | Control |')
    expect(rows[1]).toBe('| --- | --- | ---: | --- | --- | --- |')
    expect(rows[2]).toContain('| C-1 \\| pairing \\<with\\> PIN |')
    expect(rows[2]).toContain('| Yes |')
    expect(rows[3]).toContain('Spoofed cloud endpoint<br>second line')
    // Every row has as many cells as the header: no pipe leaked out of a cell.
    const cells = (line: string) => line.replaceAll('\\|', '').split('|').length
    for (const row of rows) expect(cells(row)).toBe(cells(rows[0] ?? ''))
    expect(markdown).toContain('**Table 1: Identified threats**')
  })

  it('points to the editions that hold the figure and marks needs-input for reviewers', () => {
    expect(markdown).toContain('> **Figure 1: Global system view** (the diagram is in the HTML')
    expect(markdown).not.toContain('<svg')
    expect(markdown).toContain(
      '> **Needs input:** Describe the intended use environment \\<here\\>.',
    )
    expect(markdown).toContain('> **Note:** The example policy is used.')
  })

  it('uses the Japanese shared words for Japanese documents', () => {
    const text = documentMarkdown(ja)
    expect(text).toContain('> **要入力:** 意図する使用環境を記載すること。')
    expect(text).toContain('**表1 特定した脅威**')
    expect(text).toContain('**製造販売業者:** ACME Medical')
    expect(text).toContain('| はい |')
  })
})
