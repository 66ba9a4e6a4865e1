import { describe, expect, it } from 'vitest'

import type { GeneratedDocument } from '../../api/types.js'
import {
  DELIVERABLE_KINDS,
  DOCUMENT_FORMATS,
  documentHref,
  formatSize,
  generateBody,
  hasLanguage,
  isDataOnly,
  isOutdated,
} from './deliverables.js'

describe('the choices offered', () => {
  it('offers every deliverable and every format the server accepts', () => {
    expect(DELIVERABLE_KINDS).toContain('jp-checklist')
    expect(DELIVERABLE_KINDS).toContain('eos-transfer-package')
    expect(DELIVERABLE_KINDS).toContain('pma-annual-report')
    expect(DELIVERABLE_KINDS).toHaveLength(12)
    expect(DOCUMENT_FORMATS).toEqual(['docx', 'xlsx', 'pdf', 'html', 'md', 'json'])
  })

  it('knows which deliverables come in Japanese and which are data only', () => {
    expect(hasLanguage('jp-checklist', 'ja')).toBe(true)
    expect(hasLanguage('fda-premarket', 'ja')).toBe(false)
    expect(hasLanguage('fda-premarket', 'en')).toBe(true)
    expect(isDataOnly('sbom')).toBe(true)
    expect(isDataOnly('labeling')).toBe(false)
  })
})

describe('generateBody', () => {
  const form = {
    kind: 'labeling',
    formats: [],
    language: 'ja',
    release: '',
    date: '',
  } as const

  it('leaves the defaults to the server', () => {
    expect(generateBody(form)).toEqual({ kind: 'labeling', language: 'ja' })
  })

  it('sends formats in the offered order, the release and the date when chosen', () => {
    expect(
      generateBody({ ...form, formats: ['pdf', 'docx'], release: '2.1.0', date: '2026-03-01' }),
    ).toEqual({
      kind: 'labeling',
      formats: ['docx', 'pdf'],
      language: 'ja',
      release: '2.1.0',
      date: '2026-03-01',
    })
  })

  it('asks for English when the deliverable has no Japanese', () => {
    expect(generateBody({ ...form, kind: 'mds2' }).language).toBe('en')
  })
})

describe('formatSize', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [1500, '1.5 kB'],
    [48_000, '48 kB'],
    [2_300_000, '2.3 MB'],
  ])('%d bytes', (bytes, text) => {
    expect(formatSize(bytes)).toBe(text)
  })
})

describe('isOutdated and documentHref', () => {
  const document = { modelRevision: 3 } as GeneratedDocument
  it('marks files from an earlier revision', () => {
    expect(isOutdated(document, 4)).toBe(true)
    expect(isOutdated(document, 3)).toBe(false)
  })

  it('links to the download route', () => {
    expect(documentHref('infusion pump', 'a/b')).toBe(
      '/api/products/infusion%20pump/documents/a%2Fb',
    )
  })
})
