import { Handle, Position, type NodeProps } from '@xyflow/react'

import { termOf } from '../../i18n/common.js'
import { useMessages } from '../../i18n/messages.js'
import type { ElementNode } from './diagram-elements.js'
import { shapeOf } from './element-shapes.js'
import { messages } from './messages.js'

/**
 * An element: its name (two lines at most, the whole name in the tooltip) and kind, drawn by
 * shape, with a count of its problems. The handles on its sides start a new data flow.
 */
export const ElementNodeView = ({ id, data, selected, isConnectable }: NodeProps<ElementNode>) => {
  const t = useMessages(messages)
  const kind = termOf(t, 'kind', data.kind)
  const classes = [
    'model-editor-node',
    `shape-${shapeOf(data.kind)}`,
    data.severity === undefined ? '' : `has-${data.severity}`,
    selected ? 'is-selected' : '',
  ]
  return (
    <div className={classes.join(' ')} data-element-id={id} title={`${data.name}\n${kind}`}>
      <Handle type="target" position={Position.Left} isConnectable={isConnectable} />
      <span className="model-editor-node-name">{data.name}</span>
      <span className="model-editor-node-kind">{kind}</span>
      {data.problems > 0 && (
        <span className={`model-editor-badge is-${data.severity ?? 'error'}`} aria-hidden="true">
          {data.problems}
        </span>
      )}
      <Handle type="source" position={Position.Right} isConnectable={isConnectable} />
    </div>
  )
}
