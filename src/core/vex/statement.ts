import type { DeviceModel } from '../model/index.js'
import type { ReleaseTriage } from './triage.js'
import type { Justification, Response, VexStatus } from './vocabulary-map.js'

/** What a VEX document says about one finding in one release, in every format's terms. */
export interface VexStatement {
  readonly triage: ReleaseTriage
  /** Never `not_affected` for a risk accepted with expiry. */
  readonly status: VexStatus
  readonly justification?: Justification
  readonly responses: readonly Response[]
  /** Impact statement (not affected) or analysis detail, with the controls it relies on. */
  readonly detail?: string
  /** What users should do, for `affected`: required by OpenVEX and CSAF VEX. */
  readonly action?: string
}

const controlText = (model: DeviceModel, ids: readonly string[]): string | undefined => {
  if (ids.length === 0) return undefined
  const names = ids.map((id) => {
    const control = model.controls.find((item) => item.id === id)
    return control === undefined ? id : `${control.name} (${id}, ${control.status})`
  })
  return `Relies on control${ids.length > 1 ? 's' : ''}: ${names.join('; ')}.`
}

/** Each verification with its verdict in this release, else its latest result. */
const verificationText = (
  model: DeviceModel,
  ids: readonly string[],
  release: string,
): string | undefined => {
  if (ids.length === 0) return undefined
  const parts = ids.map((id) => {
    const verification = model.verifications.find((item) => item.id === id)
    if (verification === undefined) return id
    const results = verification.results ?? []
    const result =
      results.find((item) => item.release === release) ??
      [...results].sort((a, b) => b.date.localeCompare(a.date))[0]
    const verdict =
      result === undefined
        ? 'no result recorded'
        : `${result.verdict} on release ${result.release}, ${result.date}`
    return `${verification.name} (${id}): ${verdict}`
  })
  return `Verified by: ${parts.join('; ')}.`
}

const joined = (parts: readonly (string | undefined)[]): string | undefined => {
  const text = parts.filter((part): part is string => part !== undefined && part !== '').join(' ')
  return text === '' ? undefined : text
}

const acceptanceAction = (until: string, at: string): string =>
  until < at
    ? `Risk acceptance expired on ${until}; the decision is under re-review.`
    : `Risk accepted until ${until}; no fix planned before then, re-reviewed by that date.`

const RESPONSE_ACTIONS: Readonly<Record<Response, string>> = {
  update: 'Update to a release that fixes it.',
  rollback: 'Roll back to a release without it.',
  workaround_available: 'A workaround is available.',
  will_not_fix: 'No fix is planned.',
  can_not_fix: 'It cannot be fixed.',
}

/**
 * The exported statement of one decision. An acceptance with expiry is `affected` (never
 * `not_affected`): the vulnerability is there and the acceptance says until when it is borne.
 * `at` is the document date (YYYY-MM-DD), against which an acceptance may have expired.
 */
export const vexStatement = (
  model: DeviceModel,
  triage: ReleaseTriage,
  at: string,
): VexStatement => {
  const assessment = triage.assessment
  const links = [
    controlText(model, assessment.controls ?? []),
    verificationText(model, assessment.verifications ?? [], triage.release),
  ]
  const carried =
    triage.carriedFrom === undefined
      ? undefined
      : `Assessed for release ${triage.carriedFrom}; the component is unchanged in ${triage.release}.`
  const until = assessment.acceptedUntil
  if (until !== undefined) {
    const expired = until < at
    const responses: Response[] = expired
      ? [...(assessment.response ?? [])]
      : [...new Set<Response>([...(assessment.response ?? []), 'will_not_fix'])]
    const action = acceptanceAction(until, at)
    return {
      triage,
      status: 'affected',
      responses: responses.sort(),
      action: joined([action, assessment.detail]) ?? action,
      ...optional('detail', joined([assessment.detail, action, ...links, carried])),
    }
  }
  const responses = [...(assessment.response ?? [])].sort()
  const detail = joined([assessment.detail, ...links, carried])
  const defaultAction =
    joined(responses.map((response) => RESPONSE_ACTIONS[response])) ??
    'No remediation is available yet; follow the manufacturer’s security communications.'
  return {
    triage,
    status: assessment.status,
    ...optional('justification', assessment.justification),
    responses,
    ...optional('detail', detail),
    ...(assessment.status === 'affected'
      ? { action: joined([assessment.detail, defaultAction]) ?? defaultAction }
      : {}),
  }
}

const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
  value === undefined ? {} : ({ [key]: value } as Record<K, V>)
