export { RiskRegisterScreen } from './risk-register-screen.js'
