import 'krds-uiux/resources/css/token/krds_tokens.css';
import './ui/base.css';
import './zod-config.ts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App.tsx';
import i18n, { i18nReady } from './i18n/index.ts';
import { retryUnlessOffline } from './shell/network/network-status.ts';
import { preloadFirstPage } from './shell/page-data.ts';

// Queries and mutations always run ('always', not TanStack's default of waiting for a network):
// offline, the service worker answers from its store at once or fails at once, and the page says so.
const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: retryUnlessOffline,
      networkMode: 'always',
    },
    mutations: { networkMode: 'always' },
  },
});

// The first page's code and answers start loading now, not one after the other as it renders.
preloadFirstPage(queryClient, window.location, i18n.language);

// Korean is in the first download; an English reader's catalogue arrives before the first paint.
// The first render is a transition: React then renders in slices and lets the phone answer a tap
// between them, instead of holding the main thread for one long task.
i18nReady.then(() => {
  const root = createRoot(document.getElementById('root')!);
  startTransition(() =>
    root.render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </QueryClientProvider>
      </StrictMode>,
    ),
  );
});

// Page code loads on demand under hashed names: after a deploy, a page opened before it asks for
// files that are gone (the server answers 404). Load the page again, once, to get the new names.
const RELOADED_KEY = 'hamkke.reloadedForNewBuild';
window.addEventListener('vite:preloadError', (event) => {
  if (!navigator.onLine) return; // offline, not a new build: the page says it cannot be opened
  try {
    const last = Number(sessionStorage.getItem(RELOADED_KEY) ?? 0);
    if (Date.now() - last < 60_000) return; // reloaded a minute ago: show the error instead of looping
    sessionStorage.setItem(RELOADED_KEY, String(Date.now()));
  } catch {
    return; // storage refused: no loop guard, so no reload
  }
  event.preventDefault();
  window.location.reload();
});

// The service worker only in production builds: in development it would serve stale files.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}
