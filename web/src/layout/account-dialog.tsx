import { useMutation } from '@tanstack/react-query'
import { useEffect, useRef, useState, type SyntheticEvent } from 'react'

import { request } from '../api/client.js'
import { defineMessages, useMessages } from '../i18n/messages.js'
import { ErrorBox } from '../ui/query-state.js'

const MIN_LENGTH = 12

const messages = defineMessages({
  en: {
    account: 'Account',
    changePassword: 'Change password',
    currentPassword: 'Current password',
    newPassword: 'New password',
    repeatPassword: 'New password again',
    tooShort: (min: number) => `At least ${String(min)} characters.`,
    differ: 'The two new passwords differ.',
    changed: 'Password changed. Your other sessions were signed out.',
    close: 'Close',
  },
  ja: {
    account: 'アカウント',
    changePassword: 'パスワードの変更',
    currentPassword: '現在のパスワード',
    newPassword: '新しいパスワード',
    repeatPassword: '新しいパスワード(確認)',
    tooShort: (min: number) => `${String(min)} 文字以上にしてください。`,
    differ: '新しいパスワードが一致しません。',
    changed: 'パスワードを変更しました。他のセッションはサインアウトされました。',
    close: '閉じる',
  },
})

/**
 * The account menu's dialog: the first administrator signs in with a printed password and is
 * expected to change it here.
 */
export const AccountDialog = ({ username }: { readonly username: string }) => {
  const t = useMessages(messages)
  const dialog = useRef<HTMLDialogElement>(null)
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [repeat, setRepeat] = useState('')
  const change = useMutation({
    mutationFn: () =>
      request('/session/password', {
        method: 'POST',
        body: { currentPassword: current, newPassword: next },
      }),
  })
  const problem =
    next.length > 0 && next.length < MIN_LENGTH
      ? t.tooShort(MIN_LENGTH)
      : repeat.length > 0 && repeat !== next
        ? t.differ
        : undefined
  useEffect(() => {
    if (change.isSuccess) {
      setCurrent('')
      setNext('')
      setRepeat('')
    }
  }, [change.isSuccess])
  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    if (problem === undefined && next === repeat) change.mutate()
  }
  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()}>
        {t.account}
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby="account-title">
        <form onSubmit={submit}>
          <h2 id="account-title">{t.changePassword}</h2>
          {/* Password managers need the account's name beside a new password. */}
          <input type="text" autoComplete="username" value={username} readOnly hidden />
          <label>
            {t.currentPassword}
            <input
              type="password"
              autoComplete="current-password"
              required
              value={current}
              onChange={(event) => {
                setCurrent(event.target.value)
              }}
            />
          </label>
          <label>
            {t.newPassword}
            <input
              type="password"
              autoComplete="new-password"
              required
              minLength={MIN_LENGTH}
              value={next}
              onChange={(event) => {
                setNext(event.target.value)
              }}
            />
          </label>
          <label>
            {t.repeatPassword}
            <input
              type="password"
              autoComplete="new-password"
              required
              value={repeat}
              onChange={(event) => {
                setRepeat(event.target.value)
              }}
            />
          </label>
          {problem !== undefined && <p className="error-box">{problem}</p>}
          {change.error !== null && <ErrorBox error={change.error} />}
          {change.isSuccess && (
            <p className="notice" role="status">
              {t.changed}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={() => dialog.current?.close()}>
              {t.close}
            </button>
            <button type="submit" className="primary" disabled={change.isPending}>
              {t.changePassword}
            </button>
          </div>
        </form>
      </dialog>
    </>
  )
}
