import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SUGGESTION_STATUSES } from '../../../../../contracts/youth-questions.ts';
import { type SuggestionStatus, useSuggestions } from '../../../api/youth-questions.ts';
import { SelectField } from '../../../ui/Field.tsx';
import { Page } from '../../../ui/Page.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { SuggestionItem } from './SuggestionItem.tsx';

// 청년 정책 제안: everyone's suggestions with the district's replies, authors' names masked.
export default function SuggestionListPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<SuggestionStatus | ''>('');
  const list = useSuggestions(status);
  return (
    <Page
      title={t('youthQa.suggestionsTitle')}
      crumbs={[{ to: '/youth', label: t('nav.youth') }]}
      lead={t('youthQa.suggestionsLead')}
    >
      <p className="button-row">
        <Link className="btn btn-primary" to="/youth/suggestions/new">
          {t('youthQa.newSuggestion')}
        </Link>
        <Link to="/youth/suggestions/mine">{t('youthQa.mySuggestionsTitle')}</Link>
      </p>
      <SelectField
        label={t('youthQa.statusFilter')}
        value={status}
        onChange={(e) => setStatus(e.target.value as SuggestionStatus | '')}
      >
        <option value="">{t('youthQa.allStatuses')}</option>
        {SUGGESTION_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`youthQa.status.${s}`)}
          </option>
        ))}
      </SelectField>
      <QueryState query={list}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="note">{t('youthQa.suggestionsNone')}</p>
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
