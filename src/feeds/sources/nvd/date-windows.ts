/** NVD refuses date ranges longer than 120 consecutive days. */
export const MAX_NVD_WINDOW_MS = 120 * 86_400_000

export interface DateWindow {
  readonly start: string
  readonly end: string
}

/**
 * Splits [start, end] into windows of at most `maxMs`, in NVD's extended ISO 8601 form with an
 * explicit UTC offset (`2024-01-01T00:00:00.000+00:00`).
 */
export const dateWindows = (
  start: number,
  end: number,
  maxMs = MAX_NVD_WINDOW_MS,
): DateWindow[] => {
  const windows: DateWindow[] = []
  for (let from = start; from < end; from += maxMs) {
    windows.push({ start: nvdDate(from), end: nvdDate(Math.min(from + maxMs, end)) })
  }
  return windows
}

export const nvdDate = (milliseconds: number): string =>
  new Date(milliseconds).toISOString().replace(/Z$/, '+00:00')
