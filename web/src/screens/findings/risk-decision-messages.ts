import { defineMessages } from '../../i18n/messages.js'

export const messages = defineMessages({
  en: {
    heading: 'Risk control decision (FDA)',
    current: (decision: string, who: string, when: string) =>
      `${decision}, decided by ${who} on ${when}`,
    none: 'No decision recorded for this release.',
    controlled: 'Controlled',
    uncontrolled: 'Uncontrolled',
    controlledHint: 'Controlled: a routine update, no 30/60-day clock.',
    uncontrolledHint:
      'Uncontrolled: starts the FDA 30-day communication and 60-day remediation clocks and the 524B out-of-cycle patch clock.',
    rationale: 'Rationale',
    learnedOn: 'Learned of it on (optional; default: first seen)',
    record: 'Record decision',
    clocks: 'Regulatory clocks',
    started: (count: number) =>
      count === 0 ? 'No new clock started.' : `${String(count)} clock(s) started.`,
    allDeadlines: 'All deadlines',
  },
  ja: {
    heading: 'リスクコントロールの判断(FDA)',
    current: (decision: string, who: string, when: string) => `${decision}(${when} ${who} が判断)`,
    none: 'このリリースの判断はまだ記録されていません。',
    controlled: '管理された(controlled)リスク',
    uncontrolled: '管理されていない(uncontrolled)リスク',
    controlledHint:
      '管理された(controlled)リスク: 通常のアップデートであり、30日/60日の期限は始まりません。',
    uncontrolledHint:
      '管理されていない(uncontrolled)リスク: FDAの30日以内の周知と60日以内の是正、および524Bのサイクル外パッチの期限が始まります。',
    rationale: '根拠',
    learnedOn: '認知した日(任意。既定は初めて検出された日)',
    record: '判断を記録',
    clocks: '規制上の期限',
    started: (count: number) =>
      count === 0 ? '新たに始まった期限はありません。' : `${String(count)}件の期限が始まりました。`,
    allDeadlines: 'すべての期限',
  },
})
