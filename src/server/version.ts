import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const manifest = require('../../package.json') as { readonly version: string }

/** The package version, shown in the API description and the health route. */
export const VERSION = manifest.version
