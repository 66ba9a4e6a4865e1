/**
 * The OASIS CSAF 2.0 conformance checks through @secvisogram/csaf-validator-lib: the official
 * schema test and every mandatory test (6.1.x). The library ships no type declarations, so it is
 * imported through a specifier TypeScript does not resolve; it takes ~16 s to load its
 * dictionaries, so a file loads it once, on first use.
 */

export interface CsafTestResult {
  readonly name: string
  readonly isValid: boolean
  readonly errors: readonly unknown[]
}
type Validate = (
  tests: readonly unknown[],
  doc: unknown,
) => Promise<{ isValid: boolean; tests: CsafTestResult[] }>

const LIBRARY = '@secvisogram/csaf-validator-lib'

let loaded: Promise<{ validate: Validate; tests: unknown[] }> | undefined

/** The validator and the tests it runs (the schema test and the mandatory ones). */
export const csafValidator = (): Promise<{ validate: Validate; tests: unknown[] }> => {
  loaded ??= (async () => {
    const [{ default: validate }, mandatory, schema] = await Promise.all([
      import(`${LIBRARY}/validate.js`) as Promise<{ default: Validate }>,
      import(`${LIBRARY}/mandatoryTests.js`) as Promise<Record<string, unknown>>,
      import(`${LIBRARY}/schemaTests.js`) as Promise<Record<string, unknown>>,
    ])
    return { validate, tests: [schema['csaf_2_0'], ...Object.values(mandatory)] }
  })()
  return loaded
}

/** The schema and mandatory tests a CSAF document fails; empty when it conforms. */
export const csafFailures = async (doc: unknown): Promise<CsafTestResult[]> => {
  const { validate, tests } = await csafValidator()
  return (await validate(tests, doc)).tests.filter((test) => !test.isValid)
}
