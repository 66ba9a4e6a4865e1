import { describe, expect, test } from 'vitest'

import type { LocatedIssue } from '../formats/index.js'
import type { ModelFile } from '../store/index.js'
import { placeIssues } from './architecture-entries.js'
import { loadModelFromFiles } from './model-files.js'
import { readModelFolder } from './model-folder.js'

const PUMP = 'examples/insulin-pump'

const edited = (files: readonly ModelFile[], from: string, to: string): ModelFile[] =>
  files.map((file) => {
    if (file.path !== 'architecture.yaml') return file
    expect(file.text).toContain(from)
    return { ...file, text: file.text.replace(from, to) }
  })

const placedErrors = async (files: readonly ModelFile[]) => {
  const loaded = await loadModelFromFiles(files)
  const errors = loaded.issues.filter((issue) => issue.severity === 'error')
  expect(errors.length).toBeGreaterThan(0)
  return placeIssues(errors, files).map((issue) => issue.entry)
}

describe('placeIssues', () => {
  test("puts the loader's issues on the entry and field they are about", async () => {
    const files = await readModelFolder(PUMP)
    const schema = edited(
      files,
      '      type: none\n      mechanism:',
      '      type: bogus\n      mechanism:',
    )
    expect(await placedErrors(schema)).toContainEqual({
      list: 'dataFlows',
      id: 'pump-ui-programming',
      field: 'authentication.type',
    })
    const reference = edited(
      files,
      '    elements: [pump, pump-radio]',
      '    elements: [pump, ghost]',
    )
    expect(await placedErrors(reference)).toContainEqual({
      list: 'trustBoundaries',
      id: 'pump-enclosure',
      field: 'elements[1]',
    })
  })

  test('issues outside the three lists, or on an entry without an id, name no id', () => {
    const files: ModelFile[] = [
      { path: 'a.yaml', text: 'elements:\n  - name: nameless\ninterfaces:\n  - id: i\n' },
    ]
    const issue = (path: string): LocatedIssue => ({
      file: 'a.yaml',
      line: 1,
      column: 1,
      path,
      severity: 'error',
      code: 'x',
      message: 'x',
    })
    const placed = placeIssues(
      [
        issue('$.elements[0].id'),
        issue('$.interfaces[0].element'),
        issue("$.elements[0]['odd key']"),
      ],
      files,
    )
    expect(placed.map((p) => p.entry)).toEqual([
      { list: 'elements', id: undefined, field: 'id' },
      undefined,
      { list: 'elements', id: undefined, field: 'odd key' },
    ])
  })
})
