import type { FindingAssessment } from '../model/index.js'

export type VexStatus = FindingAssessment['status']
export type Justification = NonNullable<FindingAssessment['justification']>
export type Response = NonNullable<FindingAssessment['response']>[number]

/** The CSAF 2.0 flag labels, which OpenVEX 0.2.0 uses as its justifications too. */
export const CSAF_FLAG_LABELS = [
  'component_not_present',
  'vulnerable_code_not_present',
  'vulnerable_code_not_in_execute_path',
  'vulnerable_code_cannot_be_controlled_by_adversary',
  'inline_mitigations_already_exist',
] as const
export type CsafFlagLabel = (typeof CSAF_FLAG_LABELS)[number]

/** CycloneDX 1.4+ `analysis.justification`. */
export const CYCLONEDX_JUSTIFICATIONS = [
  'code_not_present',
  'code_not_reachable',
  'requires_configuration',
  'requires_dependency',
  'requires_environment',
  'protected_by_compiler',
  'protected_at_runtime',
  'protected_at_perimeter',
  'protected_by_mitigating_control',
] as const
export type CycloneDxJustification = (typeof CYCLONEDX_JUSTIFICATIONS)[number]

/** CycloneDX 1.4+ `analysis.state`. */
export const CYCLONEDX_STATES = [
  'resolved',
  'resolved_with_pedigree',
  'exploitable',
  'in_triage',
  'false_positive',
  'not_affected',
] as const
export type CycloneDxState = (typeof CYCLONEDX_STATES)[number]

const TO_CYCLONEDX: Readonly<Record<CsafFlagLabel, CycloneDxJustification>> = {
  component_not_present: 'requires_dependency',
  vulnerable_code_not_present: 'code_not_present',
  vulnerable_code_not_in_execute_path: 'code_not_reachable',
  vulnerable_code_cannot_be_controlled_by_adversary: 'requires_environment',
  inline_mitigations_already_exist: 'protected_by_mitigating_control',
}

/**
 * CycloneDX's words are finer than CSAF's: several fold into one label. The folds follow the
 * meaning of each (a configuration or environment the adversary cannot bring about; a
 * protection in the compiler, runtime, perimeter or a control is an inline mitigation).
 */
const TO_CSAF: Readonly<Record<CycloneDxJustification, CsafFlagLabel>> = {
  code_not_present: 'vulnerable_code_not_present',
  code_not_reachable: 'vulnerable_code_not_in_execute_path',
  requires_configuration: 'vulnerable_code_cannot_be_controlled_by_adversary',
  requires_dependency: 'component_not_present',
  requires_environment: 'vulnerable_code_cannot_be_controlled_by_adversary',
  protected_by_compiler: 'inline_mitigations_already_exist',
  protected_at_runtime: 'inline_mitigations_already_exist',
  protected_at_perimeter: 'inline_mitigations_already_exist',
  protected_by_mitigating_control: 'inline_mitigations_already_exist',
}

const isCsafLabel = (value: string): value is CsafFlagLabel =>
  (CSAF_FLAG_LABELS as readonly string[]).includes(value)

export const isCycloneDxJustification = (value: string): value is CycloneDxJustification =>
  (CYCLONEDX_JUSTIFICATIONS as readonly string[]).includes(value)

export const cycloneDxJustification = (justification: Justification): CycloneDxJustification =>
  isCsafLabel(justification) ? TO_CYCLONEDX[justification] : justification

export const csafFlagLabel = (justification: Justification): CsafFlagLabel =>
  isCsafLabel(justification) ? justification : TO_CSAF[justification]

/** Justifications that say a control stops the attack: they should name that control. */
export const MITIGATION_JUSTIFICATIONS: ReadonlySet<Justification> = new Set([
  'inline_mitigations_already_exist',
  'protected_at_perimeter',
  'protected_at_runtime',
  'protected_by_mitigating_control',
])

/** CSAF 2.0 remediation category for each CycloneDX response. */
export const CSAF_REMEDIATION: Readonly<Record<Response, string>> = {
  update: 'vendor_fix',
  rollback: 'vendor_fix',
  workaround_available: 'workaround',
  will_not_fix: 'no_fix_planned',
  can_not_fix: 'none_available',
}

/** The CycloneDX state an imported one means for us; false positives are not affected. */
export const statusOfCycloneDxState = (state: CycloneDxState): VexStatus => {
  switch (state) {
    case 'resolved':
    case 'resolved_with_pedigree':
      return 'fixed'
    case 'exploitable':
      return 'affected'
    case 'in_triage':
      return 'under_investigation'
    case 'false_positive':
    case 'not_affected':
      return 'not_affected'
  }
}

export const cycloneDxStateOf = (status: VexStatus): CycloneDxState => {
  switch (status) {
    case 'fixed':
      return 'resolved'
    case 'affected':
      return 'exploitable'
    case 'under_investigation':
      return 'in_triage'
    case 'not_affected':
      return 'not_affected'
  }
}
