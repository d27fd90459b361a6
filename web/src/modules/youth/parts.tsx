import { useTranslation } from 'react-i18next';
import type { PolicyField } from '../../../../contracts/youth-policies.ts';
import type { PolicyStatus, RuleExplanation } from '../../api/youth.ts';
import { formatDate } from '../../ui/format.ts';
import { Icon } from '../../ui/Icon.tsx';
import './messages.ts';

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

/**
 * A policy's conditions as a card shows them: the ones that decide (not met, or to check because
 * the person did not say), then one line for those met; every condition behind a disclosure.
 */
export function RuleSummary({ rules }: { rules: RuleExplanation[] }) {
  const { t } = useTranslation();
  const deciding = rules.filter((r) => r.result !== 'pass');
  const met = rules.filter((r) => r.result === 'pass' && r.restricts);
  const name = (r: RuleExplanation) => t(`youth.rule.${r.rule}`, { defaultValue: r.rule });
  return (
    <div className="youth-rule-summary">
      {deciding.length > 0 && <RuleList rules={deciding} />}
      {(met.length > 0 || deciding.length === 0) && (
        <p className="youth-met">
          <span aria-hidden="true">✓ </span>
          {met.length > 0
            ? t('youthPages.check.met', { names: met.map(name).join(', ') })
            : t('youthPages.check.metNoLimit')}
        </p>
      )}
      <details className="youth-all-rules">
        <summary>{t('youthPages.check.allRules', { count: rules.length })}</summary>
        <RuleList rules={rules} />
      </details>
    </div>
  );
}

/** A policy's fields, each with its icon. */
export function FieldBadges({ fields }: { fields: readonly PolicyField[] }) {
  const { t } = useTranslation();
  return (
    <>
      {fields.map((f) => (
        <span key={f} className="badge youth-field">
          <Icon name={f} size="small" /> {t(`youth.codes.field.${f}`)}
        </span>
      ))}
    </>
  );
}
