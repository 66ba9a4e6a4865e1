export { DocumentsScreen } from './documents-screen.js'
