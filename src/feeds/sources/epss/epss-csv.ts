import { err, ok, type Result } from '../../../core/index.js'

export interface EpssScore {
  /** Probability of exploitation activity in the next 30 days, 0..1. */
  readonly epss: number
  /** Rank among all scored CVEs, 0..1. */
  readonly percentile: number
}

export interface EpssScores {
  readonly modelVersion: string
  /** The day the scores are for (ISO 8601, as the file's comment line gives it). */
  readonly scoreDate: string
  readonly scores: ReadonlyMap<string, EpssScore>
}

const CVE_ID = /^CVE-\d{4}-\d{4,19}$/

/**
 * FIRST's daily EPSS file (after gunzip): a comment line
 * `#model_version:v2025.03.14,score_date:2025-03-14T00:00:00+0000`, the header
 * `cve,epss,percentile`, then one row per CVE. Rows that do not read are counted, not fatal.
 */
export const parseEpssCsv = (
  text: string,
): Result<{ readonly scores: EpssScores; readonly badRows: readonly number[] }, string> => {
  const lines = text.split(/\r?\n/)
  const comment = lines[0] ?? ''
  if (!comment.startsWith('#')) return err('the first line is not the #model_version comment')
  const facts = new Map(
    comment
      .slice(1)
      .split(',')
      .map((part) => {
        const colon = part.indexOf(':')
        return [part.slice(0, colon).trim(), part.slice(colon + 1).trim()] as const
      }),
  )
  const modelVersion = facts.get('model_version')
  const scoreDate = facts.get('score_date')
  if (modelVersion === undefined || scoreDate === undefined) {
    return err('the comment line names no model_version or score_date')
  }
  if ((lines[1] ?? '').trim() !== 'cve,epss,percentile') {
    return err(`the header is '${lines[1] ?? ''}', not 'cve,epss,percentile'`)
  }
  const scores = new Map<string, EpssScore>()
  const badRows: number[] = []
  for (let index = 2; index < lines.length; index += 1) {
    const line = lines[index] ?? ''
    if (line === '') continue
    const score = epssRow(line)
    if (score === undefined) badRows.push(index + 1)
    else scores.set(score[0], score[1])
  }
  return ok({ scores: { modelVersion, scoreDate, scores }, badRows })
}

const epssRow = (line: string): readonly [string, EpssScore] | undefined => {
  const [cve, epss, percentile, extra] = line.split(',')
  if (extra !== undefined || cve === undefined || !CVE_ID.test(cve)) return undefined
  const probability = Number(epss)
  const rank = Number(percentile)
  if (!isUnit(probability) || !isUnit(rank) || epss === '' || percentile === '') return undefined
  return [cve, { epss: probability, percentile: rank }]
}

const isUnit = (value: number): boolean => Number.isFinite(value) && value >= 0 && value <= 1

/** How the store keeps the scores: compact rows `[cve, epss, percentile]`. */
export interface StoredEpss {
  readonly modelVersion: string
  readonly scoreDate: string
  readonly rows: readonly (readonly [string, number, number])[]
}

export const toStoredEpss = (scores: EpssScores): StoredEpss => ({
  modelVersion: scores.modelVersion,
  scoreDate: scores.scoreDate,
  rows: [...scores.scores].map(([cve, score]) => [cve, score.epss, score.percentile] as const),
})

export const fromStoredEpss = (stored: StoredEpss): EpssScores => ({
  modelVersion: stored.modelVersion,
  scoreDate: stored.scoreDate,
  scores: new Map(stored.rows.map(([cve, epss, percentile]) => [cve, { epss, percentile }])),
})
