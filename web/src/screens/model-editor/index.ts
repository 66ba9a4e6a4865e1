export { ModelEditorScreen } from './model-editor-screen.js'
