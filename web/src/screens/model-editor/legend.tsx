import { useMessages } from '../../i18n/messages.js'
import { ELEMENT_SHAPES } from './element-shapes.js'
import { messages } from './messages.js'

/** What the shapes mean; each swatch is drawn with the same classes as the nodes. */
export const Legend = () => {
  const t = useMessages(messages)
  return (
    <section className="card model-editor-legend" aria-labelledby="model-editor-legend">
      <h2 id="model-editor-legend">{t.legend}</h2>
      <ul>
        {ELEMENT_SHAPES.map((shape) => (
          <li key={shape}>
            <span className={`model-editor-swatch shape-${shape}`} aria-hidden="true" />
            {t[`shape_${shape}`]}
          </li>
        ))}
        <li>
          <span className="model-editor-swatch is-boundary" aria-hidden="true" />
          {t.boundaryLegend}
        </li>
      </ul>
    </section>
  )
}
