import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert.tsx';
import { Page } from '../../ui/Page.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';

// The page itself is in the first download (App.tsx); the form and its results need the validation
// library and the code lists, most of the page's code, and load when it renders. On a cheap phone
// the heading, the lead and the privacy note show before they arrive.
const SelfCheckWork = lazy(() => import('./SelfCheckWork.tsx'));

/** Self-check without an account: what is entered is checked on the server and kept nowhere. */
export default function SelfCheck() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(true);
  return (
    <Page
      title={t('youth.check.title')}
      crumbs={[{ to: '/youth', label: t('nav.youth') }]}
      lead={editing ? t('youth.check.lead') : undefined}
    >
      {editing && (
        <Alert kind="info" title={t('youth.check.privacyTitle')}>
          <p>{t('youth.check.privacyText')}</p>
        </Alert>
      )}
      <Suspense fallback={<Skeleton lines={6} />}>
        <SelfCheckWork editing={editing} setEditing={setEditing} />
      </Suspense>
    </Page>
  );
}
