import { lazy, Suspense, startTransition, useEffect, useState } from 'react';
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
  // The form is asked for after the first paint: rendered in the same pass, it held the heading and
  // the privacy note back until its code had arrived and run. As a transition React renders it in
  // slices, so a tap is answered meanwhile.
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setTimeout(() => startTransition(() => setPainted(true))));
    return () => cancelAnimationFrame(frame);
  }, []);
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
        {painted ? <SelfCheckWork editing={editing} setEditing={setEditing} /> : <Skeleton lines={6} />}
      </Suspense>
    </Page>
  );
}
