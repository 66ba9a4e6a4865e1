export { LifecycleScreen } from './lifecycle-screen.js'
export { phaseTone } from './tones.js'
