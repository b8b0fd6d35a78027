import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { englishAntd } from '../lib/i18n';
import { createQueryClient } from '../lib/query-client';
import { queryKeys } from '../lib/query-keys';
import { fontFamilyFor, theme } from './theme';

/** The app's query client: a 401 anywhere means the session ended, and nothing cached may outlive it. */
export function createAppQueryClient(): QueryClient {
  const client = createQueryClient(() => {
    // Forget whose data this was; the auth guard then sends the user to the login page.
    if (client.getQueryData(queryKeys.me)) {
      client.clear();
      client.setQueryData(queryKeys.me, null);
    }
  });
  return client;
}

export function AppProvider({ children, queryClient }: { children: ReactNode; queryClient: QueryClient }) {
  const { i18n } = useTranslation();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={i18n.language === 'en' ? (englishAntd() ?? zhCN) : zhCN} theme={{ ...theme, token: { ...theme.token, fontFamily: fontFamilyFor(i18n.language) } }}>
        <AntdApp>{children}</AntdApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
