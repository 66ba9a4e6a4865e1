import { scoreCvss, type CvssScore } from '../../core/risk/index.js'
import type { CliIo } from '../cli-io.js'
import { EXIT_CODES, type ExitCode } from '../exit-codes.js'

export interface CvssOptions {
  readonly json: boolean
}

const formatScore = (score: CvssScore): string => {
  const parts = [
    `base ${score.baseScore.toFixed(1)}`,
    ...(score.temporalScore === undefined
      ? []
      : [`${score.version === '4.0' ? 'threat' : 'temporal'} ${score.temporalScore.toFixed(1)}`]),
    ...(score.environmentalScore === undefined
      ? []
      : [`environmental ${score.environmentalScore.toFixed(1)}`]),
  ]
  return `${score.score.toFixed(1)} ${score.severity} (CVSS ${score.version}: ${parts.join(', ')})  ${score.vector}`
}

/**
 * `medcyber cvss <vector>... [--json]`: scores each vector. Invalid vectors are reported on stderr
 * (naming the metric) and make the exit code 2; the valid ones are still printed.
 */
export const cvssCommand = (
  io: CliIo,
  vectors: readonly string[],
  options: CvssOptions,
): ExitCode => {
  const scores: CvssScore[] = []
  for (const vector of vectors) {
    const result = scoreCvss(vector)
    if (result.ok) scores.push(result.value)
    else io.stderr(`invalid CVSS vector '${vector}': ${result.error.message}\n`)
  }
  io.stdout(
    options.json
      ? `${JSON.stringify(scores.map(scoreJson), null, 2)}\n`
      : scores.map((score) => `${formatScore(score)}\n`).join(''),
  )
  return scores.length === vectors.length ? EXIT_CODES.ok : EXIT_CODES.invalidInput
}

/** The documented JSON shape; the exploitability sub-score is for risk policies, not printed. */
const scoreJson = ({ exploitabilitySubscore: _subscore, ...published }: CvssScore) => published
