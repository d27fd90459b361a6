import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EligibilityCheckInput } from '../../../../contracts/youth-eligibility.ts';
import { useSelfCheck } from '../../api/youth.ts';
import { showServerErrors, useZodForm } from '../../forms/useZodForm.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Page } from '../../ui/Page.tsx';
import { countText, EligibilityResults } from './EligibilityResults.tsx';
import { EMPTY_DRAFT, ProfileFields, SelfCheckForm } from './ProfileFields.tsx';
import './youth.css';

// Self-check without an account: the answers go to the server and are not kept there; here they
// live only while the page is open. The server answers a page of policies at a time.
export default function SelfCheck() {
  const { t } = useTranslation();
  const form = useZodForm(SelfCheckForm, { defaultValues: EMPTY_DRAFT });
  const [submitted, setSubmitted] = useState<EligibilityCheckInput | null>(null);
  const check = useSelfCheck(submitted);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const first = check.data?.pages[0];
  const items = check.data?.pages.flatMap((p) => p.items) ?? null;

  // The results replace nothing above the form; move the reader to them when a new answer arrives.
  useEffect(() => {
    if (first) requestAnimationFrame(() => resultsHeading.current?.focus());
  }, [first]);

  // What the server refuses goes back onto the fields it names.
  useEffect(() => {
    if (check.error) showServerErrors(form, check.error);
  }, [check.error, form]);

  const submit = form.handleSubmit((body) => {
    if (JSON.stringify(body) === JSON.stringify(submitted)) void check.refetch();
    else setSubmitted(body);
  });
  const failure = check.error
    ? check.error.message
    : Object.keys(form.formState.errors).length > 0
      ? t('youth.check.fixErrors')
      : null;

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
        <ProfileFields form={form} />
        <div className="button-row">
          <Button type="submit" disabled={check.isFetching && !check.isFetchingNextPage}>
            {check.isFetching && !check.isFetchingNextPage ? t('common.loading') : t('youth.check.submit')}
          </Button>
        </div>
      </form>
      <section aria-labelledby="youth-check-results" className="section">
        <h2 id="youth-check-results" ref={resultsHeading} tabIndex={-1}>
          {t('youth.check.resultsTitle')}
        </h2>
        <p role="status" className="youth-count">
          {first ? countText(t, first.total) : ''}
        </p>
        {!items && <p className="note">{t('youth.check.resultsEmpty')}</p>}
        {items && first && (
          <EligibilityResults
            items={items}
            total={first.total}
            more={
              check.hasNextPage
                ? { load: () => void check.fetchNextPage(), loading: check.isFetchingNextPage }
                : undefined
            }
          />
        )}
        {items && (
          <p>
            <Link to="/my#me-youth">{t('youth.check.saveHint')}</Link>
          </p>
        )}
      </section>
    </Page>
  );
}
