import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { dicomWithoutTls } from './dicom-without-tls.js'

const dicom =
  (protocol = 'DICOM C-STORE') =>
  (m: MinimalModel): void => {
    m.dataFlows[0]!.protocol = protocol
    m.dataFlows[0]!.encryption = { type: 'none' }
    m.interfaces[0]!.type = 'ethernet'
    m.interfaces[1]!.type = 'ethernet'
  }

describe('dicom-without-tls', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on a DICOM association in clear', dicom(), ['bolus-command']],
    ['fires on DICOM Q/R', dicom('DICOM Q/R (C-FIND, C-MOVE)'), ['bolus-command']],
    [
      'is silent with DICOM TLS',
      (m) => {
        dicom()(m)
        m.dataFlows[0]!.encryption = { type: 'tls' }
      },
      [],
    ],
    ['is silent for other protocols', dicom('SMB 3.1.1'), []],
    [
      'is silent for DICOM files on removable media',
      (m) => {
        dicom('DICOM Part 10 media')(m)
        m.interfaces[0]!.type = 'removable-media'
        m.interfaces[1]!.type = 'usb'
      },
      [],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(dicomWithoutTls, change)).toEqual(expected)
  })
})
