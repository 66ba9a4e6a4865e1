import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { mobilePlatformCompromise } from './mobile-platform-compromise.js'

describe('mobile-platform-compromise', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on the patient app', () => undefined, ['phone']],
    [
      'is silent on apps that are not part of the device',
      (m) => {
        Object.assign(m.elements[1]!, { partOfDevice: false })
      },
      [],
    ],
    [
      'is silent on other kinds of element',
      (m) => {
        m.elements[1]!.kind = 'desktop-app'
      },
      [],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(mobilePlatformCompromise, change)).toEqual(expected)
  })
})
