import type { SignatureTarget } from './acceptance-request.js'
import { ReauthSignDialog } from '../../ui/sign-dialog.js'
import { useMessages } from '../../i18n/messages.js'
import { messages } from './messages.js'
import { useSignRiskAccepted } from './risk-queries.js'

/** The electronic signature "risk accepted": what is signed, on which model revision. */
export const SignDialog = ({
  productId,
  target,
  revision,
  defaultReason,
  onSigned,
  onClose,
}: {
  readonly productId: string
  readonly target: SignatureTarget
  readonly revision: number
  readonly defaultReason: string
  readonly onSigned: (revision: number) => void
  readonly onClose: () => void
}) => {
  const t = useMessages(messages)
  const sign = useSignRiskAccepted(productId)
  return (
    <ReauthSignDialog
      title={t.signTitle}
      defaultReason={defaultReason}
      pending={sign.isPending}
      error={sign.error}
      onSign={(reason, password) => {
        sign.mutate(
          { target, reason, password, revision },
          {
            onSuccess: (signed) => {
              onSigned(signed.approval.modelRevision)
            },
          },
        )
      }}
      onClose={onClose}
    >
      <p>{t.signWhat(target.subject, revision)}</p>
      {target.release !== undefined && <p>{t.signRelease(target.release)}</p>}
      <p className="muted">{t.signMeaning}</p>
    </ReauthSignDialog>
  )
}
