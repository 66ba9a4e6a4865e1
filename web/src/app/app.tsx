import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { lazy, Suspense } from 'react'
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router'

import { LocaleProvider } from '../i18n/locale.js'
import { ProductLayout } from '../layout/product-layout.js'
import { Shell } from '../layout/shell.js'
import { SignIn } from '../layout/sign-in.js'
import { AdvisoriesScreen } from '../screens/advisories/index.js'
import { AlertsScreen } from '../screens/alerts/index.js'
import { ApprovalsScreen } from '../screens/approvals/index.js'
import { AuditScreen } from '../screens/audit/index.js'
import { DeadlinesScreen } from '../screens/deadlines/index.js'
import {
  DisclosuresScreen,
  REPORT_PAGE,
  ReportVulnerabilityPage,
} from '../screens/disclosures/index.js'
import { DocumentsScreen } from '../screens/documents/index.js'
import { FindingsScreen } from '../screens/findings/index.js'
import { LifecycleScreen } from '../screens/lifecycle/index.js'
import { MetricsScreen } from '../screens/metrics/index.js'
import { PortfolioScreen } from '../screens/portfolio/index.js'
import { RiskRegisterScreen } from '../screens/risks/index.js'
import { SettingsScreen } from '../screens/settings/index.js'
import { ThreatsScreen } from '../screens/threats/index.js'
import { ErrorBox, Loading, QueryState } from '../ui/query-state.js'
import { SessionProvider, useSessionQuery } from './session.js'

// The diagram library is most of the app's code and only the model editor needs it.
const ModelEditorScreen = lazy(() =>
  import('../screens/model-editor/index.js').then((module) => ({
    default: module.ModelEditorScreen,
  })),
)

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 15_000 },
  },
})

const Screens = () => (
  <Routes>
    <Route element={<Shell />}>
      <Route index element={<PortfolioScreen />} />
      <Route path="advisories" element={<AdvisoriesScreen />} />
      <Route path="alerts" element={<AlertsScreen />} />
      <Route path="settings" element={<SettingsScreen />} />
      <Route path="approvals" element={<ApprovalsScreen />} />
      <Route path="audit" element={<AuditScreen />} />
      <Route path="deadlines" element={<DeadlinesScreen />} />
      <Route path="disclosures" element={<DisclosuresScreen />} />
      <Route path="products/:productId" element={<ProductLayout />}>
        <Route index element={<Navigate to="model" replace />} />
        <Route
          path="model"
          element={
            <Suspense fallback={<Loading />}>
              <ModelEditorScreen />
            </Suspense>
          }
        />
        <Route path="threats" element={<ThreatsScreen />} />
        <Route path="risks" element={<RiskRegisterScreen />} />
        <Route path="findings" element={<FindingsScreen />} />
        <Route path="lifecycle" element={<LifecycleScreen />} />
        <Route path="metrics" element={<MetricsScreen />} />
        <Route path="documents" element={<DocumentsScreen />} />
      </Route>
      <Route path="*" element={<ErrorBox error={new Error('Page not found')} />} />
    </Route>
  </Routes>
)

const Gate = () => {
  const session = useSessionQuery()
  // Finders report vulnerabilities without an account.
  const { pathname } = useLocation()
  if (pathname === REPORT_PAGE) return <ReportVulnerabilityPage />
  return (
    <QueryState query={session}>
      {(current) =>
        current === null ? (
          <SignIn />
        ) : (
          <SessionProvider session={current}>
            <Screens />
          </SessionProvider>
        )
      }
    </QueryState>
  )
}

export const App = () => (
  <QueryClientProvider client={queryClient}>
    <LocaleProvider>
      <BrowserRouter>
        <Gate />
      </BrowserRouter>
    </LocaleProvider>
  </QueryClientProvider>
)
