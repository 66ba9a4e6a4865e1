export { PORTFOLIO_KEY, PortfolioScreen } from './portfolio-screen.js'
