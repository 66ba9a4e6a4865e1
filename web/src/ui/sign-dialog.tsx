import { useEffect, useId, useRef, useState, type ReactNode, type SyntheticEvent } from 'react'

import { ApiError } from '../api/client.js'
import { common } from '../i18n/common.js'
import { defineMessages, useMessages } from '../i18n/messages.js'
import { ErrorBox } from './query-state.js'

const signMessages = defineMessages({
  en: {
    reason: 'Reason',
    password: 'Password',
    passwordHint: 'Enter your password again to confirm it is you.',
    sign: 'Sign',
    signing: 'Signing…',
    wrongPassword: 'The password is not correct. Nothing was signed.',
  },
  ja: {
    reason: '理由',
    password: 'パスワード',
    passwordHint: '本人確認のため、パスワードをもう一度入力してください。',
    sign: '署名',
    signing: '署名中…',
    wrongPassword: 'パスワードが正しくありません。署名は行われていません。',
  },
})

const SignError = ({ error }: { readonly error: unknown }) => {
  const t = useMessages(signMessages)
  // The wrong password is the common case: say it in the user's language, plainly.
  if (error instanceof ApiError && error.code === 'reauthentication-failed') {
    return (
      <div role="alert" className="error-box">
        <p>{t.wrongPassword}</p>
      </div>
    )
  }
  return <ErrorBox error={error} />
}

/**
 * An electronic signature (21 CFR 11.200): what is signed (the children), a reason, and the
 * password entered again. A modal dialog, so the signer sees nothing else while signing;
 * Escape or Cancel leaves without signing. The password serves one request only, so it is
 * cleared once sent.
 */
export const ReauthSignDialog = ({
  title,
  children,
  defaultReason = '',
  reasonHint,
  pending,
  error,
  onSign,
  onClose,
}: {
  readonly title: string
  readonly children: ReactNode
  readonly defaultReason?: string
  readonly reasonHint?: string
  readonly pending: boolean
  readonly error: unknown
  readonly onSign: (reason: string, password: string) => void
  readonly onClose: () => void
}) => {
  const t = useMessages(signMessages)
  const c = useMessages(common)
  const dialog = useRef<HTMLDialogElement>(null)
  const reasonField = useRef<HTMLTextAreaElement>(null)
  const passwordField = useRef<HTMLInputElement>(null)
  const titleId = useId()
  const [reason, setReason] = useState(defaultReason)
  const [password, setPassword] = useState('')
  useEffect(() => {
    const element = dialog.current
    if (element !== null && !element.open) element.showModal()
    reasonField.current?.focus()
    return () => {
      element?.close()
    }
  }, [])
  useEffect(() => {
    if (error !== null && error !== undefined) passwordField.current?.focus()
  }, [error])

  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    onSign(reason.trim(), password)
    setPassword('')
  }
  return (
    <dialog
      ref={dialog}
      className="sign-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      <form onSubmit={submit}>
        <h2 id={titleId}>{title}</h2>
        {children}
        <label>
          {t.reason}
          <textarea
            ref={reasonField}
            required
            maxLength={2000}
            value={reason}
            {...(reasonHint === undefined ? {} : { placeholder: reasonHint })}
            onChange={(event) => {
              setReason(event.target.value)
            }}
          />
        </label>
        <label>
          {t.password}
          <input
            ref={passwordField}
            type="password"
            required
            autoComplete="current-password"
            value={password}
            aria-describedby={`${titleId}-password`}
            onChange={(event) => {
              setPassword(event.target.value)
            }}
          />
          <span id={`${titleId}-password`} className="muted sign-dialog-hint">
            {t.passwordHint}
          </span>
        </label>
        {error !== null && error !== undefined && <SignError error={error} />}
        <div className="sign-dialog-actions">
          <button type="button" onClick={onClose}>
            {c.cancel}
          </button>
          <button
            type="submit"
            className="primary"
            disabled={pending || reason.trim() === '' || password === ''}
          >
            {pending ? t.signing : t.sign}
          </button>
        </div>
      </form>
    </dialog>
  )
}
