import type { FdaMetrics, ReleaseOversight, RiskRegister } from '../../core/index.js'

/** What `medcyber risk` prints, in text or JSON. */
export interface RiskReport {
  readonly productName: string
  readonly register: RiskRegister
  readonly oversight: readonly ReleaseOversight[]
  readonly metrics: FdaMetrics
}
