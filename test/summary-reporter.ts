import type { Reporter, TestModule } from 'vitest/node'

/**
 * Ends every run with the plain line `N passed, N failed` that CI reads, counting test cases
 * (not files), with skipped ones when there are any.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[], unhandledErrors: readonly unknown[]): void {
    let passed = 0
    let failed = unhandledErrors.length
    let skipped = 0
    for (const testModule of testModules) {
      if (testModule.state() === 'failed' && [...testModule.children.allTests()].length === 0)
        failed += 1
      for (const test of testModule.children.allTests()) {
        const state = test.result().state
        if (state === 'passed') passed += 1
        else if (state === 'failed') failed += 1
        else skipped += 1
      }
    }
    const tail = skipped > 0 ? `, ${String(skipped)} skipped` : ''
    process.stdout.write(`\n${String(passed)} passed, ${String(failed)} failed${tail}\n`)
  }
}
