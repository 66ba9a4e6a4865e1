export { messages as settingsMessages } from './messages.js'
export { SettingsScreen } from './settings-screen.js'
