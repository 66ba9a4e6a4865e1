import {
  BaseEdge,
  EdgeLabelRenderer,
  useInternalNode,
  type EdgeProps,
  type InternalNode,
  type Node,
} from '@xyflow/react'

import { useDiagramActions } from './diagram-actions.js'
import type { FlowEdge } from './diagram-elements.js'
import { NODE_HEIGHT, NODE_WIDTH, type Rect } from './diagram-geometry.js'
import { flowPath } from './flow-geometry.js'

const rectOf = (node: InternalNode<Node>): Rect => ({
  x: node.internals.positionAbsolute.x,
  y: node.internals.positionAbsolute.y,
  width: node.measured.width ?? NODE_WIDTH,
  height: node.measured.height ?? NODE_HEIGHT,
})

/**
 * A data flow drawn from border to border of its elements (not from fixed handles, so it takes
 * the short way whatever the layout), bent apart from other flows between the same two, with its
 * name at the middle; the name is a target that selects the flow.
 */
export const FlowEdgeView = ({
  id,
  source,
  target,
  markerEnd,
  data,
  selected,
}: EdgeProps<FlowEdge>) => {
  const { select } = useDiagramActions()
  const from = useInternalNode(source)
  const to = useInternalNode(target)
  if (from === undefined || to === undefined || data === undefined) return null
  const { path, label } = flowPath(rectOf(from), rectOf(to), data.offset)
  const state = [
    data.severity === undefined ? '' : `has-${data.severity}`,
    selected === true ? 'is-selected' : '',
  ].join(' ')
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        className={`model-editor-flow ${state}`}
        interactionWidth={14}
        {...(markerEnd === undefined ? {} : { markerEnd })}
      />
      {data.showName && (
        <EdgeLabelRenderer>
          <div
            className={`model-editor-flow-label nodrag nopan ${state}`}
            style={{
              transform: `translate(-50%, -50%) translate(${String(label.x)}px, ${String(label.y)}px)`,
            }}
            title={data.name}
            onClick={() => {
              select('dataFlows', id)
            }}
          >
            {data.problems > 0 && (
              <span
                className={`model-editor-badge is-${data.severity ?? 'error'}`}
                aria-hidden="true"
              >
                {data.problems}
              </span>
            )}
            <span className="model-editor-flow-name">{data.name}</span>
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  )
}
