import { formatPath, type Issue } from '../../core/index.js'
import type { Place } from '../located-issue.js'
import type { ParsedYaml } from './parse-yaml-text.js'

/** Where a document path of a parsed YAML file is: its file, line, column and JSONPath. */
export const placeOf = (file: string, parsed: ParsedYaml, docPath: Issue['path']): Place => ({
  file,
  ...parsed.locate(docPath),
  path: formatPath(docPath),
})
