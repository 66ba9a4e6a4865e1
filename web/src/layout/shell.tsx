import { NavLink, Outlet } from 'react-router'

import { common } from '../i18n/common.js'
import { useMessages } from '../i18n/messages.js'
import { useSession } from '../app/session.js'
import { alertMessages } from '../screens/alerts/index.js'
import { canTriageDisclosures, disclosureMessages } from '../screens/disclosures/index.js'
import { settingsMessages } from '../screens/settings/index.js'
import { AccountDialog } from './account-dialog.js'
import { LanguageSwitch } from './language-switch.js'

/** Header with the main navigation, the language switch and the user; the screen below. */
export const Shell = () => {
  const t = useMessages(common)
  const disclosures = useMessages(disclosureMessages)
  const alerts = useMessages(alertMessages)
  const settings = useMessages(settingsMessages)
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
              <NavLink to="/alerts">{alerts.title}</NavLink>
            </li>
            <li>
              <NavLink to="/approvals">{t.approvals}</NavLink>
            </li>
            <li>
              <NavLink to="/deadlines">{t.deadlines}</NavLink>
            </li>
            {canTriageDisclosures(session) && (
              <li>
                <NavLink to="/disclosures">{disclosures.nav}</NavLink>
              </li>
            )}
            {can('audit:read') && (
              <li>
                <NavLink to="/audit">{t.auditTrail}</NavLink>
              </li>
            )}
            {can('admin', '*') && (
              <li>
                <NavLink to="/settings">{settings.nav}</NavLink>
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
