import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'

import { ApiError, productPath, request } from '../../api/client.js'
import type { Approval, SignRequest } from '../../api/types.js'
import { useMessages } from '../../i18n/messages.js'
import { ReauthSignDialog } from '../../ui/sign-dialog.js'
import { releaseOfSubject, REGISTER_SUBJECT, type AwaitingSignature } from './awaiting.js'
import { messages } from './messages.js'
import { useSubjectLabel } from './subject-label.js'

/** The sign request of one awaited item: its meaning's route, the revision in If-Match. */
const signRequest = (item: AwaitingSignature, body: SignRequest) =>
  request<{ approval: Approval }>(
    productPath(item.productId, `/approvals/${encodeURIComponent(item.meaning)}`),
    { method: 'POST', body, headers: { 'if-match': `"r${String(item.revision)}"` } },
  )

/** Signing an awaited item: its product, subject, meaning and revision shown. */
export const SignDialog = ({
  item,
  releases,
  onClose,
  onSigned,
}: {
  readonly item: AwaitingSignature
  /** Releases a register signature may be for. */
  readonly releases: readonly string[]
  readonly onClose: () => void
  readonly onSigned: (item: AwaitingSignature) => void
}) => {
  const t = useMessages(messages)
  const subjectLabel = useSubjectLabel()
  const client = useQueryClient()
  const [release, setRelease] = useState('')
  const sign = useMutation({
    mutationFn: (body: SignRequest) => signRequest(item, body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['product', item.productId, 'approvals'] })
      onSigned(item)
    },
    onError: (error) => {
      // Someone changed the model meanwhile: the list must show the new revision to sign.
      if (error instanceof ApiError && error.status === 412) {
        void client.invalidateQueries({ queryKey: ['product', item.productId, 'approvals'] })
      }
    },
  })
  const forRelease = releaseOfSubject(item.subject) ?? (release === '' ? undefined : release)
  return (
    <ReauthSignDialog
      title={t.dialogTitle}
      reasonHint={t.reasonHint}
      pending={sign.isPending}
      error={sign.error}
      onSign={(reason, password) => {
        sign.mutate({
          subject: item.subject,
          ...(forRelease === undefined ? {} : { release: forRelease }),
          reason,
          password,
        })
      }}
      onClose={onClose}
    >
      <p className="muted">{t.dialogLead}</p>
      <dl className="facts">
        <dt>{t.product}</dt>
        <dd>{item.productName}</dd>
        <dt>{t.subject}</dt>
        <dd>{subjectLabel(item.subject)}</dd>
        <dt>{t.meaning}</dt>
        <dd>
          <strong>{t[`meaning_${item.meaning}`]}</strong>
        </dd>
        <dt>{t.revision}</dt>
        <dd>r{item.revision}</dd>
      </dl>
      {item.subject === REGISTER_SUBJECT && releases.length > 0 && (
        <label>
          {t.forRelease}
          <select
            value={release}
            onChange={(event) => {
              setRelease(event.target.value)
            }}
          >
            <option value="">{t.anyRelease}</option>
            {releases.map((version) => (
              <option key={version} value={version}>
                {version}
              </option>
            ))}
          </select>
        </label>
      )}
    </ReauthSignDialog>
  )
}
