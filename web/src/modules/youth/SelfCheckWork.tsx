import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EligibilityCheckInput } from '../../../../contracts/youth-eligibility.ts';
import { showServerErrors, useZodForm } from '../../forms/useZodForm.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { formatDate } from '../../ui/format.ts';
import { CheckResults } from './CheckResults.tsx';
import { EMPTY_DRAFT, ProfileFields, SelfCheckForm } from './ProfileFields.tsx';
import './messages.ts';
import './youth.css';

// The self-check's form and results (SelfCheck.tsx is the page around them). The answers go to the
// server and are not kept there; here they live only while the page is open. After a search the form
// folds into one line of what was entered, so the results (a page at a time, with filters) start
// near the top of a phone's screen.
export default function SelfCheckWork({
  editing,
  setEditing,
}: {
  editing: boolean;
  setEditing: (editing: boolean) => void;
}) {
  const { t } = useTranslation();
  const form = useZodForm(SelfCheckForm, { defaultValues: EMPTY_DRAFT });
  const [facts, setFacts] = useState<EligibilityCheckInput | null>(null);
  const [search, setSearch] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  const submit = form.handleSubmit((body) => {
    setFacts(body);
    setSearch((n) => n + 1);
    setEditing(false);
  });
  const edit = () => {
    setEditing(true);
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('input, select')?.focus());
  };
  // What the server refuses goes back onto the fields it names, with the form open again.
  const refused = useCallback(
    (error: Error) => {
      showServerErrors(form, error);
      setEditing(true);
    },
    [form, setEditing],
  );
  const failure = Object.keys(form.formState.errors).length > 0 ? t('youth.check.fixErrors') : null;

  return (
    <>
      {!editing && facts && <Answers facts={facts} onEdit={edit} />}
      <div hidden={!editing}>
        <form ref={formRef} onSubmit={submit} className="form" noValidate>
          {failure && <Alert kind="danger">{failure}</Alert>}
          <ProfileFields form={form} />
          <div className="button-row">
            <Button type="submit">{t('youth.check.submit')}</Button>
          </div>
        </form>
      </div>
      <section aria-labelledby="youth-check-results" className="section">
        <h2 id="youth-check-results">{t('youth.check.resultsTitle')}</h2>
        {!facts && <p className="note">{t('youth.check.resultsEmpty')}</p>}
        <CheckResults id="youth-check-count" facts={facts} search={search} onError={refused} />
        {facts && (
          <p>
            <Link to="/my#me-youth">{t('youth.check.saveHint')}</Link>
          </p>
        )}
      </section>
    </>
  );
}

/** One line of what the person entered, and a way back to the form. */
function Answers({ facts, onEdit }: { facts: EligibilityCheckInput; onEdit: () => void }) {
  const { t } = useTranslation();
  const said = [
    t('youthPages.selfCheck.born', { date: formatDate(facts.birthDate) }),
    t(`youth.codes.district.${facts.regionCode}`, { defaultValue: '' }),
    facts.employment ? t(`youth.codes.employment.${facts.employment}`) : '',
    facts.education ? t(`youth.codes.education.${facts.education}`) : '',
    facts.major ? t(`youth.codes.major.${facts.major}`) : '',
  ].filter(Boolean);
  return (
    <div className="youth-answers">
      <p>
        <strong>{t('youthPages.selfCheck.answers')}</strong> {said.join(' · ')}
      </p>
      <p className="note">{t('youth.check.privacyTitle')}</p>
      <Button variant="secondary" className="btn-small" onClick={onEdit}>
        {t('youthPages.selfCheck.edit')}
      </Button>
    </div>
  );
}
