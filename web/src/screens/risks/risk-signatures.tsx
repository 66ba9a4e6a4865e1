import { useState } from 'react'

import type { RiskEntry } from '../../api/types.js'
import { useSession } from '../../app/session.js'
import { useFormatDate } from '../../i18n/locale.js'
import { useMessages } from '../../i18n/messages.js'
import { Badge } from '../../ui/page.js'
import { QueryState } from '../../ui/query-state.js'
import type { SignatureTarget } from './acceptance-request.js'
import { messages } from './messages.js'
import { useSignatures } from './risk-queries.js'
import { SignDialog } from './sign-dialog.js'

/**
 * The "risk accepted" signatures on a threat's risk, and, for approvers, signing it. A
 * signature covers the revision it was made on: one made before the latest change is marked.
 */
export const RiskSignatures = ({
  productId,
  entry,
  target,
  revision,
}: {
  readonly productId: string
  readonly entry: RiskEntry
  readonly target: SignatureTarget | undefined
  readonly revision: number
}) => {
  const t = useMessages(messages)
  const formatDate = useFormatDate()
  const { can } = useSession()
  const signatures = useSignatures(productId, target?.subject)
  const [signing, setSigning] = useState(false)
  const [signedAt, setSignedAt] = useState<number | null>(null)
  const maySign = can('sign:risk-accepted', productId)
  return (
    <section aria-label={t.signatures}>
      <h3>{t.signatures}</h3>
      {target === undefined ? (
        <p className="muted">{t.findingNoSubject}</p>
      ) : (
        <QueryState query={signatures}>
          {(page) => {
            const accepted = page.items.filter((item) => item.meaning === 'risk-accepted')
            return accepted.length === 0 ? (
              <p className="muted">{t.noSignatures}</p>
            ) : (
              <ul className="risks-signatures">
                {accepted.map((approval) => (
                  <li key={approval.id}>
                    {t.signedBy(
                      approval.signer.name,
                      formatDate(approval.signedAt),
                      approval.modelRevision,
                    )}{' '}
                    {approval.release !== null && <code>{approval.release}</code>}{' '}
                    <Badge tone={approval.superseded ? 'warn' : 'good'}>
                      {approval.superseded ? t.superseded : t.current}
                    </Badge>
                  </li>
                ))}
              </ul>
            )
          }}
        </QueryState>
      )}
      {signedAt !== null && (
        <p className="notice" role="status">
          {t.signed(signedAt)}
        </p>
      )}
      {maySign && target !== undefined && (
        <>
          <button
            type="button"
            className="primary"
            disabled={entry.acceptance === null}
            aria-describedby={entry.acceptance === null ? 'risks-sign-hint' : undefined}
            onClick={() => {
              setSigning(true)
            }}
          >
            {t.signRisk}
          </button>
          {entry.acceptance === null && (
            <p className="muted" id="risks-sign-hint">
              {t.signNeedsAcceptance}
            </p>
          )}
        </>
      )}
      {signing && target !== undefined && (
        <SignDialog
          productId={productId}
          target={target}
          revision={revision}
          defaultReason={entry.acceptance?.rationale ?? entry.title}
          onSigned={(signed) => {
            setSignedAt(signed)
            setSigning(false)
          }}
          onClose={() => {
            setSigning(false)
          }}
        />
      )}
    </section>
  )
}
