import type { DeviceModel } from '../model/index.js'
import type { JsonObject } from './cyclonedx.js'
import { componentOf, componentPurl, productPurl, sortStatements, timestampOf } from './products.js'
import type { VexStatement } from './statement.js'
import { csafFlagLabel } from './vocabulary-map.js'

export const OPENVEX_CONTEXT = 'https://openvex.dev/ns/v0.2.0'

/**
 * OpenVEX 0.2.0 asks for a justification or an impact statement for `not_affected`, and its
 * schema allows only one of them: with a justification, the detail goes to `status_notes`.
 */
const reasons = (statement: VexStatement): JsonObject => {
  const { justification, detail } = statement
  if (statement.status === 'not_affected' && justification !== undefined) {
    return {
      justification: csafFlagLabel(justification),
      ...(detail === undefined ? {} : { status_notes: detail }),
    }
  }
  if (statement.status === 'not_affected')
    return detail === undefined ? {} : { impact_statement: detail }
  return {
    ...(detail === undefined ? {} : { status_notes: detail }),
    ...(statement.action === undefined ? {} : { action_statement: statement.action }),
  }
}

/**
 * An OpenVEX 0.2.0 document: one statement per finding and release; the product is the device
 * release (`pkg:generic/<manufacturer>/<product>@<release>`), the component its subcomponent.
 */
export const buildOpenVex = (
  model: DeviceModel,
  statements: readonly VexStatement[],
  options: { readonly at: string; readonly release?: string },
): JsonObject => {
  const timestamp = timestampOf(options.at)
  return {
    '@context': OPENVEX_CONTEXT,
    '@id': `urn:medcyber:vex:${encodeURIComponent(model.product.id)}:${encodeURIComponent(options.release ?? 'all')}:${timestamp}`,
    author: model.product.manufacturer.name,
    role: 'manufacturer',
    timestamp,
    version: 1,
    tooling: 'medcyber',
    statements: sortStatements(model, statements).flatMap((statement) => {
      const component = componentOf(model, statement.triage.componentId)
      if (component === undefined) return []
      return [
        {
          vulnerability: { name: statement.triage.vulnerability },
          products: [
            {
              '@id': productPurl(model, statement.triage.release),
              subcomponents: [
                {
                  '@id': componentPurl(component),
                  ...(component.cpe === undefined
                    ? {}
                    : {
                        identifiers: {
                          [component.cpe.startsWith('cpe:2.3:') ? '@cpe23' : '@cpe22']:
                            component.cpe,
                        },
                      }),
                },
              ],
            },
          ],
          status: statement.status,
          ...reasons(statement),
        },
      ]
    }),
  }
}
