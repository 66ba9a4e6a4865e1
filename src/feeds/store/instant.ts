/**
 * Milliseconds of an advisory timestamp. OSV writes RFC 3339 with a zone; NVD writes
 * `2019-06-11T20:29:00.263` without one, meaning UTC (JavaScript would read it as local time).
 */
export const instantOf = (timestamp: string): number =>
  Date.parse(/(Z|[+-]\d{2}:?\d{2})$/i.test(timestamp) ? timestamp : `${timestamp}Z`)

/** Whether `a` is strictly later than `b`; unreadable timestamps compare as text. */
export const isLater = (a: string, b: string): boolean => {
  const [left, right] = [instantOf(a), instantOf(b)]
  return Number.isNaN(left) || Number.isNaN(right) ? a > b : left > right
}
