import { createHmac } from 'node:crypto'

import { disclosureFormSecret, type Store } from '../../store/index.js'
import { ApiError } from '../api-error.js'
import { newSecret, sameSecret } from '../auth/secrets.js'

/** People take seconds to fill a form; scripts that post at once are turned away. */
export const FORM_MIN_AGE_MS = 2_000
/** A form left open longer is fetched again, so a harvested token stops working. */
export const FORM_MAX_AGE_MS = 2 * 3_600_000

const VERSION = 'v1'

const signature = (secret: string, issuedAt: number): string =>
  createHmac('sha256', secret)
    .update(`disclosure-form:${String(issuedAt)}`)
    .digest('base64url')

/** Form tokens: the issue time signed with the store's secret, so no server state is kept. */
export const formTokens = (store: Store) => {
  // Read once per process: the secret never changes once made.
  let secret: Promise<string> | undefined
  const secretOf = (): Promise<string> => {
    secret ??= disclosureFormSecret(store, newSecret).catch((error: unknown) => {
      secret = undefined
      throw error
    })
    return secret
  }

  const issue = async (): Promise<{ token: string; issuedAt: number }> => {
    const issuedAt = store.now().getTime()
    return {
      token: `${VERSION}.${String(issuedAt)}.${signature(await secretOf(), issuedAt)}`,
      issuedAt,
    }
  }

  const refused = (message: string): ApiError =>
    new ApiError(400, 'form-token', message, [{ path: 'body/formToken', message }])

  /** Throws unless the token is ours and between 2 s and 2 h old. */
  const check = async (token: string): Promise<void> => {
    const [version, time, mac] = token.split('.')
    const issuedAt = Number(time)
    if (version !== VERSION || mac === undefined || !Number.isSafeInteger(issuedAt)) {
      throw refused('not a form token: fetch one from GET /api/disclosures/form')
    }
    if (!sameSecret(mac, signature(await secretOf(), issuedAt))) {
      throw refused('the form token is not one this server issued')
    }
    const age = store.now().getTime() - issuedAt
    if (age < FORM_MIN_AGE_MS) {
      throw refused(
        'the form was sent too quickly after it was opened; wait a moment and send it again',
      )
    }
    if (age > FORM_MAX_AGE_MS) {
      throw refused('the form was open for more than two hours; reload it and send it again')
    }
  }

  return { issue, check }
}
