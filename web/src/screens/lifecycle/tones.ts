/** Badge tones for the lifecycle's states; the badge's text carries the meaning, colour helps. */
export type Tone = 'neutral' | 'good' | 'warn' | 'bad' | 'info'

const PHASE_TONES: Readonly<Record<string, Tone>> = {
  development: 'info',
  support: 'good',
  'limited-support': 'warn',
  'end-of-support': 'bad',
}

/** IMDRF N70 support phase of a release. */
export const phaseTone = (phase: string): Tone => PHASE_TONES[phase] ?? 'neutral'

const NOTICE_TONES: Readonly<Record<string, Tone>> = {
  'not-yet': 'neutral',
  'due-within-a-year': 'warn',
  overdue: 'bad',
}

/** Whether the end-of-support notice (two years ahead, IMDRF N70) is due or late. */
export const noticeTone = (state: string): Tone => NOTICE_TONES[state] ?? 'neutral'

const COMPONENT_TONES: Readonly<Record<string, Tone>> = {
  ended: 'bad',
  'ends-within-a-year': 'warn',
  supported: 'good',
  unknown: 'neutral',
}

/** A component's supplier support on the day. */
export const componentTone = (state: string): Tone => COMPONENT_TONES[state] ?? 'neutral'
