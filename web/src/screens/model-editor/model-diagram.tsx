import {
  ConnectionMode,
  Controls,
  MarkerType,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type FitViewOptions,
  type NodeChange,
  type OnConnectEnd,
} from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { useEffect, useMemo, useState } from 'react'

import { termOf } from '../../i18n/common.js'
import { useMessages } from '../../i18n/messages.js'
import { BoundaryNodeView } from './boundary-node.js'
import { DiagramActionsContext, type DiagramActions } from './diagram-actions.js'
import {
  diagramEdges,
  diagramNodes,
  type DiagramLabels,
  type DiagramNode,
  type FlowEdge,
} from './diagram-elements.js'
import type { Point, Positions } from './diagram-geometry.js'
import { entryOfNode } from './diagram-ids.js'
import { ElementNodeView } from './element-node.js'
import { FlowEdgeView } from './flow-edge.js'
import { messages } from './messages.js'
import type { ModelLists } from './model-entries.js'
import type { Problem } from './problems.js'
import type { Selection } from './selection.js'

const FIT_VIEW: FitViewOptions = {
  padding: { top: '16px', right: '16px', bottom: '16px', left: '64px' },
}

const nodeTypes = { element: ElementNodeView, boundary: BoundaryNodeView }
const edgeTypes = { flow: FlowEdgeView }

const MARKER_COLOURS = {
  error: '#b3261e',
  warning: '#8a5a00',
  selected: '#1f5fbf',
  none: '#5b6575',
}

const withMarker = (edge: FlowEdge): FlowEdge => {
  const tone = edge.selected === true ? 'selected' : (edge.data?.severity ?? 'none')
  return {
    ...edge,
    markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: MARKER_COLOURS[tone] },
  }
}

/** A point to bring into view, for an entry chosen outside the diagram (lists, problems). */
export interface RevealRequest {
  readonly centre: Point
  readonly nonce: number
}

/** Pans (keeping a readable zoom) to what was chosen elsewhere, so the user sees it marked. */
const Reveal = ({ request }: { readonly request: RevealRequest | undefined }) => {
  const flow = useReactFlow()
  useEffect(() => {
    if (request === undefined) return
    void flow.setCenter(request.centre.x, request.centre.y, {
      zoom: Math.max(flow.getZoom(), 0.8),
      duration: 250,
    })
  }, [request, flow])
  return null
}

export interface ModelDiagramProps {
  readonly lists: ModelLists
  readonly positions: Positions
  readonly selection: Selection | undefined
  readonly problems: ReadonlyMap<string, readonly Problem[]>
  readonly editable: boolean
  readonly showNames: boolean
  readonly reveal: RevealRequest | undefined
  readonly describedBy: string
  readonly onSelect: (selection: Selection | undefined) => void
  readonly onMove: (moved: Positions) => void
  readonly onConnect: (from: string, to: string) => void
}

const useLabels = (): DiagramLabels => {
  const t = useMessages(messages)
  return useMemo(
    () => ({
      element: (name, kind, problems) => t.elementNode(name, termOf(t, 'kind', kind), problems),
      flow: t.flowEdge,
    }),
    [t],
  )
}

/** The element under the pointer where a drag ended, if any. */
const elementAt = (event: MouseEvent | TouchEvent): string | undefined => {
  const point = 'changedTouches' in event ? event.changedTouches[0] : event
  if (point === undefined) return undefined
  const node = document
    .elementFromPoint(point.clientX, point.clientY)
    ?.closest<HTMLElement>('.react-flow__node-element')
  return node?.dataset.id
}

const DiagramCanvas = (props: ModelDiagramProps) => {
  const { lists, positions, selection, problems, editable, showNames, onSelect, onMove } = props
  const t = useMessages(messages)
  const labels = useLabels()
  const [measured, setMeasured] = useState<ReadonlyMap<string, { width: number; height: number }>>(
    new Map(),
  )
  const built = useMemo(
    () => diagramNodes({ lists, positions, selection, problems, editable }, labels),
    [lists, positions, selection, problems, editable, labels],
  )
  // xyflow keeps a node's measured size on the node the app passes back; without it edges and
  // fitView wait for a measure that never lands.
  const nodes = useMemo(
    () =>
      built.map((node) => {
        const size = measured.get(node.id)
        return size === undefined ? node : { ...node, measured: size }
      }),
    [built, measured],
  )
  const [hovered, setHovered] = useState<string | undefined>(undefined)
  const edges = useMemo(
    () =>
      diagramEdges(
        { lists, positions, selection, problems, editable, showNames, hovered },
        labels,
      ).map(withMarker),
    [lists, positions, selection, problems, editable, showNames, hovered, labels],
  )
  const actions = useMemo<DiagramActions>(
    () => ({
      select: (list, id) => {
        onSelect({ kind: 'entry', list, id })
      },
    }),
    [onSelect],
  )

  const onNodesChange = (changes: NodeChange<DiagramNode>[]) => {
    const moved: Record<string, Point> = {}
    const sizes = new Map(measured)
    for (const change of changes) {
      if (change.type === 'position' && change.position !== undefined)
        moved[change.id] = change.position
      if (change.type === 'dimensions' && change.dimensions !== undefined)
        sizes.set(change.id, change.dimensions)
      // Selection follows clicks and Enter on a node; clearing it is the pane's job.
      if (change.type === 'select' && change.selected)
        actions.select(entryOfNode(change.id).list, entryOfNode(change.id).id)
    }
    if (Object.keys(moved).length > 0) onMove(moved)
    if (changes.some((change) => change.type === 'dimensions')) setMeasured(sizes)
  }
  const onEdgesChange = (changes: EdgeChange<FlowEdge>[]) => {
    const chosen = changes.find((change) => change.type === 'select' && change.selected)
    if (chosen !== undefined && chosen.type === 'select') actions.select('dataFlows', chosen.id)
  }
  const onConnect = (connection: Connection) => {
    if (connection.source !== connection.target)
      props.onConnect(connection.source, connection.target)
  }
  // A drag from a handle that ends anywhere on another element (not just on its small handle)
  // also makes a flow: people aim at the box, not at a dot.
  const onConnectEnd: OnConnectEnd = (event, state) => {
    const from = state.fromNode?.id
    if (state.isValid === true || from === undefined) return
    const to = elementAt(event)
    if (to !== undefined && to !== from) props.onConnect(from, to)
  }

  return (
    <DiagramActionsContext.Provider value={actions}>
      <ReactFlow<DiagramNode, FlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        onEdgeMouseEnter={(_, edge) => {
          setHovered(edge.id)
        }}
        onEdgeMouseLeave={() => {
          setHovered(undefined)
        }}
        onPaneClick={() => {
          onSelect(undefined)
        }}
        connectionMode={ConnectionMode.Loose}
        nodesDraggable={editable}
        nodesConnectable={editable}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        minZoom={0.15}
        maxZoom={2}
        fitView
        // Room on the left for the zoom controls, so they never cover an element.
        fitViewOptions={FIT_VIEW}
        ariaLabelConfig={{
          'node.a11yDescription.default': editable ? t.nodeHelp : t.nodeHelpReadOnly,
          'node.a11yDescription.keyboardDisabled': editable ? t.nodeHelp : t.nodeHelpReadOnly,
          'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) =>
            t.movedNode(direction, x, y),
          'edge.a11yDescription.default': t.edgeHelp,
          'controls.ariaLabel': t.controls,
          'controls.zoomIn.ariaLabel': t.zoomIn,
          'controls.zoomOut.ariaLabel': t.zoomOut,
          'controls.fitView.ariaLabel': t.fitView,
          'controls.interactive.ariaLabel': t.interactive,
          'handle.ariaLabel': t.connectHandle,
        }}
      >
        <Controls showInteractive={false} />
        <Reveal request={props.reveal} />
      </ReactFlow>
    </DiagramActionsContext.Provider>
  )
}

/**
 * The data flow diagram. Described for assistive technology by the summary it points to; the
 * lists view offers the same model as tables for anyone the canvas does not suit.
 */
export const ModelDiagram = (props: ModelDiagramProps) => {
  const t = useMessages(messages)
  return (
    <div
      className="model-editor-canvas"
      role="group"
      aria-label={t.diagramLabel}
      aria-describedby={props.describedBy}
    >
      <ReactFlowProvider>
        <DiagramCanvas {...props} />
      </ReactFlowProvider>
    </div>
  )
}
