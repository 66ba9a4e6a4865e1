export { metricsChartSvg } from './metrics-chart.js'
