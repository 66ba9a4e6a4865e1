export { DeadlinesPanel } from './deadlines-panel.js'
export { DeadlinesScreen } from './deadlines-screen.js'
