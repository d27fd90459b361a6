import { useTranslation } from 'react-i18next';
import { type PolicyRevision, useRevisions } from '../../../api/youth-staff.ts';
import { formatDateTime } from '../../../ui/format.ts';
import { QueryState } from '../../../ui/QueryState.tsx';

// The edit history, newest first: what happened and which fields an edit changed (from the snapshots).
function changedFields(now: PolicyRevision, before: PolicyRevision | undefined): string[] {
  if (!before) return [];
  return Object.keys(now.snapshot).filter(
    (k) => k !== 'status' && JSON.stringify(now.snapshot[k]) !== JSON.stringify(before.snapshot[k]),
  );
}

export function Revisions({ id }: { id: string }) {
  const { t } = useTranslation();
  const revisions = useRevisions(id);
  const changeLabel = (change: string) =>
    change.startsWith('status:')
      ? t('youthStaff.history.status', { status: t(`youthStaff.workflow.${change.slice(7)}`) })
      : t(`youthStaff.history.${change}`, { defaultValue: change });
  return (
    <section aria-labelledby="staff-history" className="section">
      <h2 id="staff-history">{t('youthStaff.history.title')}</h2>
      <QueryState query={revisions}>
        {(data) => (
          <ol className="staff-history" reversed>
            {data.items.map((r, i) => {
              const fields = r.change === 'edit' ? changedFields(r, data.items[i + 1]) : [];
              return (
                <li key={r.revision}>
                  <strong>{t('youthStaff.history.revision', { n: r.revision })}</strong>{' '}
                  {changeLabel(r.change)} · <time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time>
                  {fields.length > 0 && (
                    <p className="note">
                      {t('youthStaff.history.changed', {
                        fields: fields.map((f) => t(`youthStaff.field.${f}`, { defaultValue: f })).join(', '),
                      })}
                    </p>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </QueryState>
    </section>
  );
}
