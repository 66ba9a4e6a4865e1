import { describe, expect, it } from 'vitest'

import { exampleReportContext } from '../../../../test/support/report-context.js'
import { exampleNames } from '../../../../test/support/model-folders.js'
import type { ReportContext } from '../report-context.js'
import {
  buildMds2,
  MDS2_QUESTION_BANK,
  MDS2_QUESTION_IDS,
  MDS2_SECTION_IDS,
  mds2Form,
  type Mds2Form,
  type Mds2Row,
} from './index.js'

const row = (form: Mds2Form, id: string): Mds2Row => {
  const found = form.sections.flatMap((part) => part.questions).find((entry) => entry.id === id)
  if (found === undefined) throw new Error(`no row ${id}`)
  return found
}

describe('MDS2 question bank', () => {
  it('has the 23 sections of the 2019 form in order, with unique ids under their section', () => {
    expect(MDS2_QUESTION_BANK.map((part) => part.id)).toEqual([...MDS2_SECTION_IDS])
    expect(MDS2_SECTION_IDS).toHaveLength(23)
    expect(new Set(MDS2_QUESTION_IDS).size).toBe(MDS2_QUESTION_IDS.length)
    expect(MDS2_QUESTION_IDS).toHaveLength(240)
    for (const part of MDS2_QUESTION_BANK)
      for (const question of part.questions) {
        expect(question.id).toMatch(new RegExp(`^${part.id}-[0-9]+(\\.[0-9]+)*$`))
        expect(question.question.trim()).not.toBe('')
      }
  })

  it('orders sub-questions after their parent, numbers rising', () => {
    for (const part of MDS2_QUESTION_BANK) {
      const numbers = part.questions.map((question) =>
        question.id
          .slice(part.id.length + 1)
          .split('.')
          .map(Number),
      )
      for (let index = 1; index < numbers.length; index++) {
        const [before, after] = [numbers[index - 1] ?? [], numbers[index] ?? []]
        const compare = (a: number[], b: number[]): number => {
          for (let k = 0; k < Math.max(a.length, b.length); k++) {
            const diff = (a[k] ?? -1) - (b[k] ?? -1)
            if (diff !== 0) return diff
          }
          return 0
        }
        expect(compare(before, after), part.questions[index]?.id).toBeLessThan(0)
      }
    }
  })
})

describe.each(exampleNames())('MDS2 for %s', (name) => {
  it('answers every question of the form, each with a basis, and is deterministic', async () => {
    const ctx = await exampleReportContext(name)
    const parts = buildMds2(ctx)
    expect(parts.map((part) => part.kind)).toEqual(['document', 'data'])
    const data = parts[1]
    if (data?.kind !== 'data') throw new Error('no data part')
    expect(data.id).toBe('mds2')
    expect(data.extension).toBe('json')
    const form = data.data as Mds2Form
    expect(form.form).toBe('MDS2')
    expect(form.edition).toBe('HN 1-2019')
    expect(form.manufacturer).toBe(ctx.model.product.manufacturer.name)
    expect(form.sections.flatMap((part) => part.questions.map((q) => q.id))).toEqual(
      MDS2_QUESTION_IDS,
    )
    for (const entry of form.sections.flatMap((part) => part.questions)) {
      if (entry.answer === 'needs-input') expect(entry.basis).toBe('needs input')
      else expect(entry.basis).toMatch(/^(derived from .+|manufacturer answer)$/)
    }
    expect(row(form, 'DOC-1')).toMatchObject({ answer: 'see-note', note: form.manufacturer })
    expect(row(form, 'DOC-7').note).toBe(ctx.date)
    expect(JSON.stringify(buildMds2(ctx))).toBe(JSON.stringify(parts))

    const doc = parts[0]
    if (doc?.kind !== 'document') throw new Error('no document')
    expect(doc.tree.id).toBe('mds2')
    const titles = doc.tree.sections.map((part) => part.title)
    for (const id of MDS2_SECTION_IDS)
      expect(titles.some((title) => title.endsWith(`(${id})`))).toBe(true)
    // Every needs-input row is highlighted as a gap, and only those.
    for (const part of doc.tree.sections.slice(1)) {
      const table = part.blocks.find((block) => block.kind === 'table')
      if (table?.kind !== 'table') throw new Error(`no table in ${part.id}`)
      const open = table.table.rows.flatMap((cells, index) =>
        String(cells.note).startsWith('Needs input') ? [index] : [],
      )
      expect((table.highlights ?? []).map((mark) => mark.row)).toEqual(open)
      expect(table.highlights?.every((mark) => mark.tone === 'gap')).toBe(true)
    }
  })

  it('answers CONN from the interfaces and CVD/ISAO from the manufacturer', async () => {
    const ctx = await exampleReportContext(name)
    const form = mds2Form(ctx)
    const { manufacturer } = ctx.model.product
    if (manufacturer.cvdPolicyUrl !== undefined)
      expect(row(form, 'DOC-8').note).toContain(manufacturer.cvdPolicyUrl)
    if (manufacturer.isao !== undefined) {
      expect(row(form, 'DOC-9').answer).toBe('yes')
    }
    const deviceElements = new Set(
      ctx.model.elements
        .filter(
          (element) =>
            element.partOfDevice ??
            ['device', 'device-component', 'accessory', 'mobile-app', 'desktop-app'].includes(
              element.kind,
            ),
        )
        .map((element) => element.id),
    )
    const present = ctx.model.interfaces.filter(
      (item) =>
        deviceElements.has(item.element) &&
        item.status !== 'disabled' &&
        (item.releases === undefined ||
          ctx.release === undefined ||
          item.releases.includes(ctx.release)),
    )
    const has = (...types: string[]): boolean => present.some((item) => types.includes(item.type))
    expect(row(form, 'CONN-1.2.2').answer).toBe(has('usb') ? 'yes' : 'no')
    expect(row(form, 'CONN-1.2.1').answer).toBe(has('ethernet') ? 'yes' : 'no')
    const wireless = has(
      'ble',
      'bluetooth-classic',
      'wifi',
      'cellular',
      'nfc',
      'inductive',
      'proprietary-rf',
      'infrared',
    )
    expect(row(form, 'CONN-1.1').answer).toBe(wireless ? 'yes' : 'no')
    if (wireless)
      expect(row(form, 'CONN-1.1.2').answer).toBe(has('ble', 'bluetooth-classic') ? 'yes' : 'no')
    else expect(row(form, 'CONN-1.1.2').answer).toBe('n/a')
  })
})

describe('MDS2 answers on the examples', () => {
  it('a BLE insulin pump answers the wireless and Bluetooth questions Yes, naming the interfaces', async () => {
    const form = mds2Form(await exampleReportContext('insulin-pump'))
    expect(row(form, 'CONN-1.1').answer).toBe('yes')
    expect(row(form, 'CONN-1.1.2')).toMatchObject({ answer: 'yes' })
    expect(row(form, 'CONN-1.1.2').basis).toContain('pump-radio-ble')
    expect(row(form, 'CONN-1.1.1').answer).toBe('no')
    expect(row(form, 'MPII-3.6').answer).toBe('yes')
    expect(row(form, 'DOC-11').answer).toBe('no')
    expect(row(form, 'DOC-11.1').answer).toBe('n/a')
    // Remote updates over the app (release updateMethod remote).
    expect(row(form, 'CSUP-2.3').answer).toBe('yes')
    expect(row(form, 'SBOM-1').answer).toBe('yes')
    expect(row(form, 'TXIG-1').answer).toBe('yes')
  })

  it('the software-only planning system answers SaMD Yes and physical locks N/A', async () => {
    const form = mds2Form(await exampleReportContext('radiotherapy-planning'))
    expect(row(form, 'DOC-11').answer).toBe('yes')
    expect(row(form, 'PLOK-1').answer).toBe('yes')
    expect(row(form, 'PLOK-2').answer).toBe('n/a')
    // Wi-Fi and Bluetooth exist on the workstation but are disabled.
    expect(row(form, 'CONN-1.1')).toMatchObject({ answer: 'no' })
    expect(row(form, 'CONN-1.1').note).toContain('disabled')
    // DICOM from modalities and PACS travels unencrypted.
    expect(row(form, 'TXCF-2').answer).toBe('no')
    expect(row(form, 'CSUP-2.2').answer).toBe('yes')
  })

  it("people's answers override derived ones and stop the form's N/A cascade", async () => {
    const ctx = await exampleReportContext('insulin-pump')
    const overridden: ReportContext = {
      ...ctx,
      model: {
        ...ctx.model,
        mds2Answers: [
          { question: 'CONN-1.1.2', answer: 'no', note: 'Checked by hand' },
          { question: 'DOC-11', answer: 'no' },
          { question: 'DOC-11.2', answer: 'yes' },
          { question: 'ALOF-1', answer: 'see-note', note: 'Screen lock after 2 minutes' },
          { question: 'XXXX-1', answer: 'yes' },
        ],
      },
    }
    const form = mds2Form(overridden)
    expect(row(form, 'CONN-1.1.2')).toEqual({
      id: 'CONN-1.1.2',
      question: 'Does the device support Bluetooth?',
      answer: 'no',
      note: 'Checked by hand',
      basis: 'manufacturer answer',
    })
    expect(row(form, 'ALOF-1').basis).toBe('manufacturer answer')
    expect(row(form, 'DOC-11.2').answer).toBe('yes')
    expect(row(form, 'DOC-11.3').answer).toBe('n/a')
    expect(form.unknownAnswers).toEqual(['XXXX-1'])
  })

  it('leaves what the model does not say as needs input, never a guess', async () => {
    const ctx = await exampleReportContext('insulin-pump')
    const { managementPlan, ...withoutPlan } = ctx.model
    expect(managementPlan).toBeDefined()
    const bare: ReportContext = {
      ...ctx,
      model: {
        ...withoutPlan,
        product: {
          ...ctx.model.product,
          manufacturer: { name: ctx.model.product.manufacturer.name },
        },
        mds2Answers: [],
        evidence: [],
      },
    }
    const form = mds2Form(bare)
    for (const id of ['DOC-4', 'DOC-6', 'DOC-8', 'DOC-9', 'CSUP-7', 'EMRG-1', 'SAHD-1'])
      expect(row(form, id)).toMatchObject({ answer: 'needs-input', basis: 'needs input' })
  })
})
