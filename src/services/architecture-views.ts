import {
  availableViews,
  err,
  ok,
  parseViewId,
  selectView,
  type DeviceModel,
  type Result,
  type ViewFigure,
} from '../core/index.js'
import { renderArchitectureViewSvg } from '../render/index.js'

export interface UnknownView {
  readonly code: 'unknown-view'
  readonly message: string
}

/**
 * One FDA architecture view of the model as SVG, the bytes `medcyber diagram --view <id>`
 * writes; an id that is no view of this model is named with the views it has.
 */
export const drawView = async (
  model: DeviceModel,
  viewId: string,
): Promise<Result<ViewFigure, UnknownView>> => {
  const spec = parseViewId(viewId)
  const selected = spec === undefined ? undefined : selectView(model, spec)
  if (selected === undefined || !selected.ok) {
    const why = selected === undefined ? `'${viewId}' is not a view name` : selected.error.message
    const views = availableViews(model).map((view) => view.id)
    return err({ code: 'unknown-view', message: `${why}; the views are: ${views.join(', ')}` })
  }
  return ok({
    id: viewId,
    title: selected.value.title,
    svg: await renderArchitectureViewSvg(selected.value),
  })
}
