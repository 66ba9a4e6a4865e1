import { computeDeadlines, daysBetween, deadlineStatus, type Deadline } from '../deadlines/index.js'
import type { Issue } from '../issue.js'
import { addMonths, type CalendarDate } from '../lifecycle/index.js'
import type {
  DeviceModel,
  FindingAssessment,
  RiskEstimate,
  RiskEvaluation,
  ThreatAssessment,
} from '../model/index.js'
import type { RiskPolicy } from '../risk-policy/index.js'
import type { Threat } from '../threats/index.js'
import { exploitabilityOf, rateRisk } from './rate-risk.js'
import type {
  RegisterAcceptance,
  RegisterControl,
  RegisterDeadline,
  RiskEntry,
  RiskRating,
  RiskSource,
  UnevaluatedRisk,
} from './risk-entry.js'

export interface RiskRegisterOptions {
  /** The day the register is drawn up: deadlines and acceptances are judged on it. */
  readonly today: CalendarDate
  /** Only assessments that apply to this release (unscoped ones apply to all). */
  readonly release?: string
  readonly dueSoonDays?: number
}

export interface RiskRegisterSummary {
  readonly evaluated: number
  readonly unevaluated: number
  readonly uncontrolled: number
  readonly unacceptable: number
  readonly accepted: number
  readonly acceptanceLapsed: number
  readonly deadlinesMissed: number
}

export interface RiskRegister {
  readonly policy: RiskPolicy
  readonly today: CalendarDate
  readonly release?: string
  readonly entries: readonly RiskEntry[]
  /** Risks of fixed findings, as evaluated before the fix: history, and the N60 level. */
  readonly resolved: readonly RiskEntry[]
  readonly unevaluated: readonly UnevaluatedRisk[]
  /** Problems with the evaluations, at paths of the merged model. */
  readonly issues: readonly Issue[]
  readonly summary: RiskRegisterSummary
}

/** Threat decisions that leave no risk to evaluate. */
const NO_RISK_THREAT_STATUSES: ReadonlySet<string> = new Set(['not-applicable', 'false-positive'])
/** VEX statuses under which a finding is a live risk of the release. */
const LIVE_FINDING_STATUSES: ReadonlySet<string> = new Set(['affected', 'under_investigation'])

interface Subject {
  readonly source: RiskSource
  readonly subject: string
  readonly title: string
  readonly status: string
  readonly rationale: string
  readonly risk: RiskEvaluation
  readonly releases?: readonly string[]
  readonly controls: readonly string[]
  readonly hazardousSituations: readonly string[]
  readonly identified?: CalendarDate
  /** When the assessment was decided; for findings it stands in for `identified`. */
  readonly date?: CalendarDate
  readonly path: Issue['path']
}

const appliesTo = (releases: readonly string[] | undefined, release: string | undefined) =>
  release === undefined || releases === undefined || releases.includes(release)

/**
 * The security risk register of a model under a risk policy: every threat and live finding with
 * a risk evaluation rated before and after its controls, FDA's controlled/uncontrolled decision,
 * acceptability, and the deadlines that follow; and the ones still waiting for an evaluation.
 * Pure: the day is an argument.
 */
export const evaluateRiskRegister = (
  model: DeviceModel,
  threats: readonly Threat[],
  policy: RiskPolicy,
  options: RiskRegisterOptions,
): RiskRegister => {
  const issues: Issue[] = []
  const warn = (code: string, message: string, path: Issue['path']) =>
    issues.push({ severity: 'warning', code, message, path })
  const { today, release } = options
  const subjects: Subject[] = []
  const unevaluated: UnevaluatedRisk[] = []

  const threatTitles = new Map(threats.map((threat) => [threat.id, threat.title]))
  const evaluatedThreats = new Set<string>()
  model.threatAssessments.forEach((assessment, i) => {
    if (!appliesTo(assessment.releases, release)) return
    if (NO_RISK_THREAT_STATUSES.has(assessment.status)) return
    const title = threatTitles.get(assessment.threat) ?? assessment.threat
    if (assessment.risk === undefined) return
    evaluatedThreats.add(assessment.threat)
    subjects.push(threatSubject(assessment, assessment.risk, title, ['threatAssessments', i]))
  })
  for (const threat of threats) {
    if (evaluatedThreats.has(threat.id) || NO_RISK_THREAT_STATUSES.has(threat.status)) continue
    unevaluated.push({
      id: threat.id,
      title: threat.title,
      source: 'threat',
      status: threat.status,
      reason:
        threat.status === 'open'
          ? 'not assessed yet'
          : `decided (${threat.status}) without a risk evaluation`,
    })
  }

  const components = new Map(model.components.map((component) => [component.id, component]))
  const resolvedSubjects: Subject[] = []
  model.findingAssessments.forEach((assessment, i) => {
    const [advisory = assessment.finding, componentId = ''] = assessment.finding.split('@')
    const component = components.get(componentId)
    const title =
      component === undefined ? advisory : `${advisory} in ${component.name} ${component.version}`
    // A fixed finding's evaluation records the risk the fix removed (IMDRF N60 needs it).
    if (assessment.status === 'fixed' && assessment.risk !== undefined) {
      resolvedSubjects.push(
        findingSubject(assessment, assessment.risk, title, ['findingAssessments', i]),
      )
      return
    }
    if (!appliesTo(assessment.releases, release)) return
    if (!LIVE_FINDING_STATUSES.has(assessment.status)) return
    if (assessment.risk === undefined) {
      unevaluated.push({
        id: withReleases(assessment.finding, assessment.releases),
        title,
        source: 'finding',
        status: assessment.status,
        reason: `${assessment.status} without a risk evaluation`,
      })
      return
    }
    subjects.push(findingSubject(assessment, assessment.risk, title, ['findingAssessments', i]))
  })

  const context: EntryContext = {
    model,
    policy,
    today,
    dueSoonDays: options.dueSoonDays,
    fixedOn: fixDates(model),
    warn,
  }
  const entries = subjects.flatMap((subject) => {
    const entry = evaluateEntry(subject, context)
    return entry === undefined ? [] : [entry]
  })
  const resolved = resolvedSubjects.flatMap((subject) => {
    const entry = evaluateEntry(subject, { ...context, fixedOn: new Map() })
    return entry === undefined ? [] : [{ ...entry, deadlines: [] }]
  })
  for (const subject of subjects) {
    if (!entries.some((entry) => entry.path === subject.path)) {
      unevaluated.push({
        id: withReleases(subject.subject, subject.releases),
        title: subject.title,
        source: subject.source,
        status: subject.status,
        reason: 'its risk evaluation could not be rated (see the warnings)',
      })
    }
  }
  return {
    policy,
    today,
    ...(release === undefined ? {} : { release }),
    entries,
    resolved,
    unevaluated,
    issues,
    summary: summarize(entries, unevaluated.length),
  }
}

const withReleases = (subject: string, releases: readonly string[] | undefined): string =>
  releases === undefined ? subject : `${subject}#${releases.join(',')}`

const threatSubject = (
  assessment: ThreatAssessment,
  risk: RiskEvaluation,
  title: string,
  path: Issue['path'],
): Subject => ({
  source: 'threat',
  subject: assessment.threat,
  title,
  status: assessment.status,
  rationale: assessment.rationale,
  risk,
  ...(assessment.releases === undefined ? {} : { releases: assessment.releases }),
  controls: assessment.controls ?? [],
  hazardousSituations: assessment.hazardousSituations ?? [],
  ...(assessment.identified === undefined ? {} : { identified: assessment.identified }),
  ...(assessment.date === undefined ? {} : { date: assessment.date }),
  path,
})

const findingSubject = (
  assessment: FindingAssessment,
  risk: RiskEvaluation,
  title: string,
  path: Issue['path'],
): Subject => ({
  source: 'finding',
  subject: assessment.finding,
  title,
  status: assessment.status,
  rationale: assessment.detail ?? '',
  risk,
  ...(assessment.releases === undefined ? {} : { releases: assessment.releases }),
  controls: assessment.controls ?? [],
  hazardousSituations: assessment.hazardousSituations ?? [],
  ...(assessment.identified === undefined ? {} : { identified: assessment.identified }),
  ...(assessment.date === undefined ? {} : { date: assessment.date }),
  path,
})

/** For each finding, the date of the earliest release that fixes it (VEX status fixed). */
const fixDates = (model: DeviceModel): ReadonlyMap<string, CalendarDate> => {
  const releaseDates = new Map(model.releases.map((item) => [item.version, item.date]))
  const fixed = new Map<string, CalendarDate>()
  for (const assessment of model.findingAssessments) {
    if (assessment.status !== 'fixed') continue
    for (const version of assessment.releases ?? []) {
      const date = releaseDates.get(version)
      const known = fixed.get(assessment.finding)
      if (date !== undefined && (known === undefined || date < known)) {
        fixed.set(assessment.finding, date)
      }
    }
  }
  return fixed
}

interface EntryContext {
  readonly model: DeviceModel
  readonly policy: RiskPolicy
  readonly today: CalendarDate
  readonly dueSoonDays: number | undefined
  readonly fixedOn: ReadonlyMap<string, CalendarDate>
  readonly warn: (code: string, message: string, path: Issue['path']) => void
}

const evaluateEntry = (subject: Subject, context: EntryContext): RiskEntry | undefined => {
  const { model, policy, warn } = context
  const label = `${subject.source} '${subject.subject}'`
  const riskPath = [...subject.path, 'risk']
  const scale = model.severityScale.map((level) => level.id)
  const situations = new Map(model.hazardousSituations.map((item) => [item.id, item]))
  const harmSeverity = new Map(model.harms.map((harm) => [harm.id, harm.severity]))
  const harms = [
    ...new Set(subject.hazardousSituations.flatMap((id) => situations.get(id)?.harms ?? [])),
  ]
  const worstHarm = harms
    .map((id) => harmSeverity.get(id))
    .filter((severity): severity is string => severity !== undefined)
    .sort((a, b) => scale.indexOf(b) - scale.indexOf(a))[0]

  const rating: RatingContext = { policy, warn, label, riskPath, worstHarm }
  const before = rateEstimate(subject.risk.before, undefined, 'before', rating)
  if (before === undefined) return undefined
  const after = subject.risk.after
  const residual = after === undefined ? before : rateEstimate(after, before, 'after', rating)
  if (residual === undefined) return undefined

  const controls = controlsOf(subject.controls, context.model)
  checkResidual(subject, before, residual, controls, context)
  const acceptance = acceptanceOf(subject, residual, context)
  const acceptable = isAcceptable(residual, acceptance)

  const identified = subject.identified ?? (subject.source === 'finding' ? subject.date : undefined)
  return {
    id: withReleases(subject.subject, subject.releases),
    title: subject.title,
    source: subject.source,
    subject: subject.subject,
    ...(subject.releases === undefined ? {} : { releases: subject.releases }),
    status: subject.status,
    rationale: subject.rationale,
    before,
    residual,
    controls,
    hazardousSituations: subject.hazardousSituations,
    harms,
    patientHarm: scale.indexOf(before.severity) > 0,
    controlStatus: residual.controlStatus,
    acceptable,
    ...(acceptance === undefined ? {} : { acceptance }),
    ...(identified === undefined ? {} : { identified }),
    deadlines: deadlinesOf(subject, residual, identified, acceptance, context),
    path: subject.path,
  }
}

interface RatingContext {
  readonly policy: RiskPolicy
  readonly warn: EntryContext['warn']
  readonly label: string
  readonly riskPath: Issue['path']
  /** The worst severity of the harms the risk is linked to, if any. */
  readonly worstHarm: string | undefined
}

/** One estimate rated by the policy; what it leaves out is taken from `fallback` (before). */
const rateEstimate = (
  estimate: RiskEstimate,
  fallback: RiskRating | undefined,
  stage: 'before' | 'after',
  { policy, warn, label, riskPath, worstHarm }: RatingContext,
): RiskRating | undefined => {
  const found = exploitabilityOf(estimate, policy)
  if (found !== undefined && 'problem' in found) {
    warn('risk/unknown-exploitability', `${label}: ${found.problem}`, [...riskPath, stage])
    return undefined
  }
  const exploitability =
    found ??
    (fallback === undefined
      ? undefined
      : { level: fallback.exploitability, basis: fallback.exploitabilityBasis })
  if (exploitability === undefined) return undefined
  const severity = estimate.severity ?? fallback?.severity ?? worstHarm
  if (severity === undefined) {
    warn(
      'risk/no-severity',
      `${label} has no severity of patient harm: link hazardous situations whose harms carry one, or state 'severity'`,
      [...riskPath, stage],
    )
    return undefined
  }
  return {
    exploitability: exploitability.level,
    exploitabilityBasis: exploitability.basis,
    severity,
    severityBasis:
      estimate.severity !== undefined ? 'stated' : (fallback?.severityBasis ?? 'harms'),
    ...rateRisk(policy, exploitability.level, severity),
  }
}

/** What a reviewer would question in a residual estimate. */
const checkResidual = (
  subject: Subject,
  before: RiskRating,
  residual: RiskRating,
  controls: readonly RegisterControl[],
  { policy, model, warn }: EntryContext,
): void => {
  const label = `${subject.source} '${subject.subject}'`
  const riskPath = [...subject.path, 'risk']
  const after = subject.risk.after
  const scale = model.severityScale.map((level) => level.id)
  const levels = policy.exploitability.map((level) => level.id)
  if (
    levels.indexOf(residual.exploitability) > levels.indexOf(before.exploitability) ||
    scale.indexOf(residual.severity) > scale.indexOf(before.severity)
  ) {
    warn(
      'risk/residual-above-inherent',
      `${label}: the risk after controls (${residual.exploitability} x ${residual.severity}) is worse than before (${before.exploitability} x ${before.severity}); controls do not add risk, so check both estimates`,
      [...riskPath, 'after'],
    )
  }
  if (after !== undefined && controls.length === 0) {
    warn(
      'risk/residual-without-controls',
      `${label}: a risk after controls is given but no controls are linked; link the controls that reduce it`,
      [...subject.path, 'controls'],
    )
  }
  for (const control of controls) {
    if (after !== undefined && control.status === 'planned') {
      warn(
        'risk/residual-relies-on-planned-control',
        `${label}: the residual risk counts on control '${control.id}', which is only planned`,
        [...subject.path, 'controls'],
      )
    }
  }
}

const controlsOf = (ids: readonly string[], model: DeviceModel): RegisterControl[] => {
  const byId = new Map(model.controls.map((control) => [control.id, control]))
  return ids.flatMap((id) => {
    const control = byId.get(id)
    return control === undefined
      ? []
      : [
          {
            id,
            name: control.name,
            status: control.status,
            compensating: control.kind === 'compensating',
          },
        ]
  })
}

/**
 * Controlled, and acceptable by the policy or by an acceptance in force (with a benefit-risk
 * conclusion where the policy rates the risk unacceptable).
 */
const isAcceptable = (
  residual: RiskRating,
  acceptance: RegisterAcceptance | undefined,
): boolean => {
  if (residual.controlStatus === 'uncontrolled') return false
  if (residual.acceptability === 'acceptable') return true
  if (acceptance?.state !== 'in-force') return false
  return residual.acceptability === 'acceptance-required' || acceptance.benefitRisk !== undefined
}

const acceptanceOf = (
  subject: Subject,
  residual: RiskRating,
  context: EntryContext,
): RegisterAcceptance | undefined => {
  const given = subject.risk.acceptance
  const { policy, today, warn } = context
  const label = `${subject.source} '${subject.subject}'`
  if (given === undefined) {
    if (subject.status === 'accepted') {
      warn(
        'risk/accepted-without-acceptance',
        `${label} is marked accepted, but its risk has no acceptance with rationale, approver and re-review date`,
        [...subject.path, 'risk'],
      )
    } else if (
      subject.status === 'mitigated' &&
      residual.controlStatus === 'controlled' &&
      residual.acceptability !== 'acceptable'
    ) {
      warn(
        'risk/mitigated-not-acceptable',
        `${label} is marked mitigated, but its residual risk (${residual.exploitability} x ${residual.severity}) is ${residual.acceptability} under the policy and no acceptance is recorded`,
        [...subject.path, 'status'],
      )
    }
    return undefined
  }
  const path = [...subject.path, 'risk', 'acceptance']
  if (residual.controlStatus === 'uncontrolled') {
    warn(
      'risk/uncontrolled-accepted',
      `${label} is uncontrolled after controls; FDA defines that as an unacceptable residual risk, so it cannot be accepted (reduce it or add compensating controls)`,
      path,
    )
  } else if (residual.acceptability === 'unacceptable' && given.benefitRisk === undefined) {
    warn(
      'risk/acceptance-without-benefit-risk',
      `${label} is unacceptable under the policy; accepting it needs a benefit-risk conclusion ('benefitRisk')`,
      path,
    )
  }
  const months = policy.acceptance?.maxReReviewMonths
  if (months !== undefined && given.reReview > addMonths(given.date, months)) {
    warn(
      'risk/re-review-too-late',
      `${label}: the policy allows at most ${String(months)} months to the re-review, but ${given.reReview} is later than ${addMonths(given.date, months)}`,
      [...path, 'reReview'],
    )
  }
  const lapsed = given.reReview < today
  if (lapsed) {
    warn(
      'risk/acceptance-lapsed',
      `${label}: the acceptance was due for re-review on ${given.reReview} and has lapsed`,
      [...path, 'reReview'],
    )
  }
  return { ...given, state: lapsed ? 'lapsed' : 'in-force' }
}

const deadlinesOf = (
  subject: Subject,
  residual: RiskRating,
  identified: CalendarDate | undefined,
  acceptance: RegisterAcceptance | undefined,
  context: EntryContext,
): RegisterDeadline[] => {
  const { policy, today, dueSoonDays, fixedOn } = context
  const deadlines: { deadline: Deadline; completedOn?: CalendarDate }[] = []
  if (residual.controlStatus === 'uncontrolled') {
    if (identified === undefined) {
      if (subject.source === 'finding') {
        context.warn(
          'risk/uncontrolled-without-date',
          `finding '${subject.subject}' is uncontrolled but has no 'identified' date, so FDA's 30- and 60-day clocks cannot be computed`,
          subject.path,
        )
      }
    } else {
      const fixed = fixedOn.get(subject.subject)
      for (const deadline of computeDeadlines({
        kind: 'uncontrolled-risk-learned',
        on: identified,
      })) {
        const completedOn = deadline.id === 'fda-uncontrolled-risk-remediation' ? fixed : undefined
        deadlines.push(completedOn === undefined ? { deadline } : { deadline, completedOn })
      }
    }
  }
  if (acceptance !== undefined) {
    deadlines.push({
      deadline: {
        id: 'risk-acceptance-re-review',
        title: 'Review the risk acceptance again',
        start: acceptance.date,
        due: acceptance.reReview,
        source: {
          document: `${policy.title} (${policy.id}), version ${policy.version}`,
          clause: 'risk acceptance',
        },
        basis: 'calendar-days',
        count: daysBetween(acceptance.date, acceptance.reReview),
      },
    })
  }
  return deadlines.map(({ deadline, completedOn }) => ({
    ...deadline,
    status: deadlineStatus(deadline, today, {
      ...(dueSoonDays === undefined ? {} : { dueSoonDays }),
      ...(completedOn === undefined ? {} : { completedOn }),
    }),
  }))
}

const summarize = (entries: readonly RiskEntry[], unevaluated: number): RiskRegisterSummary => ({
  evaluated: entries.length,
  unevaluated,
  uncontrolled: entries.filter((entry) => entry.controlStatus === 'uncontrolled').length,
  unacceptable: entries.filter((entry) => !entry.acceptable).length,
  accepted: entries.filter((entry) => entry.acceptance?.state === 'in-force').length,
  acceptanceLapsed: entries.filter((entry) => entry.acceptance?.state === 'lapsed').length,
  deadlinesMissed: entries.reduce(
    (count, entry) =>
      count + entry.deadlines.filter((deadline) => deadline.status.state === 'missed').length,
    0,
  ),
})
