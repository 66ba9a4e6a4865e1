export { FindingsScreen } from './findings-screen.js'
