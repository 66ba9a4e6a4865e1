import type { DeclaredRoute, RouteAccess } from './auth/principal.js'
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES } from './auth/roles.js'

const who = (access: RouteAccess): string => {
  switch (access.kind) {
    case 'public':
      return 'anyone'
    case 'signed-in':
      return 'any signed-in user'
    case 'product':
    case 'global': {
      const roles = ROLES.filter((role) => ROLE_PERMISSIONS[role].has(access.permission))
      const scope = access.kind === 'global' ? ' on `*`' : ''
      return `\`${access.permission}\`${scope}: ${roles.join(', ')}`
    }
  }
}

/**
 * The API's route table with who may call each route, derived from the routes as registered
 * and the role table; docs/server.md carries it and a test keeps that copy current.
 */
export const routeTableMarkdown = (routes: readonly DeclaredRoute[]): string =>
  [
    '| Method | Path | Who may call it |',
    '| ------ | ---- | --------------- |',
    ...[...routes]
      .sort((a, b) => (a.url === b.url ? (a.method < b.method ? -1 : 1) : a.url < b.url ? -1 : 1))
      .map((route) => `| ${route.method} | \`${route.url}\` | ${who(route.access)} |`),
  ].join('\n')

/** Roles down, permissions across, for docs/server.md. */
export const roleTableMarkdown = (): string => {
  const permissions = PERMISSIONS
  return [
    `| Role | ${permissions.map((p) => `\`${p}\``).join(' | ')} |`,
    `| ---- | ${permissions.map(() => ':-:').join(' | ')} |`,
    ...ROLES.map(
      (role) =>
        `| ${role} | ${permissions.map((p) => (ROLE_PERMISSIONS[role].has(p) ? '✓' : '')).join(' | ')} |`,
    ),
  ].join('\n')
}
