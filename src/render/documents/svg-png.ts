import { Resvg } from '@resvg/resvg-js'

import { withCjkFonts } from './document-text.js'

/** Wide enough to stay sharp at A4 width on print; the docx scales it down. */
const RASTER_WIDTH = 1600

export interface RasterImage {
  readonly png: Uint8Array
  readonly width: number
  readonly height: number
}

/**
 * The SVG as PNG, the fallback .docx requires beside an SVG picture (and what LibreOffice and
 * older Word draw). System fonts are loaded and Japanese faces named, so Japanese labels render.
 */
export const svgToPng = (svg: string): RasterImage => {
  const image = new Resvg(withCjkFonts(svg), {
    fitTo: { mode: 'width', value: RASTER_WIDTH },
    font: { loadSystemFonts: true },
  }).render()
  return { png: new Uint8Array(image.asPng()), width: image.width, height: image.height }
}
