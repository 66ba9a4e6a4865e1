export { ThreatsScreen } from './threats-screen.js'
