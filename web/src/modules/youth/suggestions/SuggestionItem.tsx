import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Suggestion } from '../../../api/youth-questions.ts';
import { formatDateTime } from '../../../ui/format.ts';
import '../questions/qa.css';

/** One suggestion with its status and the district's reply. */
export function SuggestionItem({ s, children }: { s: Suggestion; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <li className="qa-item">
      <h2>{s.title}</h2>
      <p className="qa-meta">
        <span className="badge">{t(`youthQa.status.${s.status}`)}</span>
        {s.field && <span>{t(`youth.codes.field.${s.field}`)}</span>}
        <span>{s.author ?? t('youthQa.formerMember')}</span>
        <time dateTime={s.createdAt}>{formatDateTime(s.createdAt)}</time>
      </p>
      <p className="qa-text">{s.body}</p>
      {s.reply && s.repliedAt && (
        <div className="qa-answer">
          <p>
            <strong>{t('youthQa.reply')}</strong>{' '}
            <time className="qa-meta" dateTime={s.repliedAt}>
              {formatDateTime(s.repliedAt)}
            </time>
          </p>
          <p className="qa-text">{s.reply}</p>
        </div>
      )}
      {children}
    </li>
  );
}
