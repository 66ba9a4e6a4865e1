export { AdvisoriesScreen } from './advisories-screen.js'
// The portfolio counts the new advisories the same way.
export { leadingNew } from './advisory-view.js'
