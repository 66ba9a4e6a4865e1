import type { NodeProps } from '@xyflow/react'

import { termOf } from '../../i18n/common.js'
import { useMessages } from '../../i18n/messages.js'
import { useDiagramActions } from './diagram-actions.js'
import type { BoundaryNode } from './diagram-elements.js'
import { messages } from './messages.js'

/**
 * A trust boundary: a dashed rectangle around its members. Only its name is a control (a
 * button, reachable by keyboard); the rest lets clicks and drags through to what is inside.
 */
export const BoundaryNodeView = ({ data }: NodeProps<BoundaryNode>) => {
  const t = useMessages(messages)
  const { select } = useDiagramActions()
  const kind = termOf(t, 'boundaryKind', data.kind)
  const classes = [
    'model-editor-boundary',
    data.severity === undefined ? '' : `has-${data.severity}`,
    data.selected ? 'is-selected' : '',
  ]
  return (
    <div className={classes.join(' ')} data-boundary-id={data.boundaryId}>
      <button
        type="button"
        className="model-editor-boundary-label nodrag nopan"
        title={`${data.name} (${kind})`}
        aria-label={t.boundaryButton(data.name, kind)}
        aria-pressed={data.selected}
        onClick={(event) => {
          event.stopPropagation()
          select('trustBoundaries', data.boundaryId)
        }}
      >
        {data.problems > 0 && (
          <span className={`model-editor-badge is-${data.severity ?? 'error'}`} aria-hidden="true">
            {data.problems}
          </span>
        )}
        <span className="model-editor-boundary-name">{data.name}</span>
        <span className="model-editor-boundary-kind">{kind}</span>
      </button>
    </div>
  )
}
