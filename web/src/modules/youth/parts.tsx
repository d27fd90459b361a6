import { useTranslation } from 'react-i18next';
import type { EligibilityItem, PolicyStatus, RuleExplanation } from '../../api/youth.ts';
import { formatDate } from './dates.ts';

// Small pieces every youth page shows the same way.

export function StatusBadge({ status }: { status: PolicyStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge youth-status youth-status-${status}`}>
      {t(`youth.status.${status}`, { defaultValue: status })}
    </span>
  );
}

export function Deadline({
  deadline,
  status,
}: {
  deadline: string | null | undefined;
  status: PolicyStatus;
}) {
  const { t } = useTranslation();
  if (status === 'always_open') return <>{t('youth.deadlineAlways')}</>;
  if (!deadline) return <>{t('youth.deadlineNone')}</>;
  return <time dateTime={deadline}>{formatDate(deadline)}</time>;
}

/** Each rule with its outcome in words (not only a mark or a colour), then the server's explanation. */
export function RuleList({ rules }: { rules: RuleExplanation[] }) {
  const { t } = useTranslation();
  if (rules.length === 0) return <p className="note">{t('youth.rulesNone')}</p>;
  return (
    <ul className="youth-rules">
      {rules.map((r) => (
        <li key={r.rule} className={`youth-rule youth-rule-${r.result}`}>
          <span className="youth-rule-result">{t(`youth.result.${r.result}`)}</span>{' '}
          <span className="youth-rule-name">{t(`youth.rule.${r.rule}`, { defaultValue: r.rule })}:</span>{' '}
          {r.explanation}
        </li>
      ))}
    </ul>
  );
}

export function countUnknown(item: EligibilityItem): number {
  return item.rules.filter((r) => r.result === 'unknown').length;
}
