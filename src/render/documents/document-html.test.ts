import { describe, expect, it } from 'vitest'

import { documentHtml } from './document-html.js'
import { sampleTree } from './sample-tree.js'

describe('documentHtml', async () => {
  const en = await sampleTree('en')
  const html = documentHtml(en)
  const ja = documentHtml(await sampleTree('ja'))

  it('gives the same bytes for the same tree', async () => {
    expect(documentHtml(await sampleTree('en'))).toBe(html)
  })

  it('is one HTML5 file in the document language with print CSS and no outside resources', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true)
    expect(ja).toContain('<html lang="ja">')
    expect(html).toContain('@page { size: A4;')
    expect(html).toContain('thead { display: table-header-group; }')
    expect(ja).toMatch(/font-family: "Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic"/)
    expect(html).not.toMatch(/<link|<script|src=|@import/i)
  })

  it('escapes user text and keeps only http(s) links', () => {
    expect(html).toContain('<title>Security &lt;script&gt;alert(1)&lt;/script&gt; report</title>')
    expect(html).toContain(
      '<p class="title">Security &lt;script&gt;alert(1)&lt;/script&gt; report</p>',
    )
    expect(html).toContain('<td>C-1 | pairing &lt;with&gt; PIN</td>')
    expect(html).toContain('<a href="https://www.fda.gov/media/119933/download">FDA guidance</a>')
    expect(html).not.toContain('javascript:alert(1)"')
    expect(html).toContain(' / bad link')
  })

  it('has a contents list whose links reach the headings, h1..h4 by depth', () => {
    const anchors = [...html.matchAll(/<a href="#([^"]+)">/g)].map((match) => match[1])
    expect(anchors).toEqual([
      'sec-scope',
      'sec-scope-device',
      'sec-scope-device-deep',
      'sec-architecture',
      'sec-threats',
    ])
    for (const anchor of anchors) expect(html).toMatch(new RegExp(`<h[1-4] id="${anchor ?? ''}">`))
    expect(html).toContain('<h1 id="sec-scope">Scope</h1>')
    expect(html).toContain('<h2 id="sec-scope-device">Device</h2>')
    expect(html).toContain('<h3 id="sec-scope-device-deep">Details</h3>')
  })

  it('inlines the diagram without its XML declaration, sized to the page', () => {
    expect(html).not.toContain('<?xml')
    expect(html).not.toContain('<!DOCTYPE svg')
    const svg = /<svg\b[^>]*>/.exec(html)?.[0] ?? ''
    expect(svg).toMatch(/style="max-width: \d+px"/)
    expect(svg).toContain('aria-label="Pump, app and cloud connections"')
    expect(svg).not.toMatch(/\swidth=/)
    expect(html).toContain('<figcaption>Figure 1: Global system view</figcaption>')
    expect(html).toContain('Insulin pump')
  })

  it('strips scripts and event handlers from a figure', () => {
    const hostile = documentHtml({
      ...en,
      sections: [
        {
          id: 'x',
          title: 'X',
          blocks: [
            {
              kind: 'figure',
              caption: 'c',
              alt: 'a',
              svg: '<svg width="10pt" height="10pt" onload="alert(1)"><script>alert(2)</script><a xlink:href="javascript:alert(3)"><text onclick="x()">t</text></a></svg>',
            },
          ],
        },
      ],
    })
    expect(hostile).not.toMatch(/onload|onclick|<script|javascript:/i)
    expect(hostile).toContain('>t</text>')
  })

  it('marks needs-input, notes and highlighted cells', () => {
    expect(html).toContain(
      '<div class="needs-input"><span class="callout-label">Needs input:</span> Describe the intended use environment &lt;here&gt;.</div>',
    )
    expect(html).toContain('<div class="note"><span class="callout-label">Note:</span>')
    expect(html).toContain('<td class="alert">Yes</td>')
    expect(html).toMatch(/<tr class="gap"><td>T-3<\/td>/)
    expect(html).toContain('<td class="num">8.1</td>')
    expect(ja).toContain('<span class="callout-label">要入力:</span>')
  })
})
