import { parse } from 'yaml'
import { describe, expect, test } from 'vitest'

import { findListEntry, putListEntry, removeListEntry } from './yaml-list-entry.js'

const byThreat = (id: string, releases?: readonly string[]) => (item: unknown) => {
  const entry = item as { threat?: unknown; releases?: unknown }
  return (
    entry.threat === id &&
    JSON.stringify(entry.releases ?? null) === JSON.stringify(releases ?? null)
  )
}

const FILE = `# Decisions on threats
medcyber: v1

threatAssessments:
  # the pairing decision, reviewed in March
  - threat: ble-pairing
    status: open # until the passkey ships
    rationale: >-
      Pairing uses Just Works;
      passkey entry comes with 3.1.
  - threat: debug-port
    status: accepted
    releases: ['2.4.1']
    rationale: Physical access needed.

# Findings come later.
controls: []
`

describe('putListEntry', () => {
  test('replaces only the matching entry, leaving every other byte and comment as written', () => {
    const after = putListEntry(FILE, 'threatAssessments', byThreat('ble-pairing'), {
      threat: 'ble-pairing',
      status: 'mitigated',
      rationale: 'Passkey entry shipped in 3.1.',
      controls: ['lesc-passkey', 'app-crypto'],
    })
    expect(after).toBe(`# Decisions on threats
medcyber: v1

threatAssessments:
  # the pairing decision, reviewed in March
  - threat: ble-pairing
    status: mitigated
    rationale: Passkey entry shipped in 3.1.
    controls: [lesc-passkey, app-crypto]
  - threat: debug-port
    status: accepted
    releases: ['2.4.1']
    rationale: Physical access needed.

# Findings come later.
controls: []
`)
  })

  test('an entry for other releases is not the same entry: the new one is appended after the last', () => {
    const after = putListEntry(FILE, 'threatAssessments', byThreat('debug-port', ['3.1.0']), {
      threat: 'debug-port',
      status: 'mitigated',
      releases: ['3.1.0'],
      rationale: 'Debug locked at end of line.',
    })
    const lines = after.split('\n')
    const added = lines.indexOf(
      '  - threat: debug-port',
      lines.indexOf('    rationale: Physical access needed.'),
    )
    expect(added).toBeGreaterThan(0)
    expect(lines.slice(added, added + 4)).toEqual([
      '  - threat: debug-port',
      '    status: mitigated',
      '    releases: [3.1.0]',
      '    rationale: Debug locked at end of line.',
    ])
    // Everything before and after the insertion is the original text.
    const inserted = lines.slice(added, added + 4).join('\n') + '\n'
    expect(after.replace(inserted, '')).toBe(FILE)
    expect((parse(after) as { threatAssessments: unknown[] }).threatAssessments).toHaveLength(3)
  })

  test('a file without the list gets it at its end, and the rest stays as written', () => {
    const after = putListEntry(FILE, 'findingAssessments', () => false, {
      finding: 'CVE-2024-0001@openssl',
      status: 'not_affected',
      justification: 'vulnerable_code_not_present',
    })
    expect(after.startsWith(FILE)).toBe(true)
    expect(after.slice(FILE.length)).toBe(
      'findingAssessments:\n  - finding: CVE-2024-0001@openssl\n    status: not_affected\n    justification: vulnerable_code_not_present\n',
    )
  })

  test('long and multi-line texts come out as YAML that reads back the same', () => {
    const rationale = `${'A long rationale that runs on. '.repeat(8)}\nA second paragraph: with a colon.`
    const after = putListEntry(FILE, 'threatAssessments', byThreat('debug-port', ['2.4.1']), {
      threat: 'debug-port',
      status: 'accepted',
      releases: ['2.4.1'],
      rationale,
      date: '2026-11-20',
    })
    const read = parse(after) as { threatAssessments: Record<string, unknown>[] }
    expect(read.threatAssessments[1]).toEqual({
      threat: 'debug-port',
      status: 'accepted',
      releases: ['2.4.1'],
      rationale,
      date: '2026-11-20',
    })
    expect(read.threatAssessments[0]?.['rationale']).toBe(
      'Pairing uses Just Works; passkey entry comes with 3.1.',
    )
  })

  test('a flow-style list (as in a JSON file) is edited through the document and keeps its data', () => {
    const json =
      '{"medcyber": "v1", "threatAssessments": [{"threat": "a", "status": "open", "rationale": "x"}]}'
    const after = putListEntry(json, 'threatAssessments', byThreat('b'), {
      threat: 'b',
      status: 'open',
      rationale: 'y',
    })
    expect(parse(after)).toEqual({
      medcyber: 'v1',
      threatAssessments: [
        { threat: 'a', status: 'open', rationale: 'x' },
        { threat: 'b', status: 'open', rationale: 'y' },
      ],
    })
  })
})

const FLOWS = `dataFlows:
  # --- on the body
  - id: a
    name: A # the first
    # a note on a, under it
  # --- in the cloud
  - id: b
    name: B

  - id: c
    name: C
# the end
roles: []
`

const byId = (id: string) => (item: unknown) => (item as { id?: unknown }).id === id

describe('putListEntry around comments', () => {
  test('replacing an entry keeps the comment heading the next one, and takes the one under it', () => {
    const after = putListEntry(FLOWS, 'dataFlows', byId('a'), { id: 'a', name: 'A2' })
    expect(after).toBe(
      FLOWS.replace('    name: A # the first\n    # a note on a, under it\n', '    name: A2\n'),
    )
  })

  test('an empty flow list in a block file becomes a block list, the rest as written', () => {
    const after = putListEntry(FLOWS, 'roles', byId('x'), { id: 'x', name: 'X' })
    expect(after).toBe(FLOWS.replace('roles: []\n', 'roles:\n  - id: x\n    name: X\n'))
    const commented = 'medcyber: v1\nelements: [] # none yet\nroles: []\n'
    expect(putListEntry(commented, 'elements', byId('p'), { id: 'p' })).toBe(
      'medcyber: v1\nelements: # none yet\n  - id: p\nroles: []\n',
    )
  })
})

describe('removeListEntry', () => {
  test('removes only the entry, its lines and the comments under it', () => {
    expect(removeListEntry(FLOWS, 'dataFlows', byId('a'))).toBe(
      FLOWS.replace('  - id: a\n    name: A # the first\n    # a note on a, under it\n', ''),
    )
    expect(removeListEntry(FLOWS, 'dataFlows', byId('b'))).toBe(
      FLOWS.replace('  - id: b\n    name: B\n', ''),
    )
    expect(removeListEntry(FLOWS, 'dataFlows', byId('c'))).toBe(
      FLOWS.replace('  - id: c\n    name: C\n', ''),
    )
  })

  test('the last entry of a file without a final newline', () => {
    const text = 'elements:\n- id: a\n  kind: device\n- id: b\n  kind: device'
    expect(removeListEntry(text, 'elements', byId('b'))).toBe(
      'elements:\n- id: a\n  kind: device\n',
    )
  })

  test('a list left empty is written [] so it stays a list', () => {
    const text = '# roles\nroles: # who\n  - id: a\n    name: A\n\nactors: []\n'
    const after = removeListEntry(text, 'roles', byId('a'))
    expect(after).toBe('# roles\nroles: [] # who\n\nactors: []\n')
    expect(parse(after)).toEqual({ roles: [], actors: [] })
  })

  test('a flow-style list is edited through the document, and a file without the list is kept', () => {
    const json = '{"elements": [{"id": "a"}, {"id": "b"}]}'
    expect(parse(removeListEntry(json, 'elements', byId('a')))).toEqual({ elements: [{ id: 'b' }] })
    expect(removeListEntry(FLOWS, 'elements', byId('a'))).toBe(FLOWS)
    expect(removeListEntry(FLOWS, 'dataFlows', byId('zz'))).toBe(FLOWS)
  })
})

describe('findListEntry', () => {
  test('tells a file with the list from one without, and finds the entry by its key', () => {
    expect(findListEntry(FILE, 'threatAssessments', byThreat('debug-port', ['2.4.1']))).toEqual({
      hasList: true,
      hasEntry: true,
    })
    expect(findListEntry(FILE, 'threatAssessments', byThreat('debug-port'))).toEqual({
      hasList: true,
      hasEntry: false,
    })
    expect(findListEntry(FILE, 'findingAssessments', () => true)).toEqual({
      hasList: false,
      hasEntry: false,
    })
  })
})
