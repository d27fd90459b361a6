import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Button } from '../../ui/Button.tsx';
import { isNetworkFailure } from './network-status.ts';
import './messages.ts';

// A page that cannot be shown — most often, offline, its code was never stored on this device —
// gets a clear message and a way on, instead of an empty screen. The header, the banner and the
// rest of the site keep working; another page clears it.

function PageFailed({ offline }: { offline: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="page-failed">
      <h1>{t('offline.pageTitle')}</h1>
      <p>{t(offline ? 'offline.pageOffline' : 'offline.pageBroken')}</p>
      <p className="page-failed-actions">
        {/* The page's code is fetched once per load: trying again loads the page anew. */}
        <Button variant="primary" onClick={() => window.location.reload()}>
          {t('offline.retry')}
        </Button>{' '}
        <Link to="/">{t('offline.home')}</Link>
      </p>
    </div>
  );
}

class Boundary extends Component<{ path: string; children: ReactNode }, { error: unknown; path: string }> {
  override state = { error: null as unknown, path: this.props.path };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  static getDerivedStateFromProps(props: { path: string }, state: { error: unknown; path: string }) {
    // Another page: try again.
    return props.path === state.path ? null : { error: null, path: props.path };
  }

  override render() {
    if (this.state.error)
      return <PageFailed offline={!navigator.onLine || isNetworkFailure(this.state.error)} />;
    return this.props.children;
  }
}

export function PageBoundary({ children }: { children: ReactNode }) {
  const location = useLocation();
  return <Boundary path={location.pathname}>{children}</Boundary>;
}
