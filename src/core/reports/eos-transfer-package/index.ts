export { buildEosTransferPackage } from './build-transfer-package.js'
