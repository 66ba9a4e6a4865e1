import { useQuery } from '@tanstack/react-query'

import { request } from '../../api/client.js'
import { useSession } from '../../app/session.js'
import { useMessages } from '../../i18n/messages.js'
import { Page } from '../../ui/page.js'
import { QueryState } from '../../ui/query-state.js'
import { messages } from './messages.js'
import { SETTINGS_KEY, SettingsForm } from './settings-form.js'
import type { NotificationSettings } from './settings-types.js'
import './settings.css'

const StoredSettings = () => {
  const settings = useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: ({ signal }) => request<NotificationSettings>('/settings/notifications', { signal }),
  })
  return <QueryState query={settings}>{(stored) => <SettingsForm settings={stored} />}</QueryState>
}

/** The administrator's notification settings: e-mail, webhooks, reminder lead times. */
export const SettingsScreen = () => {
  const t = useMessages(messages)
  const { can } = useSession()
  return (
    <Page title={t.title}>
      <p className="settings-lead">{t.lead}</p>
      {can('admin', '*') ? <StoredSettings /> : <p role="alert">{t.adminOnly}</p>}
    </Page>
  )
}
