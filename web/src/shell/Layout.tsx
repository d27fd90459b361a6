import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { Toaster } from '../ui/Toast.tsx';
import { Footer } from './Footer.tsx';
import { Header } from './Header.tsx';
import { OfflineBanner } from './network/OfflineBanner.tsx';
import { PageBoundary } from './network/PageBoundary.tsx';
import './shell.css';

export function Layout() {
  const { t } = useTranslation();
  return (
    <>
      <a href="#main" className="skip-link">
        {t('shell.skipToContent')}
      </a>
      <Header />
      <main id="main" tabIndex={-1} className="container main">
        <OfflineBanner />
        <PageBoundary>
          <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
            <Outlet />
          </Suspense>
        </PageBoundary>
      </main>
      <Footer />
      <Toaster />
    </>
  );
}
