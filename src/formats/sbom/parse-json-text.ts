import { err, ok, type Result } from '../../core/index.js'
import { firstJsonSyntaxError } from '../files/json-syntax-error.js'
import { lineAndColumn, problem, type SbomProblem } from './sbom-problem.js'

/** JSON text to a value; a syntax error comes back placed at its line and column. */
export const parseJsonText = (text: string): Result<unknown, SbomProblem> => {
  try {
    return ok(JSON.parse(text))
  } catch (error) {
    if (error instanceof RangeError) {
      return err(problem('sbom/too-deep', 'the JSON is nested too deeply to read'))
    }
    const message = error instanceof Error ? error.message : String(error)
    return err(problem('sbom/not-json', `not valid JSON: ${message}`, [], placeOf(message, text)))
  }
}

/**
 * Node 22 names line and column, Node 20 sometimes a position; when the message says nothing,
 * jsonc-parser finds the first error in the text JSON.parse rejected.
 */
const placeOf = (message: string, text: string): { line?: number; column?: number } => {
  const lineColumn = /line (\d+) column (\d+)/.exec(message)
  if (lineColumn !== null) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) }
  const position = /at position (\d+)/.exec(message)?.[1]
  const offset = position === undefined ? firstJsonSyntaxError(text) : Number(position)
  return offset === undefined ? {} : lineAndColumn(text, offset)
}
