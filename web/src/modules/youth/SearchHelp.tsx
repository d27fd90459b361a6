import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { POLICY_FIELDS } from './codes.ts';
import './search-help.css';

// The policy list's help when the words miss: "did you mean" after the typo fallback, and an
// empty answer that says what to try next.

/** The corrected query as a link (the same filters kept), and what the results below were found for. */
export function DidYouMean({ suggestion }: { suggestion: string }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = new URLSearchParams(params);
  next.set('q', suggestion);
  return (
    <p className="youth-did-you-mean">
      {t('youth.list.didYouMean')} <Link to={{ search: `?${next}` }}>{suggestion}</Link>
      <br />
      <span className="note">{t('youth.list.shownFor', { q: suggestion })}</span>
    </p>
  );
}

/** No policy found: check the words, browse a field, or clear every condition. */
export function NoPolicies() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filtered = [...params.keys()].length > 0;
  const clear = () => {
    setParams({});
    // The button goes with the empty answer: the keyboard continues at the search box.
    document.querySelector<HTMLInputElement>('search input[name="q"]')?.focus();
  };
  return (
    <EmptyState
      headingLevel={3}
      icon="search"
      title={t('youth.list.emptyTitle')}
      text={
        <>
          <p>{t('youth.list.emptyText')}</p>
          <p>{t('youth.list.emptyFields')}</p>
        </>
      }
      actions={
        <>
          <ul className="youth-empty-fields">
            {POLICY_FIELDS.map((f) => (
              <li key={f}>
                <Link to={`/youth/policies?field=${f}`} className="btn btn-secondary">
                  <Icon name={f} /> {t(`youth.codes.field.${f}`)}
                </Link>
              </li>
            ))}
          </ul>
          {filtered && (
            <Button variant="tertiary" onClick={clear}>
              {t('youth.list.clearFilters')}
            </Button>
          )}
        </>
      }
    />
  );
}
