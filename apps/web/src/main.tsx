import { ensureLocaleLoaded, initialLocale } from './lib/i18n';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProvider, createAppQueryClient } from './app/provider';
import { AppRouter, isPublicPath, preloadRoute } from './app/router';
import { meQueryOptions } from './features/auth/api/get-me';

const queryClient = createAppQueryClient();
// In parallel, before React renders: who is signed in, the page's chunk and the page's data. A
// respondent's page (no account) asks nobody who is signed in.
if (!isPublicPath(window.location.pathname)) void queryClient.query(meQueryOptions()).catch(() => undefined);
preloadRoute(window.location.pathname, queryClient);

// A user who chose English gets it before the first paint, not a flash of Chinese.
await ensureLocaleLoaded(initialLocale());

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <AppProvider queryClient={queryClient}>
      <AppRouter />
    </AppProvider>
  </StrictMode>,
);
