export { ApprovalsScreen } from './approvals-screen.js'
