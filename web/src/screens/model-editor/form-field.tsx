import { useId, type ReactNode } from 'react'

import type { Problem } from './problems.js'

export interface ControlProps {
  readonly id: string
  readonly 'data-control': string
  readonly 'aria-invalid'?: true
  readonly 'aria-describedby'?: string
}

const describedBy = (ids: readonly (string | false)[]): { 'aria-describedby'?: string } => {
  const text = ids.filter((id) => id !== false).join(' ')
  return text === '' ? {} : { 'aria-describedby': text }
}

const ProblemMessages = ({
  id,
  problems,
}: {
  readonly id: string
  readonly problems: readonly Problem[]
}) =>
  problems.length === 0 ? null : (
    <ul id={id} className="model-editor-field-problems">
      {problems.map((problem) => (
        <li key={problem.key} className={`is-${problem.severity}`}>
          {problem.message}
        </li>
      ))}
    </ul>
  )

/**
 * A labelled control with its hint and the problems placed on it. The control is marked
 * invalid and described by the problems, so a screen reader reads them with the field, and
 * `data-control` lets the problems list focus it.
 */
export const Field = ({
  label,
  control,
  problems = [],
  hint,
  children,
}: {
  readonly label: string
  readonly control: string
  readonly problems?: readonly Problem[] | undefined
  readonly hint?: string | undefined
  readonly children: (props: ControlProps) => ReactNode
}) => {
  const id = useId()
  const hintId = `${id}-hint`
  const problemsId = `${id}-problems`
  const invalid = problems.length > 0
  return (
    <div className={`model-editor-field${invalid ? ' has-problem' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'data-control': control,
        ...(invalid ? { 'aria-invalid': true as const } : {}),
        ...describedBy([hint !== undefined && hintId, invalid && problemsId]),
      })}
      {hint !== undefined && (
        <p id={hintId} className="model-editor-hint">
          {hint}
        </p>
      )}
      <ProblemMessages id={problemsId} problems={problems} />
    </div>
  )
}

/** Several checkboxes for one list field (e.g. a flow's payload), as a fieldset. */
export const ChoiceGroup = ({
  legend,
  control,
  options,
  chosen,
  label,
  onChange,
  problems = [],
  hint,
}: {
  readonly legend: string
  readonly control: string
  readonly options: readonly string[]
  readonly chosen: readonly string[]
  readonly label: (option: string) => string
  readonly onChange: (chosen: readonly string[]) => void
  readonly problems?: readonly Problem[] | undefined
  readonly hint?: string | undefined
}) => {
  const id = useId()
  const invalid = problems.length > 0
  return (
    <fieldset
      className={`model-editor-choices${invalid ? ' has-problem' : ''}`}
      {...describedBy([hint !== undefined && `${id}-hint`, invalid && `${id}-problems`])}
    >
      <legend>{legend}</legend>
      {options.map((option, index) => (
        <label key={option} className="inline">
          <input
            type="checkbox"
            {...(index === 0 ? { 'data-control': control } : {})}
            checked={chosen.includes(option)}
            onChange={(event) => {
              onChange(
                event.target.checked
                  ? options.filter((o) => o === option || chosen.includes(o))
                  : chosen.filter((o) => o !== option),
              )
            }}
          />
          {label(option)}
        </label>
      ))}
      {hint !== undefined && (
        <p id={`${id}-hint`} className="model-editor-hint">
          {hint}
        </p>
      )}
      <ProblemMessages id={`${id}-problems`} problems={problems} />
    </fieldset>
  )
}

/** Problems of an entry that no field of the form shows. */
export const EntryProblems = ({ problems }: { readonly problems: readonly Problem[] }) =>
  problems.length === 0 ? null : (
    <ul className="model-editor-entry-problems" role="list">
      {problems.map((problem) => (
        <li key={problem.key} className={`is-${problem.severity}`}>
          {problem.message}
          {problem.field !== undefined && <code> {problem.field}</code>}
        </li>
      ))}
    </ul>
  )
