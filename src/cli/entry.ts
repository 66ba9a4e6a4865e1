import { run } from './main.js'
import { nodeIo } from './node-io.js'

/** The process edge: real files and streams in, an exit code out. */
export const main = async (): Promise<void> => {
  process.exitCode = await run(process.argv.slice(2), nodeIo())
}
