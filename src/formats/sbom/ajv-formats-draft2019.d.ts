// The package ships no types; this is the one function it exports (CommonJS `module.exports`).
declare module 'ajv-formats-draft2019' {
  function addFormats<T>(ajv: T, options?: { readonly formats?: string[] }): T
  export = addFormats
}
