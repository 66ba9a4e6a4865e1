import type { ArchitectureView } from '../core/views/index.js'
import { architectureViewDot } from './architecture-view-dot.js'
import { renderDotSvg } from './render-svg.js'

export { architectureViewDot } from './architecture-view-dot.js'

/** One architecture view as a standalone SVG diagram, the same bytes for the same view. */
export const renderArchitectureViewSvg = (view: ArchitectureView): Promise<string> =>
  renderDotSvg(architectureViewDot(view))
