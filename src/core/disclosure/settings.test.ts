import { describe, expect, it } from 'vitest'

import { securityTxt } from './security-txt.js'
import { acknowledgeDue, DEFAULT_DISCLOSURE_SETTINGS, disclosureSettingsOf } from './settings.js'
import { canMoveTo, DISCLOSURE_STATES, DISCLOSURE_TRANSITIONS } from './states.js'

describe('acknowledgement due date', () => {
  it('counts working days from the day of receipt in the manufacturer’s zone', () => {
    // Friday 23:30 UTC is already Saturday in Tokyo: counting starts after the weekend either way.
    expect(acknowledgeDue('2026-03-06T23:30:00Z', DEFAULT_DISCLOSURE_SETTINGS)).toBe('2026-03-13')
    const tokyo = { ...DEFAULT_DISCLOSURE_SETTINGS, timeZone: 'Asia/Tokyo' }
    expect(acknowledgeDue('2026-03-05T16:00:00Z', tokyo)).toBe('2026-03-13')
    expect(acknowledgeDue('2026-03-05T14:00:00Z', tokyo)).toBe('2026-03-12')
    const holiday = { ...DEFAULT_DISCLOSURE_SETTINGS, holidays: ['2026-03-10'] }
    expect(acknowledgeDue('2026-03-06T09:00:00Z', holiday)).toBe('2026-03-16')
  })
})

describe('stored disclosure settings', () => {
  it('fall back to the defaults field by field', () => {
    expect(disclosureSettingsOf(undefined)).toEqual(DEFAULT_DISCLOSURE_SETTINGS)
    expect(
      disclosureSettingsOf({ acknowledgeWithinDays: 3, timeZone: 'Nowhere/Zone', contacts: 7 }),
    ).toEqual({ ...DEFAULT_DISCLOSURE_SETTINGS, acknowledgeWithinDays: 3 })
  })
})

describe('security.txt', () => {
  const NOW = '2026-03-06T09:00:00.000Z'
  it('names the report page as Contact by default, and expires within a year', () => {
    const text = securityTxt({
      settings: DEFAULT_DISCLOSURE_SETTINGS,
      origin: 'https://medcyber.example',
      now: NOW,
    })
    expect(text).toBe(
      [
        'Canonical: https://medcyber.example/.well-known/security.txt',
        'Contact: https://medcyber.example/report-vulnerability',
        'Expires: 2027-03-06T09:00:00Z',
        'Preferred-Languages: en, ja',
        '',
      ].join('\n'),
    )
  })

  it('keeps each setting on its own line', () => {
    const text = securityTxt({
      settings: {
        ...DEFAULT_DISCLOSURE_SETTINGS,
        contacts: ['mailto:psirt@example.com'],
        policyUrl: 'https://example.com/policy\nContact: https://evil.example',
        acknowledgmentsUrl: 'https://example.com/thanks',
        securityTxtValidDays: 30,
      },
      origin: 'https://medcyber.example',
      now: NOW,
    })
    expect(text.split('\n').filter((line) => line.startsWith('Contact:'))).toEqual([
      'Contact: mailto:psirt@example.com',
    ])
    expect(text).toContain('Acknowledgments: https://example.com/thanks\n')
    expect(text).toContain('Expires: 2026-04-05T09:00:00Z\n')
  })
})

describe('disclosure states', () => {
  it('reach closed from every state, and never go back to received', () => {
    for (const state of DISCLOSURE_STATES) {
      const seen = new Set([state])
      const queue = [state]
      while (queue.length > 0) {
        for (const next of DISCLOSURE_TRANSITIONS[queue.shift() ?? 'closed']) {
          if (!seen.has(next)) {
            seen.add(next)
            queue.push(next)
          }
        }
      }
      expect(seen.has('closed')).toBe(true)
      expect(canMoveTo(state, 'received')).toBe(false)
    }
  })
})
