import type { ApiRoutes } from '../api-app.js'

// Routes of this group are being written (issue 7); the group registers none yet.
export const findingRoutes: ApiRoutes = () => undefined
