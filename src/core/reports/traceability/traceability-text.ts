/**
 * The matrix's words. English only: most of its column words have no confirmed Japanese term in
 * the design glossary, and a sheet of parenthesised English would help no Japanese reader.
 */
export interface TraceabilityText {
  readonly title: string
  readonly subtitle: string
  readonly introTitle: string
  readonly intro: string
  readonly requirementNote: string
  readonly findingsNote: (shown: number) => string
  readonly matrixTitle: string
  readonly matrixCaption: string
  readonly sheetTitle: string
  readonly columns: {
    readonly source: string
    readonly subject: string
    readonly subjectTitle: string
    readonly status: string
    readonly risk: string
    readonly residual: string
    readonly control: string
    readonly controlName: string
    readonly requirement: string
    readonly verification: string
    readonly result: string
    readonly components: string
    readonly hazardousSituations: string
    readonly hazards: string
  }
  readonly sources: { readonly threat: string; readonly finding: string; readonly control: string }
  readonly noResult: string
  readonly gapsTitle: string
  readonly gapsIntro: string
  readonly noGaps: string
  readonly gapTable: string
  readonly gapColumns: { readonly kind: string; readonly count: string; readonly items: string }
  readonly gapKinds: {
    readonly threatWithoutControl: string
    readonly riskNotEvaluated: string
    readonly controlWithoutVerification: string
    readonly verificationWithoutResult: string
    readonly failedVerification: string
    readonly riskWithoutHazard: string
    readonly controlWithoutThreat: string
  }
  readonly legend: string
}

export const TRACEABILITY_TEXT: TraceabilityText = {
  title: 'Traceability matrix',
  subtitle: 'Threat, risk, control, requirement, verification, SBOM component and hazard',
  introTitle: 'How to read the matrix',
  intro:
    'Each row is one chain of links: a threat (or a vulnerability finding) to its risk in the ' +
    'security risk register, a risk control, the requirement the control answers, a ' +
    'verification of the control and its latest result, the SBOM components on the threatened ' +
    'element and the hazards reached through hazardous situations. A threat with several ' +
    'controls, or a control with several verifications, takes one row per chain.',
  requirementNote:
    'The device model has no requirements of its own yet, so the requirement column shows the ' +
    "control's FDA premarket control category and the IEC TR 80001-2-2 security capabilities " +
    'it provides, which are what the control is designed to meet.',
  findingsNote: (shown) =>
    `Vulnerability findings appear through their risk evaluations in the register (${String(shown)} shown); ` +
    'findings without a risk evaluation are listed in the risk register, not here.',
  matrixTitle: 'Matrix',
  matrixCaption: 'Traceability matrix',
  sheetTitle: 'Traceability',
  columns: {
    source: 'Source',
    subject: 'Threat or finding',
    subjectTitle: 'Title',
    status: 'Status',
    risk: 'Risk (register)',
    residual: 'Residual risk',
    control: 'Control',
    controlName: 'Control name',
    requirement: 'Requirement (FDA category / capability)',
    verification: 'Verification',
    result: 'Latest result',
    components: 'SBOM components',
    hazardousSituations: 'Hazardous situations',
    hazards: 'Hazards',
  },
  sources: { threat: 'threat', finding: 'finding', control: 'control' },
  noResult: 'no result',
  gapsTitle: 'Gaps',
  gapsIntro:
    'Missing links, by kind. In the matrix, a missing link is highlighted as a gap and a failed ' +
    'verification as an alert.',
  noGaps: 'No missing links.',
  gapTable: 'Gap summary',
  gapColumns: { kind: 'Missing link', count: 'Count', items: 'Items' },
  gapKinds: {
    threatWithoutControl: 'Threat without control',
    riskNotEvaluated: 'Threat or finding without risk evaluation',
    controlWithoutVerification: 'Control without verification',
    verificationWithoutResult: 'Verification without result for the release',
    failedVerification: 'Failed verification',
    riskWithoutHazard: 'Risk with patient harm but no hazard',
    controlWithoutThreat: 'Control linked to no threat or finding',
  },
  legend: 'Highlighted cells: gap = a missing link; alert = a failed verification.',
}
