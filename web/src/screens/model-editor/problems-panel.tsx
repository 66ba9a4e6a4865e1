import { termOf } from '../../i18n/common.js'
import { useMessages } from '../../i18n/messages.js'
import { Badge } from '../../ui/page.js'
import { messages } from './messages.js'
import { findEntry, nameOf, type ModelLists } from './model-entries.js'
import type { Problem } from './problems.js'

const LIST_LABELS = {
  elements: 'element',
  dataFlows: 'dataFlow',
  trustBoundaries: 'trustBoundary',
} as const

/**
 * The problems, each a button that selects the entry it is about and focuses the field. Issues
 * about the model as a whole (or an entry no longer there) are listed without a button.
 */
export const ProblemsPanel = ({
  heading,
  problems,
  lists,
  onOpen,
}: {
  readonly heading: string
  readonly problems: readonly Problem[]
  readonly lists: ModelLists
  readonly onOpen: (problem: Problem) => void
}) => {
  const t = useMessages(messages)
  return (
    <section className="card model-editor-problems" aria-labelledby="model-editor-problems-heading">
      <h2 id="model-editor-problems-heading">
        {heading} <Badge tone={problems.length === 0 ? 'good' : 'bad'}>{problems.length}</Badge>
      </h2>
      {problems.length === 0 ? (
        <p className="muted">{t.noProblems}</p>
      ) : (
        <ul className="model-editor-problem-list">
          {problems.map((problem) => {
            const entry =
              problem.list === undefined || problem.entry === undefined
                ? undefined
                : findEntry(lists[problem.list], problem.entry)
            const where =
              problem.list === undefined || problem.entry === undefined
                ? t.wholeModel
                : `${t[LIST_LABELS[problem.list]]}: ${nameOf(entry, problem.entry)}`
            const content = (
              <>
                <span className="model-editor-problem-head">
                  <Badge tone={problem.severity === 'error' ? 'bad' : 'warn'}>
                    {termOf(t, 'severity', problem.severity)}
                  </Badge>
                  <span className="model-editor-problem-where" title={where}>
                    {where}
                  </span>
                  {problem.field !== undefined && <code>{problem.field}</code>}
                </span>
                <span className="model-editor-problem-message">{problem.message}</span>
                {problem.location !== undefined && (
                  <span className="model-editor-problem-location muted">{problem.location}</span>
                )}
              </>
            )
            return (
              <li key={problem.key}>
                {entry === undefined ? (
                  <div className="model-editor-problem">{content}</div>
                ) : (
                  <button
                    type="button"
                    className="model-editor-problem"
                    onClick={() => {
                      onOpen(problem)
                    }}
                  >
                    {content}
                  </button>
                )}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
