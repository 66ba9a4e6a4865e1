export { AlertsScreen } from './alerts-screen.js'
export { messages as alertMessages } from './messages.js'
