export { AuditScreen } from './audit-screen.js'
