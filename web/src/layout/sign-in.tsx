import { useState, type SyntheticEvent } from 'react'

import { defineMessages, useMessages } from '../i18n/messages.js'
import { useSignIn } from '../app/session.js'
import { ErrorBox } from '../ui/query-state.js'
import { LanguageSwitch } from './language-switch.js'

const messages = defineMessages({
  en: {
    title: 'Sign in to medcyber',
    lead: 'Medical device cybersecurity risk management',
    username: 'Username',
    password: 'Password',
    signIn: 'Sign in',
    signingIn: 'Signing in…',
    wrong: 'Wrong username or password.',
    reportVulnerability: 'Report a vulnerability (no account needed)',
  },
  ja: {
    title: 'medcyber にサインイン',
    lead: '医療機器サイバーセキュリティのリスクマネジメント',
    username: 'ユーザー名',
    password: 'パスワード',
    signIn: 'サインイン',
    signingIn: 'サインイン中…',
    wrong: 'ユーザー名またはパスワードが違います。',
    reportVulnerability: '脆弱性の報告(アカウント不要)',
  },
})

export const SignIn = () => {
  const t = useMessages(messages)
  const signIn = useSignIn()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    signIn.mutate({ username, password })
  }
  return (
    <main className="sign-in" id="main">
      <form onSubmit={submit} aria-labelledby="sign-in-title">
        <div className="sign-in-language">
          <LanguageSwitch />
        </div>
        <h1 id="sign-in-title">{t.title}</h1>
        <p>{t.lead}</p>
        <label>
          {t.username}
          <input
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(event) => {
              setUsername(event.target.value)
            }}
          />
        </label>
        <label>
          {t.password}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => {
              setPassword(event.target.value)
            }}
          />
        </label>
        {signIn.error !== null &&
          ('status' in signIn.error && signIn.error.status === 401 ? (
            <p role="alert" className="error-box">
              {t.wrong}
            </p>
          ) : (
            <ErrorBox error={signIn.error} />
          ))}
        <button type="submit" className="primary" disabled={signIn.isPending}>
          {signIn.isPending ? t.signingIn : t.signIn}
        </button>
        <p>
          <a href="/report-vulnerability">{t.reportVulnerability}</a>
        </p>
      </form>
    </main>
  )
}
