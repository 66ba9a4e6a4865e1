import { describe, expect, it } from 'vitest'

import { nodeRect } from './diagram-geometry.js'
import { diagramEdges, diagramNodes, type DiagramLabels } from './diagram-elements.js'
import { flowPath } from './flow-geometry.js'
import { problemsByEntry, problemsFromIssues } from './problems.js'
import { smallModel, flow } from './test-model.js'

const labels: DiagramLabels = {
  element: (name, kind, problems) => `${kind} ${name} ${String(problems)}`,
  flow: (name, from, to, problems) => `${name} ${from}>${to} ${String(problems)}`,
}

const positions = { pump: { x: 300, y: 0 }, radio: { x: 300, y: 100 }, app: { x: 0, y: 0 } }

const issue = (
  list: 'elements' | 'dataFlows' | 'trustBoundaries',
  entry: string,
  severity = 'error',
) => ({
  severity,
  code: 'x',
  message: 'm',
  location: 'architecture.yaml:1:1',
  list,
  entry,
  field: null,
})

const problems = problemsByEntry(
  problemsFromIssues([
    issue('elements', 'pump'),
    issue('elements', 'pump', 'warning'),
    issue('dataFlows', 'status', 'warning'),
    issue('trustBoundaries', 'enclosure'),
  ]),
)

describe('diagramNodes', () => {
  const nodes = diagramNodes(
    {
      lists: smallModel(),
      positions,
      selection: { kind: 'entry', list: 'elements', id: 'radio' },
      problems,
      editable: true,
    },
    labels,
  )

  it('draws boundaries (behind, parents first) then elements', () => {
    expect(nodes.map((node) => node.id)).toEqual([
      'boundary:body',
      'boundary:enclosure',
      'pump',
      'radio',
      'app',
    ])
    const [body, enclosure] = nodes
    expect((body?.zIndex ?? 0) < (enclosure?.zIndex ?? 0)).toBe(true)
    expect((enclosure?.zIndex ?? 0) < 0).toBe(true)
  })

  it('marks the entries with problems and says how many', () => {
    const pump = nodes.find((node) => node.id === 'pump')
    expect(pump?.data).toMatchObject({ problems: 2, severity: 'error' })
    expect(pump?.ariaLabel).toBe('device pump name 2')
    expect(nodes.find((node) => node.id === 'boundary:enclosure')?.data).toMatchObject({
      problems: 1,
      severity: 'error',
    })
    expect(nodes.find((node) => node.id === 'app')?.data).toMatchObject({ problems: 0 })
  })

  it('selects the selected element only, and locks nodes when read-only', () => {
    expect(nodes.filter((node) => node.selected).map((node) => node.id)).toEqual(['radio'])
    const readOnly = diagramNodes(
      { lists: smallModel(), positions, selection: undefined, problems, editable: false },
      labels,
    )
    expect(readOnly.some((node) => node.draggable === true || node.connectable === true)).toBe(
      false,
    )
  })
})

describe('diagramEdges', () => {
  it('draws flows between placed elements with their problems; flows to unknown ends are left out', () => {
    const lists = smallModel()
    const edges = diagramEdges(
      {
        lists: { ...lists, dataFlows: [...lists.dataFlows, flow('lost', 'app', 'nowhere')] },
        positions,
        selection: { kind: 'entry', list: 'dataFlows', id: 'status' },
        problems,
        editable: true,
        showNames: true,
      },
      labels,
    )
    expect(edges.map((edge) => [edge.id, edge.source, edge.target])).toEqual([
      ['bolus', 'app', 'pump'],
      ['status', 'pump', 'app'],
      ['spi', 'radio', 'pump'],
    ])
    const status = edges.find((edge) => edge.id === 'status')
    expect(status?.selected).toBe(true)
    expect(status?.data).toMatchObject({ problems: 1, severity: 'warning' })
    expect(status?.ariaLabel).toBe('status name pump name>app name 1')
    // bolus and status join the same two elements in opposite directions: drawn apart.
    const middle = (id: string, from: 'app' | 'pump', to: 'app' | 'pump') =>
      flowPath(
        nodeRect(positions[from]),
        nodeRect(positions[to]),
        edges.find((edge) => edge.id === id)?.data?.offset ?? 0,
      ).label
    expect(middle('bolus', 'app', 'pump').y).not.toBeCloseTo(middle('status', 'pump', 'app').y)
  })
})

describe('flow names', () => {
  const lists = smallModel()
  const edgesWith = (showNames: boolean, hovered?: string) =>
    diagramEdges(
      {
        lists,
        positions: { pump: { x: 600, y: 0 }, radio: { x: 600, y: 400 }, app: { x: 0, y: 0 } },
        selection: { kind: 'entry', list: 'dataFlows', id: 'spi' },
        problems,
        editable: true,
        showNames,
        hovered,
      },
      labels,
    )
  const named = (showNames: boolean, hovered?: string) =>
    edgesWith(showNames, hovered)
      .filter((edge) => edge.data?.showName === true)
      .map((edge) => edge.id)

  it('shows the names that fit when names are on', () => {
    expect(named(true)).toEqual(['bolus', 'status', 'spi'])
  })

  it('shows only the selected, hovered and problem flows when names are off', () => {
    expect(named(false)).toEqual(['status', 'spi'])
    expect(named(false, 'bolus')).toEqual(['bolus', 'status', 'spi'])
  })
})
