import mammoth from 'mammoth'
import yauzl from 'yauzl'
import { describe, expect, it } from 'vitest'

import { documentDocx } from './document-docx.js'
import { sampleTree } from './sample-tree.js'

/** The text of every entry of a zip file, by name. */
const unzip = (bytes: Uint8Array): Promise<Map<string, string>> =>
  new Promise((resolve, reject) => {
    const entries = new Map<string, string>()
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true }, (error, zip) => {
      if (error !== null) {
        reject(error)
        return
      }
      zip.on('error', reject)
      zip.on('end', () => {
        resolve(entries)
      })
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError !== null) {
            reject(streamError)
            return
          }
          const chunks: Buffer[] = []
          stream.on('data', (chunk: Buffer) => chunks.push(chunk))
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks).toString('utf8'))
            zip.readEntry()
          })
        })
      })
      zip.readEntry()
    })
  })

describe('documentDocx', async () => {
  const en = await documentDocx(await sampleTree('en'))
  const ja = await documentDocx(await sampleTree('ja'))
  const html = (await mammoth.convertToHtml({ buffer: Buffer.from(en) })).value
  const parts = await unzip(en)
  const document = parts.get('word/document.xml') ?? ''

  it('uses real heading styles, so Word lists the sections in its navigation pane', () => {
    // mammoth writes each heading's bookmark as an empty anchor inside it.
    const headings = [...html.matchAll(/<(h\d)>(?:<a id="[^"]*"><\/a>)?([^<]*)<\/h\d>/g)].map(
      (match) => `${match[1] ?? ''} ${match[2] ?? ''}`,
    )
    expect(headings).toEqual([
      'h1 Scope',
      'h2 Device',
      'h3 Details',
      'h1 Architecture',
      'h1 Threats',
    ])
  })

  it('writes tables as Word tables with a repeated header row', () => {
    const table = /<table>[\s\S]*?<\/table>/.exec(html)?.[0] ?? ''
    for (const title of ['ID', 'Threat', 'CVSS', 'Due', 'KEV', 'Control']) {
      expect(table).toContain(`<strong>${title}</strong>`)
    }
    expect(table).toContain('C-1 | pairing &lt;with&gt; PIN')
    expect(document).toContain('<w:tblHeader/>')
    expect(document).toContain('<w:tblLayout w:type="fixed"/>')
    expect(document).toMatch(/<w:tblW w:type="pct" w:w="(100%|5000)"\/>/)
  })

  it('embeds the diagram as SVG with a PNG fallback', () => {
    expect(html).toMatch(/<img [^>]*src="data:image\/png;base64,/)
    const media = [...parts.keys()].filter((name) => name.startsWith('word/media/'))
    expect(media.some((name) => name.endsWith('.svg'))).toBe(true)
    expect(media.some((name) => name.endsWith('.png'))).toBe(true)
  })

  it('highlights needs-input, keeps the title escaped and links only http(s)', () => {
    expect(html).toContain('Needs input: ')
    expect(document).toContain('w:fill="FFF176"')
    expect(document).toContain('Security &lt;script&gt;alert(1)&lt;/script&gt; report')
    expect(html).toContain('<a href="https://www.fda.gov/media/119933/download">FDA guidance</a>')
    expect(html).not.toContain('javascript:alert(1)"')
  })

  it('dates its properties by the issue date and has a contents field', () => {
    const core = parts.get('docProps/core.xml') ?? ''
    expect(core).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2025-06-30T00:00:00Z</dcterms:created>',
    )
    expect(core).toContain(
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2025-06-30T00:00:00Z</dcterms:modified>',
    )
    expect(core).toContain('<dc:creator>medcyber</dc:creator>')
    expect(document).toContain('TOC \\h \\o &quot;1-4&quot;')
  })

  it('gives the same content for the same tree', async () => {
    // docx numbers bookmarks from one counter per process, so a second document in the same run
    // gets later numbers; renumbered by first appearance, the parts must be identical.
    const renumbered = (text: string): string => {
      const seen = new Map<string, number>()
      return text.replace(/(_Toc|w:id=")(\d+)/g, (_whole, prefix: string, id: string) => {
        if (!seen.has(id)) seen.set(id, seen.size + 1)
        return `${prefix}${String(seen.get(id))}`
      })
    }
    const again = await unzip(await documentDocx(await sampleTree('en')))
    expect([...again.keys()]).toEqual([...parts.keys()])
    for (const [name, text] of parts) {
      expect(renumbered(again.get(name) ?? ''), name).toBe(renumbered(text))
    }
  })

  it('names a Japanese font for East Asian text', async () => {
    const styles = (await unzip(ja)).get('word/styles.xml') ?? ''
    expect(styles).toMatch(/<w:rFonts [^>]*w:eastAsia="Noto Sans CJK JP"/)
    const text = (await mammoth.convertToHtml({ buffer: Buffer.from(ja) })).value
    expect(text).toMatch(/<h1>(<a id="[^"]*"><\/a>)?適用範囲<\/h1>/)
    expect(text).toContain('<strong>要入力: </strong>意図する使用環境を記載すること。')
  })
})
