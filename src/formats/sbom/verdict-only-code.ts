/**
 * Rewrites ajv's generated code for a validator whose only job is the verdict, so that a valid
 * document allocates next to nothing while it is checked:
 *
 * 1. Calls into sub-validators (a `$ref`, a custom keyword) pass no data context
 *    (`{instancePath, parentData, parentDataProperty, rootData}`, one object per call, with the
 *    instance path concatenated down to the value checked), and sub-validators ignore the context
 *    they are given.
 * 2. An error recorded inside a branch of `oneOf`/`anyOf` (a failing branch is normal for valid
 *    documents: a licence is an id or a name) is the number 0 instead of an error object with its
 *    params and a concatenated message. It is still counted and still pushed, so every place that
 *    counts errors by `vErrors.length` counts the same.
 *
 * Why: on a 10k-component CycloneDX SBOM these were about 900 bytes of garbage per component,
 * nearly all of what validating allocated; without them 320 remain (measured with a fixed young
 * generation), and validating an already parsed 10k SBOM takes 25 instead of 47 ms. On a freshly
 * parsed SBOM that garbage is what makes the young-generation collector copy the whole parsed
 * tree while it is still in use.
 *
 * Why the verdict cannot change: the context only ever feeds error objects and the options that
 * modify data (`coerceTypes`, `useDefaults`, `removeAdditional`, `$data`), none of which we use;
 * our custom keywords read only the value. Error objects of the verdict-only validator are never
 * read: `JsonSchemaCheck` reports errors from its second validator, compiled without this
 * rewrite, which runs whenever this one says no. Ajv has no option for any of it; `code.process`
 * is its hook for rewriting generated code. Each pattern matches only ajv's exact output and
 * leaves anything else as it is (validators with `dynamicAnchors`, paths with computed parts),
 * which is only slower.
 */
const NESTED_INSTANCE_PATH = /instancePath:instancePath\+[^,]*,parentData:/g

/** A call's data context once its path is the caller's: `{instancePath,parentData:data0,…,rootData}`. */
const CALL_CONTEXT =
  /\{instancePath,parentData(?::[A-Za-z_$][\w$]*)?,parentDataProperty(?::(?:[A-Za-z_$][\w$]*|"[^"\\,{}]*"))?,rootData\}/g

/** A validator's destructured context parameter; its defaults are what every call now gets. */
const CONTEXT_PARAMETER =
  /\(data, \{instancePath="", parentData, parentDataProperty, rootData=data\}=\{\}\)\{/g

/**
 * An error object made, counted and pushed inside a branch (ajv's `addError`). The object may not
 * hold `};`, so a match never reaches past its own statement.
 */
const BRANCH_ERROR =
  /const (err\d+) = \{instancePath(?:(?!\};)[\s\S])*\};(if\(vErrors === null\)\{vErrors = \[\1\];\}else \{vErrors\.push\(\1\);\}errors\+\+;)/g

export const verdictOnlyCode = (code: string): string =>
  code
    .replace(NESTED_INSTANCE_PATH, 'instancePath,parentData:')
    .replace(CALL_CONTEXT, 'undefined')
    .replace(
      CONTEXT_PARAMETER,
      '(data){let instancePath="", parentData, parentDataProperty, rootData=data;',
    )
    .replace(BRANCH_ERROR, 'const $1 = 0;$2')
