export { MetricsScreen } from './metrics-screen.js'
