import {
  DISCLOSURE_SETTINGS_KEY,
  disclosureSettingsOf,
  SECURITY_TXT_PATH,
  securityTxt,
} from '../../core/disclosure/index.js'
import { readSetting } from '../../store/index.js'
import type { ApiApp } from '../api-app.js'
import type { ServerDeps } from '../server-deps.js'

/**
 * `/.well-known/security.txt` (RFC 9116), outside `/api`: security researchers and scanners look
 * for it there. Its origin is the public URL, else the address the request came to (a server
 * without a public URL is on loopback or behind nothing that rewrites Host).
 */
export const registerSecurityTxt = (app: ApiApp, deps: ServerDeps): void => {
  app.get(SECURITY_TXT_PATH, { schema: { hide: true } }, async (request, reply) => {
    const settings = disclosureSettingsOf(await readSetting(deps.store.db, DISCLOSURE_SETTINGS_KEY))
    const origin = (deps.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '')
    return reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(securityTxt({ settings, origin, now: deps.store.now().toISOString() }))
  })
}
