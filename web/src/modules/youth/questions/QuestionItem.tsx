import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../../api/youth-questions.ts';
import { formatDateTime } from '../../../ui/format.ts';
import './qa.css';

/** One question with its answer; `heading` sets the level that fits the page around it. */
export function QuestionItem({
  q,
  heading: H = 'h3',
  children,
}: {
  q: Question;
  heading?: 'h2' | 'h3';
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <li className="qa-item">
      <H>{q.title || t('youthQa.untitled')}</H>
      <p className="qa-meta">
        <span>{q.asker ?? t('youthQa.formerMember')}</span>
        <time dateTime={q.createdAt}>{formatDateTime(q.createdAt)}</time>
        {!q.public && <span className="badge">{t('youthQa.private')}</span>}
        {q.mine && <span className="badge">{t('youthQa.mine')}</span>}
      </p>
      <p className="qa-text">{q.body}</p>
      {q.answer && q.answeredAt ? (
        <div className="qa-answer">
          <p>
            <strong>{t('youthQa.answer')}</strong>{' '}
            <time className="qa-meta" dateTime={q.answeredAt}>
              {formatDateTime(q.answeredAt)}
            </time>
          </p>
          <p className="qa-text">{q.answer}</p>
        </div>
      ) : (
        <p className="note">{t('youthQa.waiting')}</p>
      )}
      {children}
    </li>
  );
}
