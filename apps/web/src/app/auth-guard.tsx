import { Spin } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ErrorAlert } from '../components/error-state';
import { useMe } from '../features/auth/api/get-me';
import { LiveUpdatesProvider } from '../features/live-updates/components/live-updates-provider';
import { changeLocale, currentLocale, hasStoredLocale } from '../lib/i18n';
import { AppShell, CenteredPage } from './layout/app-shell';

/** Everything behind the login: the shell, live updates, and the signed-in user. */
export function AuthGuard() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const accountLocale = me.data?.locale;

  useEffect(() => {
    // A browser with no language choice of its own follows the account's.
    if (accountLocale && !hasStoredLocale() && accountLocale !== currentLocale()) void changeLocale(accountLocale);
  }, [accountLocale]);

  if (me.isPending) {
    return (
      <CenteredPage>
        <Spin size="large" description={t('common.loading')} />
      </CenteredPage>
    );
  }
  if (me.isError) {
    return (
      <CenteredPage>
        <div style={{ maxWidth: 520, width: '100%' }}>
          <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
        </div>
      </CenteredPage>
    );
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <LiveUpdatesProvider enabled>
      <AppShell user={me.data} />
    </LiveUpdatesProvider>
  );
}
