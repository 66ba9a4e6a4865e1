import { instance, type Viz } from '@viz-js/viz'

import { InternalError } from '../core/index.js'
import { LAYOUT_FONT } from './architecture-view-dot.js'

let viz: Promise<Viz> | undefined

/** The Graphviz WebAssembly instance, created on first use and shared afterwards. */
const graphviz = (): Promise<Viz> => {
  viz ??= instance()
  return viz
}

/** What viewers fall back to when DejaVu Sans is missing; all are narrower, so labels still fit. */
const FONT_FAMILY = `'${LAYOUT_FONT}', 'Helvetica Neue', Helvetica, Arial, sans-serif`

/**
 * Lays out DOT and returns the SVG. Graphviz output carries no date or random id, so the same DOT
 * gives the same bytes; the font family list is widened so every viewer finds a sans-serif face.
 * DOT this package generates always renders, so a Graphviz error is a bug and throws.
 */
export const renderDotSvg = async (dot: string): Promise<string> => {
  const result = (await graphviz()).render(dot, { format: 'svg', engine: 'dot' })
  if (result.status !== 'success') {
    const messages = result.errors.map((e) => e.message).join('; ')
    throw new InternalError(
      'render/graphviz',
      `Graphviz could not lay out the diagram: ${messages}`,
    )
  }
  return result.output.replaceAll(`font-family="${LAYOUT_FONT}"`, `font-family="${FONT_FAMILY}"`)
}
