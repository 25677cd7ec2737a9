import { MantineProvider, localStorageColorSchemeManager } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation } from 'react-router-dom';
import { Provider, useQuery } from 'urql';
import { Shell } from './components/Shell';
import { graphql } from './gql';
import { isLanguage, rememberLanguage } from './i18n';
import { createApiClient } from './lib/client';
import { SessionContext, useSession, type SessionValue } from './lib/SessionContext';
import { getToken, onTokenChange, setToken, tokenExpiresAt } from './lib/session';
import { PageLoader } from './components/PageLoader';
import { SignInPage } from './pages/SignInPage';
import { createAppTheme } from './theme';

// Each page is its own chunk: signing in loads only the shell and the dashboard.
const DashboardPage = lazy(() => import('./pages/DashboardPage'));
const TargetsPage = lazy(() => import('./pages/TargetsPage'));
const StatePage = lazy(() => import('./pages/StatePage'));
const ContactsPage = lazy(() => import('./pages/ContactsPage'));
const ActivityPage = lazy(() => import('./pages/ActivityPage'));
const AdminPage = lazy(() => import('./pages/AdminPage'));
const CampaignsPage = lazy(() => import('./pages/CampaignsPage'));
const CampaignPage = lazy(() => import('./pages/CampaignPage'));
const ImportPage = lazy(() => import('./pages/ImportPage'));
const EventsPage = lazy(() => import('./pages/EventsPage'));
const SettingsPage = lazy(() => import('./pages/SettingsPage'));
const WorkPlansPage = lazy(() => import('./pages/WorkPlansPage'));
const MandatePage = lazy(() => import('./pages/MandatePage'));
const ProgressReportPage = lazy(() => import('./pages/ProgressReportPage'));
const SurveysPage = lazy(() => import('./pages/SurveysPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));

export const ViewerDocument = graphql(`
  query Viewer {
    me {
      id
      displayName
      email
      role
      preferredLanguage
      organization {
        id
        name
      }
    }
  }
`);

/** Revokes a token on the service (signing out); failures are ignored: the token is forgotten here anyway. */
async function revoke(token: string): Promise<void> {
  await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: 'mutation Logout { logout }' }),
  }).catch(() => undefined);
}

/** The home page: partners' is the activity they may see; coordinators' and admins' the dashboard. */
function HomePage() {
  const { viewer } = useSession();
  if (!viewer) return <PageLoader />;
  return viewer.role === 'PARTNER' ? <ActivityPage /> : <DashboardPage />;
}

/** Signed-in pages: without a session, the sign-in page, which comes back here afterwards. */
function RequireSession() {
  const location = useLocation();
  const { token } = useSession();
  if (!token) {
    const next = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={`/sign-in${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`} replace />;
  }
  return (
    <Shell>
      <Suspense fallback={<PageLoader />}>
        <Outlet />
      </Suspense>
    </Shell>
  );
}

function SessionProvider({ token, children }: { token: string | null; children: React.ReactNode }) {
  const { i18n } = useTranslation();
  const [{ data }, reexecute] = useQuery({ query: ViewerDocument, pause: !token });
  const viewer = token ? (data?.me ?? null) : null;
  useEffect(() => {
    const preferred = viewer?.preferredLanguage;
    if (isLanguage(preferred) && preferred !== i18n.language) {
      void i18n.changeLanguage(preferred);
      rememberLanguage(preferred);
    }
  }, [viewer?.preferredLanguage, i18n]);
  const value = useMemo<SessionValue>(
    () => ({
      token,
      viewer,
      signIn(next) {
        setToken(next);
        reexecute({ requestPolicy: 'network-only' });
      },
      async signOut() {
        // Forgets the token first (the pages' requests stop), then revokes it on the service.
        const old = getToken();
        setToken(null, 'signedOut');
        if (old) await revoke(old);
      },
    }),
    [token, viewer, reexecute],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The GraphQL client of the current token: a new one (and a new socket) at each sign-in or sign-out. */
function ApiProvider({ children }: { children: React.ReactNode }) {
  const [token, setCurrent] = useState(getToken);
  useEffect(() => onTokenChange(setCurrent), []);
  const onSessionEnded = useCallback((reason: 'expired' | 'revoked') => {
    const current = getToken();
    const expiry = current ? tokenExpiresAt(current) : undefined;
    setToken(null, reason === 'expired' && expiry !== undefined && expiry > Date.now() ? 'revoked' : reason);
  }, []);
  const api = useMemo(() => createApiClient(token, onSessionEnded), [token, onSessionEnded]);
  useEffect(() => () => api.dispose(), [api]);
  // Ends the session when the token expires, even if the user does nothing.
  useEffect(() => {
    const expiry = token ? tokenExpiresAt(token) : undefined;
    if (expiry === undefined) return;
    const timer = setTimeout(() => setToken(null, 'expired'), Math.max(0, Math.min(expiry - Date.now(), 2 ** 31 - 1)));
    return () => clearTimeout(timer);
  }, [token]);
  return (
    <Provider value={api.client}>
      <SessionProvider token={token}>{children}</SessionProvider>
    </Provider>
  );
}

const colorSchemeManager = localStorageColorSchemeManager({ key: 'ratify.colorScheme' });

export function App() {
  // Not suspended: the messages of the language may still be loading (see the Suspense below).
  const { t } = useTranslation(undefined, { useSuspense: false });
  const closeLabel = t('app.close');
  const theme = useMemo(() => createAppTheme(closeLabel), [closeLabel]);
  return (
    // The theme's CSS variables come from Mantine's CSS files (no <style> element is injected:
    // the Content-Security-Policy allows styles from this origin only).
    <MantineProvider theme={theme} withCssVariables={false} withGlobalClasses={false} colorSchemeManager={colorSchemeManager}>
      <Notifications />
      {/* Until the messages of a language other than English have loaded (their own chunk). */}
      <Suspense fallback={null}>
        <BrowserRouter>
          <ApiProvider>
            <Routes>
              <Route path="/sign-in" element={<SignInPage />} />
              <Route element={<RequireSession />}>
                <Route index element={<HomePage />} />
                <Route path="activity" element={<ActivityPage />} />
                <Route path="admin" element={<AdminPage />} />
                <Route path="import" element={<ImportPage />} />
                <Route path="targets" element={<TargetsPage />} />
                <Route path="states" element={<StatePage />} />
                <Route path="states/:iso3" element={<StatePage />} />
                <Route path="campaigns" element={<CampaignsPage />} />
                <Route path="campaigns/new" element={<CampaignsPage creating />} />
                <Route path="campaigns/:id" element={<CampaignPage />} />
                <Route path="contacts" element={<ContactsPage />} />
                <Route path="contacts/:id" element={<ContactsPage />} />
                <Route path="work-plans" element={<WorkPlansPage />} />
                <Route path="work-plans/:id" element={<MandatePage />} />
                <Route path="work-plans/:id/report" element={<ProgressReportPage />} />
                <Route path="events" element={<EventsPage />} />
                <Route path="events/:id" element={<EventsPage />} />
                <Route path="surveys" element={<SurveysPage />} />
                <Route path="surveys/:id" element={<SurveysPage />} />
                <Route path="settings" element={<SettingsPage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </ApiProvider>
        </BrowserRouter>
      </Suspense>
    </MantineProvider>
  );
}
