import { availableParallelism } from 'node:os'

import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    // Vitest's default is one worker per core minus one: a single worker on the 2-core CI
    // machine, where most of the slow files wait on chromium, LibreOffice, PostgreSQL or a child
    // server rather than on the CPU. Every test store, data dir and port is its own, so files can
    // run side by side.
    maxWorkers: Math.max(2, availableParallelism()),
    reporters: ['default', './test/summary-reporter.ts'],
  },
})
