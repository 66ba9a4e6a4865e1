import type { Issue } from '../issue.js'
import type { SeverityLevel } from '../model/index.js'
import type { RiskPolicy } from './risk-policy-schema.js'

const error = (code: string, message: string, path: Issue['path']): Issue => ({
  severity: 'error',
  code,
  message,
  path,
})

/** Worse cells rank higher: the order in which a matrix may only grow. */
const RANK: Readonly<Record<string, number>> = { A: 0, C: 0, R: 1, U: 2 }
const rank = (cell: string): number => RANK[cell] ?? 0

/**
 * What a schema cannot say about a policy but a risk manager would: both matrices cover every
 * exploitability level and every severity of the model's scale, neither ever rates a risk better
 * when exploitability or severity rises (a matrix that does would let a worse risk pass where a
 * lesser one fails), and no uncontrolled cell is acceptable, since FDA defines an uncontrolled
 * risk as an unacceptable residual risk.
 */
export const checkRiskPolicy = (
  policy: RiskPolicy,
  severityScale: readonly SeverityLevel[],
): Issue[] => {
  const issues: Issue[] = []
  const scale = severityScale.map((level) => level.id)
  if (policy.severities.join('\u0000') !== scale.join('\u0000')) {
    issues.push(
      error(
        'policy/severity-scale-mismatch',
        `the policy's severities (${policy.severities.join(', ')}) must be the model's severity scale in order (${scale.join(', ')})`,
        ['severities'],
      ),
    )
  }
  const levels = policy.exploitability.map((level) => level.id)
  const seen = new Set<string>()
  let previousBound = 0
  policy.exploitability.forEach((level, i) => {
    if (seen.has(level.id)) {
      issues.push(
        error('policy/duplicate-id', `exploitability level '${level.id}' appears twice`, [
          'exploitability',
          i,
          'id',
        ]),
      )
    }
    seen.add(level.id)
    const last = i === policy.exploitability.length - 1
    if (last && level.cvssBelow !== undefined) {
      issues.push(
        error(
          'policy/last-level-bounded',
          `'${level.id}' is the most exploitable level, so it takes every score up to 10; remove its cvssBelow`,
          ['exploitability', i, 'cvssBelow'],
        ),
      )
    } else if (!last && level.cvssBelow === undefined) {
      issues.push(
        error(
          'policy/level-unbounded',
          `exploitability level '${level.id}' needs cvssBelow: the CVSS score where the next level starts`,
          ['exploitability', i],
        ),
      )
    } else if (level.cvssBelow !== undefined) {
      if (level.cvssBelow <= previousBound) {
        issues.push(
          error(
            'policy/bins-not-ascending',
            `cvssBelow of '${level.id}' (${String(level.cvssBelow)}) must be above the previous level's (${String(previousBound)})`,
            ['exploitability', i, 'cvssBelow'],
          ),
        )
      }
      previousBound = level.cvssBelow
    }
  })
  // The v3.x exploitability sub-score never exceeds 3.9 (8.22 x 0.85 x 0.77 x 0.85 x 0.85).
  const subscoreMax = 3.9
  if (policy.cvssScore === 'exploitability-subscore') {
    policy.exploitability.forEach((level, i) => {
      if (level.cvssBelow !== undefined && level.cvssBelow > subscoreMax) {
        issues.push(
          error(
            'policy/bin-out-of-range',
            `cvssBelow of '${level.id}' is ${String(level.cvssBelow)}, but the CVSS exploitability sub-score this policy bins never exceeds ${String(subscoreMax)}, so the levels after it cannot be reached`,
            ['exploitability', i, 'cvssBelow'],
          ),
        )
      }
    })
  }
  for (const matrix of ['controlMatrix', 'acceptabilityMatrix'] as const) {
    issues.push(...checkMatrix(policy[matrix], matrix, levels, scale.length))
  }
  if (issues.length > 0) return issues

  levels.forEach((level) => {
    policy.controlMatrix[level]?.forEach((cell, column) => {
      if (cell === 'U' && policy.acceptabilityMatrix[level]?.[column] !== 'U') {
        issues.push(
          error(
            'policy/uncontrolled-acceptable',
            `exploitability '${level}', severity '${scale[column] ?? ''}' is uncontrolled but not unacceptable; FDA defines uncontrolled risk as unacceptable residual risk, so the acceptability cell must be U`,
            ['acceptabilityMatrix', level, column],
          ),
        )
      }
    })
  })
  const { convention, levels: p1 } = policy.safetyProbability
  if (convention === 'exploitability') {
    for (const level of levels) {
      if (p1?.[level] === undefined) {
        issues.push(
          error(
            'policy/p1-mapping-incomplete',
            `the exploitability convention needs a P1 level for exploitability '${level}'`,
            ['safetyProbability', 'levels'],
          ),
        )
      }
    }
  }
  for (const key of Object.keys(p1 ?? {})) {
    if (!levels.includes(key)) {
      issues.push(
        error('policy/unknown-level', `'${key}' is not an exploitability level of the policy`, [
          'safetyProbability',
          'levels',
          key,
        ]),
      )
    }
  }
  return issues
}

const checkMatrix = (
  matrix: Readonly<Record<string, readonly string[]>>,
  name: 'controlMatrix' | 'acceptabilityMatrix',
  levels: readonly string[],
  columns: number,
): Issue[] => {
  const issues: Issue[] = []
  for (const key of Object.keys(matrix)) {
    if (!levels.includes(key)) {
      issues.push(
        error('policy/unknown-level', `'${key}' is not an exploitability level of the policy`, [
          name,
          key,
        ]),
      )
    }
  }
  const rows: (readonly string[])[] = []
  for (const level of levels) {
    const row = matrix[level]
    if (row === undefined) {
      issues.push(
        error('policy/matrix-row-missing', `${name} has no row for exploitability '${level}'`, [
          name,
        ]),
      )
      continue
    }
    if (row.length !== columns) {
      issues.push(
        error(
          'policy/matrix-row-length',
          `${name} row '${level}' has ${String(row.length)} cells; it needs one per severity (${String(columns)})`,
          [name, level],
        ),
      )
      continue
    }
    row.forEach((cell, column) => {
      const left = row[column - 1]
      if (left !== undefined && rank(cell) < rank(left)) {
        issues.push(
          error(
            'policy/matrix-not-monotone',
            `${name} rates '${level}' better at a higher severity (${left} then ${cell}); a more severe harm must never lower the risk`,
            [name, level, column],
          ),
        )
      }
      const above = rows[rows.length - 1]?.[column]
      if (above !== undefined && rank(cell) < rank(above)) {
        issues.push(
          error(
            'policy/matrix-not-monotone',
            `${name} rates '${level}' better than the less exploitable level above it (${above} then ${cell}); more exploitability must never lower the risk`,
            [name, level, column],
          ),
        )
      }
    })
    rows.push(row)
  }
  return issues
}
