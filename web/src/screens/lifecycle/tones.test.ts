import { describe, expect, it } from 'vitest'

import { componentTone, noticeTone, phaseTone } from './tones.js'

describe('badge tones', () => {
  it.each([
    ['development', 'info'],
    ['support', 'good'],
    ['limited-support', 'warn'],
    ['end-of-support', 'bad'],
    ['something-new', 'neutral'],
  ])('support phase %s is %s', (phase, tone) => {
    expect(phaseTone(phase)).toBe(tone)
  })

  it('marks an overdue notice and an ended component as bad, unknown states as neutral', () => {
    expect(noticeTone('overdue')).toBe('bad')
    expect(noticeTone('due-within-a-year')).toBe('warn')
    expect(noticeTone('not-yet')).toBe('neutral')
    expect(componentTone('ended')).toBe('bad')
    expect(componentTone('ends-within-a-year')).toBe('warn')
    expect(componentTone('supported')).toBe('good')
    expect(componentTone('unknown')).toBe('neutral')
    expect(componentTone('whatever')).toBe('neutral')
  })
})
