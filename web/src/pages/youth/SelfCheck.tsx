import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { checkEligibility, type EligibilityItem } from '../../api/youth.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Page } from '../../ui/Page.tsx';
import { countText, EligibilityResults } from './EligibilityResults.tsx';
import { draftErrors, EMPTY_DRAFT, type ProfileDraft, ProfileFields, toBody } from './ProfileFields.tsx';
import './youth.css';

// Self-check without an account: the answers go to the server once and are not kept there or here.
export default function SelfCheck() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ProfileDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [items, setItems] = useState<EligibilityItem[] | null>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = draftErrors(draft, t);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) {
      setFailure(t('youth.check.fixErrors'));
      return;
    }
    setBusy(true);
    try {
      const result = await checkEligibility(toBody(draft));
      setItems(result.items);
      // The results replace nothing above the form; move the reader to them.
      requestAnimationFrame(() => resultsHeading.current?.focus());
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors());
      setFailure((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page
      title={t('youth.check.title')}
      crumbs={[{ to: '/youth', label: t('nav.youth') }]}
      lead={t('youth.check.lead')}
    >
      <Alert kind="info" title={t('youth.check.privacyTitle')}>
        <p>{t('youth.check.privacyText')}</p>
      </Alert>
      <form onSubmit={submit} className="form" noValidate>
        {failure && <Alert kind="danger">{failure}</Alert>}
        <ProfileFields draft={draft} onChange={setDraft} errors={errors} />
        <div className="button-row">
          <Button type="submit" disabled={busy}>
            {busy ? t('common.loading') : t('youth.check.submit')}
          </Button>
        </div>
      </form>
      <section aria-labelledby="youth-check-results" className="section">
        <h2 id="youth-check-results" ref={resultsHeading} tabIndex={-1}>
          {t('youth.check.resultsTitle')}
        </h2>
        <p role="status" className="youth-count">
          {items ? countText(t, items.length) : ''}
        </p>
        {!items && <p className="note">{t('youth.check.resultsEmpty')}</p>}
        {items && <EligibilityResults items={items} />}
        {items && (
          <p>
            <Link to="/my#me-youth">{t('youth.check.saveHint')}</Link>
          </p>
        )}
      </section>
    </Page>
  );
}
