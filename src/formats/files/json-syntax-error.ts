import { visit } from 'jsonc-parser'

/** Thrown to end the scan at the first error; never leaves here. */
class Found extends Error {}

/**
 * The offset (UTF-16 units) of the first syntax error in a text JSON.parse rejected: Node 20's
 * message often does not say where (`Unexpected token '}', "…" is not valid JSON`, a bad literal,
 * the end of the input). jsonc-parser's JSON is not exactly the standard's, so ask only about a
 * text JSON.parse has already rejected: this never decides whether a text is JSON. Undefined when
 * jsonc-parser sees no error, or the nesting is deeper than its recursive descent can follow.
 */
export const firstJsonSyntaxError = (text: string): number | undefined => {
  let offset: number | undefined
  try {
    visit(
      text,
      {
        onError: (_error, at) => {
          offset = at
          throw new Found()
        },
      },
      { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
    )
  } catch (error) {
    if (!(error instanceof Found) && !(error instanceof RangeError)) throw error
  }
  return offset
}
