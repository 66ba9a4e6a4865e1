export {
  determineCyberDevice,
  type Criterion,
  type CyberDeviceDetermination,
} from './cyber-device.js'
export {
  expectedDocuments,
  OBLIGATIONS,
  type ExpectedDocument,
  type Obligation,
} from './expected-documents.js'
