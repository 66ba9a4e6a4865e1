import { expect } from 'vitest'

import { nodeIo } from '../../src/cli/node-io.js'
import {
  createReportContext,
  DEFAULT_RISK_POLICY,
  type DocumentLanguage,
  type ReportContext,
  type ReportInputs,
} from '../../src/core/index.js'
import { loadDeviceModel } from '../../src/formats/index.js'
import { EXAMPLES_DIR } from './model-folders.js'

/** The date the example documents are issued as of in tests. */
export const REPORT_DATE = '2026-11-28'

/** An example loaded the way the CLI loads it, as the context every deliverable draws from. */
export const exampleReportContext = async (
  name: string,
  options: Partial<Omit<ReportInputs, 'model' | 'policy' | 'policyIsExample'>> & {
    readonly language?: DocumentLanguage
  } = {},
): Promise<ReportContext> => {
  const loaded = await loadDeviceModel(`${EXAMPLES_DIR}/${name}/medcyber.yaml`, nodeIo().reader)
  expect(loaded.issues.filter((issue) => issue.severity === 'error')).toEqual([])
  if (loaded.model === undefined) throw new Error(`example ${name} does not load`)
  return createReportContext({
    model: loaded.model,
    policy: loaded.riskPolicy ?? DEFAULT_RISK_POLICY,
    policyIsExample: loaded.riskPolicy === undefined,
    date: REPORT_DATE,
    language: 'en',
    ...options,
  })
}
