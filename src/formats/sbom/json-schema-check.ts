import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv'
import { Ajv2019 } from 'ajv/dist/2019.js'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import addDraft2019Formats from 'ajv-formats-draft2019'

import type { DocumentPath } from '../../core/index.js'
import { hashedEnumKeyword, replaceLargeEnums } from './hashed-enum.js'
import { hashedUniqueItemsKeyword, replaceUniqueItems } from './hashed-unique-items.js'
import { isIriReference } from './iri-reference.js'
import { problem, type SbomProblem } from './sbom-problem.js'
import { schemaRegExp } from './schema-patterns.js'
import { verdictOnlyCode } from './verdict-only-code.js'
import {
  CYCLONEDX_SIDE_SCHEMAS,
  type JsonSchemaName,
  type VendoredSchemaFiles,
} from './vendored-schemas.js'
import { pointerToPath, valueAt } from '../files/json-pointer.js'

type AnyAjv = Ajv | Ajv2019 | Ajv2020

const configure = <T extends AnyAjv>(ajv: T): T => {
  addFormats.default(ajv)
  addDraft2019Formats(ajv, { formats: ['idn-email'] })
  ajv.addFormat('iri-reference', isIriReference)
  // Seven CycloneDX properties say `"format": "string"`, which is no format; accept, as ajv does.
  ajv.addFormat('string', true)
  ajv.addKeyword(hashedUniqueItemsKeyword)
  ajv.addKeyword(hashedEnumKeyword)
  return ajv
}

/** The schemas as ajv compiles them: keywords ajv checks slowly become hashed equivalents. */
const replaceSlowKeywords = (key: string, value: unknown): unknown =>
  replaceLargeEnums(key, replaceUniqueItems(key, value))

type Dialect = 'draft-07' | '2019-09' | '2020-12'

const DIALECT: Readonly<Record<JsonSchemaName, Dialect>> = {
  'cyclonedx-1.2': 'draft-07',
  'cyclonedx-1.3': 'draft-07',
  'cyclonedx-1.4': 'draft-07',
  'cyclonedx-1.5': 'draft-07',
  'cyclonedx-1.6': 'draft-07',
  'cyclonedx-1.7': 'draft-07',
  'spdx-2.3': '2019-09',
  'spdx-3.0.1': '2020-12',
}

const createAjv = (dialect: Dialect, allErrors: boolean): AnyAjv => {
  const options: Options = {
    strict: false,
    allErrors,
    logger: false,
    // No optimization pass over the generated code: it made compiling the CycloneDX 1.6
    // validator take 376 against 275 ms (once per process: every CLI run pays it) and made
    // validating a 100k-component SBOM no faster (measured; V8 optimizes the code anyway).
    code: {
      regExp: schemaRegExp,
      optimize: false,
      ...(allErrors ? {} : { process: verdictOnlyCode }),
    },
  }
  if (dialect === '2019-09') return configure(new Ajv2019(options))
  if (dialect === '2020-12') return configure(new Ajv2020(options))
  return configure(new Ajv(options))
}

/**
 * Validates against the official schemas, compiled on first use per schema. Two validators per
 * schema: a fast one that stops at the first error and gives only the verdict (its code is
 * rewritten to build no data contexts or error objects: `verdict-only-code.ts`), which is all a
 * valid document (the common case) ever meets, and one that collects every error, compiled only
 * when a document fails.
 */
export class JsonSchemaCheck {
  private readonly ajvs = new Map<string, Promise<AnyAjv>>()
  private readonly validators = new Map<string, Promise<ValidateFunction>>()
  private readonly files: VendoredSchemaFiles

  constructor(files: VendoredSchemaFiles) {
    this.files = files
  }

  async check(name: JsonSchemaName, data: unknown, maxProblems: number): Promise<SbomProblem[]> {
    const fast = await this.validator(name, false)
    if (fast(data)) return []
    const thorough = await this.validator(name, true)
    thorough(data)
    // The two compile the same schema, so they agree; were they ever not to, the document still
    // fails, at the root (the fast validator records its errors without their details).
    const errors = thorough.errors ?? []
    if (errors.length === 0) {
      return [problem('sbom/schema', 'the document does not match the official schema', [])]
    }
    return toProblems(errors, data, maxProblems)
  }

  private validator(name: JsonSchemaName, allErrors: boolean): Promise<ValidateFunction> {
    const key = `${name}:${String(allErrors)}`
    let compiled = this.validators.get(key)
    if (compiled === undefined) {
      compiled = this.compile(name, allErrors)
      this.validators.set(key, compiled)
    }
    return compiled
  }

  private async compile(name: JsonSchemaName, allErrors: boolean): Promise<ValidateFunction> {
    const ajv = await this.ajv(DIALECT[name], name.startsWith('cyclonedx'), allErrors)
    const schema = await this.files.json(this.files.schemaFile(name), replaceSlowKeywords)
    // Drop the `$schema` URL: the dialect is chosen by the Ajv class, and 2019/2020 meta-schema
    // URLs with `https:` are not ones ajv registers under that spelling.
    const { $schema: _dialect, ...body } = schema
    return ajv.compile(body)
  }

  private ajv(dialect: Dialect, cyclonedx: boolean, allErrors: boolean): Promise<AnyAjv> {
    const key = `${dialect}:${String(cyclonedx)}:${String(allErrors)}`
    let ajv = this.ajvs.get(key)
    if (ajv === undefined) {
      ajv = this.createWithSideSchemas(dialect, cyclonedx, allErrors)
      this.ajvs.set(key, ajv)
    }
    return ajv
  }

  private async createWithSideSchemas(
    dialect: Dialect,
    cyclonedx: boolean,
    allErrors: boolean,
  ): Promise<AnyAjv> {
    const ajv = createAjv(dialect, allErrors)
    if (cyclonedx) {
      for (const file of CYCLONEDX_SIDE_SCHEMAS) {
        ajv.addSchema(await this.files.json(file, replaceSlowKeywords))
      }
    }
    return ajv
  }
}

/** Wrappers that only repeat what the specific errors beneath them say. */
const WRAPPERS = new Set(['if', 'anyOf', 'oneOf', 'allOf', 'not'])

const toProblems = (
  errors: readonly ErrorObject[],
  data: unknown,
  maxProblems: number,
): SbomProblem[] => {
  const specific = errors.filter((error) => !WRAPPERS.has(error.keyword))
  const shown = specific.length > 0 ? specific : errors
  const seen = new Set<string>()
  const problems: SbomProblem[] = []
  for (const error of shown) {
    const found = toProblem(error, data)
    const key = `${found.message}@${JSON.stringify(found.path)}`
    if (seen.has(key)) continue
    seen.add(key)
    problems.push(found)
  }
  if (problems.length <= maxProblems) return problems
  return [
    ...problems.slice(0, maxProblems),
    problem(
      'sbom/too-many-issues',
      `${String(problems.length - maxProblems)} more schema problems not shown`,
    ),
  ]
}

const toProblem = (error: ErrorObject, data: unknown): SbomProblem => {
  const path = pointerToPath(error.instancePath, data)
  const params = error.params as Record<string, unknown>
  if (error.keyword === 'uniqueItems' && typeof params['i'] === 'number') {
    const first = params['i']
    const again = Number(params['j'])
    return problem(
      'sbom/duplicate-item',
      `item [${String(again)}] is identical to item [${String(first)}]; the schema asks for unique items`,
      [...path, again],
      { related: { path: [...path, first] } },
    )
  }
  return problem('sbom/schema', describe(error, valueAt(data, path), path), path)
}

const describe = (error: ErrorObject, value: unknown, path: DocumentPath): string => {
  const params = error.params as Record<string, unknown>
  const at = path.length === 0 ? 'the document' : `'${String(path[path.length - 1])}'`
  switch (error.keyword) {
    case 'required':
      return `missing required property '${String(params['missingProperty'])}'`
    case 'additionalProperties':
      return `unknown property '${String(params['additionalProperty'])}'`
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map(String)
      const shown =
        allowed.length > 12 ? `${allowed.slice(0, 12).join(', ')}, ...` : allowed.join(', ')
      return `${at} ${show(value)} is not one of: ${shown}`
    }
    case 'format':
      return `${at} ${show(value)} is not a valid ${String(params['format'])}`
    case 'pattern':
      return `${at} ${show(value)} does not match the pattern ${String(params['pattern'])}`
    case 'const':
      return `${at} must be ${show(params['allowedValue'])}, not ${show(value)}`
    default:
      return `${at} ${error.message ?? 'is invalid'}`
  }
}

const show = (value: unknown): string => {
  const text = JSON.stringify(value) as string | undefined
  if (text === undefined) return String(value)
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}
