import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMySuggestions } from '../../../api/youth-questions.ts';
import { RequireSignIn } from '../../../platform/auth/RequireSignIn.tsx';
import { Page } from '../../../ui/Page.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { SuggestionItem } from './SuggestionItem.tsx';

// My policy suggestions with their status and the district's replies.
export default function MySuggestionsPage() {
  const { t } = useTranslation();
  return <RequireSignIn title={t('youthQa.mySuggestionsTitle')}>{() => <MySuggestions />}</RequireSignIn>;
}

function MySuggestions() {
  const { t } = useTranslation();
  const mine = useMySuggestions();
  return (
    <Page
      title={t('youthQa.mySuggestionsTitle')}
      crumbs={[
        { to: '/youth', label: t('nav.youth') },
        { to: '/youth/suggestions', label: t('youthQa.suggestionsTitle') },
      ]}
    >
      <p>
        <Link className="btn btn-primary" to="/youth/suggestions/new">
          {t('youthQa.newSuggestion')}
        </Link>
      </p>
      <QueryState query={mine}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="note">{t('youthQa.mySuggestionsNone')}</p>
          ) : (
            <ul className="qa-list">
              {data.items.map((s) => (
                <SuggestionItem key={s.id} s={s} />
              ))}
            </ul>
          )
        }
      </QueryState>
    </Page>
  );
}
