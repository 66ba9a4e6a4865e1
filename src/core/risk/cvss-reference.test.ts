import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { testdataPath } from '../../../test/support/testdata.js'
import { scoreCvss, type CvssScore } from './cvss.js'

/**
 * Red Hat's `cvss` test vectors (../shared/testdata/redhat-cvss). Lines read `<vector> - <expected>`
 * where expected is a Python tuple `(base, temporal, environmental)` for v2/v3 (`None` = not
 * computed, `-0.0` = zero) and `(score,)` or a bare number for v4.0.
 *
 * For v2/v3 we compare temporal/environmental only when the vector sets a metric of that group:
 * the reference always computes them with defaults (our convention omits them; see cvss.ts), so for
 * a base-only v3 vector its environmental value is not a statement about that vector. For v4.0 the
 * reference gives the single most specific score, which is our `score`.
 */
// `compared`: how many temporal/environmental values the file lets us check (see above).
const FILES = [
  { file: 'vectors_simple2', lines: 729, compared: { base: 729 } },
  { file: 'vectors_calculator2', lines: 5, compared: { base: 5, temporal: 4, environmental: 1 } },
  { file: 'vectors_cvsslib2', lines: 24, compared: { base: 24, temporal: 3, environmental: 3 } },
  { file: 'vectors_simple3', lines: 2592, compared: { base: 2592 } },
  { file: 'vectors_calculator3', lines: 2, compared: { base: 2, temporal: 2, environmental: 1 } },
  { file: 'vectors_cvsslib3', lines: 29, compared: { base: 29, temporal: 3, environmental: 6 } },
  { file: 'vectors_simple31', lines: 2592, compared: { base: 2592 } },
  { file: 'vectors_simple4', lines: 1058, compared: { score: 1058 } },
  { file: 'vectors_supplemental4', lines: 576, compared: { score: 576 } },
  { file: 'vectors_security4', lines: 54, compared: { score: 54 } },
  { file: 'vectors_threat4', lines: 6, compared: { score: 6 } },
] as const

const readVectors = (file: string): string[] =>
  readFileSync(testdataPath('redhat-cvss', 'tests', file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')

const parseNumber = (text: string): number | undefined =>
  text === 'None' || text === '' ? undefined : Number(text) + 0 // `+ 0` turns -0 into 0

const parseLine = (line: string): { vector: string; expected: (number | undefined)[] } => {
  const separator = line.indexOf(' - ')
  const expected = line
    .slice(separator + 3)
    .replace(/[()]/g, '')
    .split(',')
    .map((part) => parseNumber(part.trim()))
  return { vector: line.slice(0, separator), expected }
}

/** Pairs of (ours, reference) to compare; see the file comment for which ones. */
const comparisons = (
  score: CvssScore,
  [base, temporal, environmental]: (number | undefined)[],
): (readonly [string, number | undefined, number | undefined])[] => {
  if (score.version === '4.0') return [['score', score.score, base]]
  // v2: the reference reports None exactly when a group is absent or all ND, as we do.
  const always = score.version === '2.0'
  return [
    ['base', score.baseScore, base],
    ...(always || score.temporalScore !== undefined
      ? [['temporal', score.temporalScore, temporal] as const]
      : []),
    ...(always || score.environmentalScore !== undefined
      ? [['environmental', score.environmentalScore, environmental] as const]
      : []),
  ]
}

/** Returns a description of the mismatch, or undefined when the vector scores as expected. */
const check = (line: string, compared: Record<string, number>): string | undefined => {
  const { vector, expected } = parseLine(line)
  const result = scoreCvss(vector)
  if (!result.ok) return `${vector}: ${result.error.message}`
  const wrong = comparisons(result.value, expected).filter(([name, ours, reference]) => {
    if (ours !== undefined) compared[name] = (compared[name] ?? 0) + 1
    return ours !== reference
  })
  return wrong.length === 0
    ? undefined
    : `${vector}: ${wrong.map(([name, ours, reference]) => `${name} ${String(ours)}, expected ${String(reference)}`).join('; ')}`
}

describe('CVSS scores match the Red Hat reference vectors', () => {
  it.each(FILES)('$file ($lines vectors)', ({ file, lines, compared: expectedCounts }) => {
    const vectors = readVectors(file)
    expect(vectors).toHaveLength(lines)
    const compared: Record<string, number> = {}
    const mismatches = vectors.flatMap((line) => check(line, compared) ?? [])
    expect(mismatches.slice(0, 10), `${String(mismatches.length)} mismatches`).toEqual([])
    expect(compared).toEqual(expectedCounts)
  })
})

describe('the reference convention for v3 environmental scores', () => {
  it.each(['vectors_simple3', 'vectors_simple31'])(
    '%s: with an explicit default environmental metric we give the reference value',
    (file) => {
      // CR:M weighs 1.0 like CR:X, but counts as "environmental metrics given", so we compute
      // the environmental score with defaults exactly as the reference always does.
      const mismatches = readVectors(file).flatMap((line) => {
        const { vector, expected } = parseLine(line)
        const result = scoreCvss(`${vector}/CR:M`)
        const ours = result.ok ? result.value.environmentalScore : result.error.message
        return ours === expected[2]
          ? []
          : [`${vector}: ${String(ours)}, expected ${String(expected[2])}`]
      })
      expect(mismatches.slice(0, 10), `${String(mismatches.length)} mismatches`).toEqual([])
    },
  )

  it('differs from the base score for scope-changed v3.1 vectors, which is why we omit it', () => {
    const vector = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H'
    const plain = scoreCvss(vector)
    const withDefaults = scoreCvss(`${vector}/CR:M`)
    expect(plain.ok && plain.value).toMatchObject({ baseScore: 9.6, score: 9.6 })
    expect(plain.ok && 'environmentalScore' in plain.value).toBe(false)
    expect(withDefaults.ok && withDefaults.value).toMatchObject({ environmentalScore: 9.7 })
  })
})
