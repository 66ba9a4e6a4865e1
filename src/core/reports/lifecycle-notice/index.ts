export { buildLifecycleNotices } from './build-lifecycle-notices.js'
