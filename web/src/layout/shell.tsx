import { NavLink, Outlet } from 'react-router'

import { common } from '../i18n/common.js'
import { useMessages } from '../i18n/messages.js'
import { useSession } from '../app/session.js'
import { AccountDialog } from './account-dialog.js'
import { LanguageSwitch } from './language-switch.js'

/** Header with the main navigation, the language switch and the user; the screen below. */
export const Shell = () => {
  const t = useMessages(common)
  const { session, signOut, can } = useSession()
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="app-header">
        <NavLink to="/" className="brand">
          {t.appName}
        </NavLink>
        <nav aria-label={t.mainNavigation}>
          <ul>
            <li>
              <NavLink to="/" end>
                {t.portfolio}
              </NavLink>
            </li>
            <li>
              <NavLink to="/advisories">{t.advisories}</NavLink>
            </li>
            <li>
              <NavLink to="/approvals">{t.approvals}</NavLink>
            </li>
            {can('audit:read') && (
              <li>
                <NavLink to="/audit">{t.auditTrail}</NavLink>
              </li>
            )}
          </ul>
        </nav>
        <div className="header-end">
          <LanguageSwitch />
          <span className="user" title={t.signedInAs(session.user.username)}>
            {session.user.displayName}
          </span>
          <AccountDialog username={session.user.username} />
          <button type="button" onClick={signOut}>
            {t.signOut}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  )
}
