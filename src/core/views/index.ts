export type {
  ArchitectureView,
  AvailableView,
  DfdRole,
  FlowSecurity,
  FlowWeakness,
  ViewBoundary,
  ViewControl,
  ViewElement,
  ViewError,
  ViewFlow,
  ViewHighlights,
  ViewInterface,
  ViewKind,
  ViewRole,
  ViewSpec,
} from './architecture-view.js'
export { DFD_ROLES, FLOW_WEAKNESSES, VIEW_KINDS } from './architecture-view.js'
export { availableViews, parseViewId, selectView, viewId } from './select-view.js'
